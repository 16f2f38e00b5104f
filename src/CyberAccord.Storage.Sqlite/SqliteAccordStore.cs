using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using Microsoft.Data.Sqlite;

namespace CyberAccord.Storage.Sqlite;

/// <summary>
/// The embedded projection: one SQLite file holding every applied record (its log entry) and query tables
/// derived from the state. Each record is applied in one transaction; WAL mode lets readers run beside the writer.
/// </summary>
public sealed class SqliteAccordStore : IAccordStore
{
    private const int SchemaVersion = 1;

    private static readonly string[] Tables = ["parties", "accords", "designations", "incidents", "evidence", "claims", "requests", "statements", "positions", "stix_objects"];

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _statements = new(StringComparer.Ordinal);

    private SqliteAccordStore(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteAccordStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var store = new SqliteAccordStore(connection);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)", cancellationToken).ConfigureAwait(false);
        var version = await ScalarAsync("SELECT value FROM meta WHERE key = 'schema_version'", cancellationToken).ConfigureAwait(false);
        if (version is not null && int.Parse(version, CultureInfo.InvariantCulture) > SchemaVersion)
        {
            throw new InvalidOperationException($"the projection database has schema version {version}, newer than this program's {SchemaVersion}");
        }

        await ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS records (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL, author TEXT NOT NULL, created TEXT NOT NULL, entry BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS parties (id TEXT PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, version INTEGER NOT NULL, keys TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS accords (id TEXT PRIMARY KEY, author TEXT NOT NULL, title TEXT NOT NULL, parties TEXT NOT NULL, commitments TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS designations (id TEXT NOT NULL, party TEXT NOT NULL, framework TEXT NOT NULL, effective TEXT NOT NULL, categories TEXT NOT NULL, created TEXT NOT NULL, PRIMARY KEY (id, created));
            CREATE TABLE IF NOT EXISTS incidents (id TEXT PRIMARY KEY, reporter TEXT NOT NULL, affected TEXT NOT NULL, title TEXT NOT NULL, start TEXT NOT NULL, effects TEXT NOT NULL, sectors TEXT NOT NULL, severity INTEGER NOT NULL, tlp TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS evidence (id TEXT PRIMARY KEY, author TEXT NOT NULL, incident TEXT, sha256 TEXT NOT NULL, reliability TEXT NOT NULL, credibility TEXT NOT NULL, shared INTEGER NOT NULL, tlp TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS claims (id TEXT PRIMARY KEY, claimant TEXT NOT NULL, incident TEXT, attributed_party TEXT, attributed_actor TEXT, likelihood TEXT NOT NULL, confidence TEXT NOT NULL, unsupported INTEGER NOT NULL, tlp TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS requests (id TEXT PRIMARY KEY, from_party TEXT NOT NULL, to_party TEXT NOT NULL, incident TEXT, type TEXT NOT NULL, created TEXT NOT NULL, deadline TEXT NOT NULL, status TEXT NOT NULL, first_response TEXT);
            CREATE TABLE IF NOT EXISTS statements (id TEXT PRIMARY KEY, author TEXT NOT NULL, title TEXT NOT NULL, date TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS positions (id TEXT PRIMARY KEY, author TEXT NOT NULL, subject TEXT NOT NULL, stance TEXT NOT NULL, commitment TEXT, under TEXT, view TEXT);
            CREATE TABLE IF NOT EXISTS stix_objects (record_id TEXT PRIMARY KEY, collection TEXT NOT NULL, object_id TEXT NOT NULL, type TEXT NOT NULL, version TEXT NOT NULL, date_added TEXT NOT NULL, poster TEXT NOT NULL, tlp TEXT NOT NULL, deleted INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS stix_objects_collection ON stix_objects (collection, date_added);
            CREATE INDEX IF NOT EXISTS records_id ON records (id);
            CREATE INDEX IF NOT EXISTS requests_to ON requests (to_party, status);
            CREATE INDEX IF NOT EXISTS claims_claimant ON claims (claimant);
            """, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync($"INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '{SchemaVersion}')", cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> ProjectedSizeAsync(CancellationToken cancellationToken)
    {
        var value = await ScalarAsync("SELECT COALESCE(MAX(seq) + 1, 0) FROM records", cancellationToken).ConfigureAwait(false);
        return long.Parse(value!, CultureInfo.InvariantCulture);
    }

    public Task ApplyAsync(StoredRecord record, AccordState state, CancellationToken cancellationToken) => ApplyBatchAsync([record], state, cancellationToken);

    public Task ApplyBatchAsync(IReadOnlyList<StoredRecord> records, AccordState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(state);

        // Rows are taken from the state now, before returning, so the caller may go on changing the state while they are written.
        var rows = new List<(string Sql, object?[] Parameters)>(records.Count * 2);
        foreach (var record in records)
        {
            var r = record.Record;
            rows.Add(("INSERT INTO records (seq, id, kind, author, created, entry) VALUES", [record.Sequence, r.Id, r.Kind, r.Author, Time(r.Created), r.ToEntry()]));
        }

        // Rows derive from the final state, so a record superseded within the batch (a request and its updates) is written once, current.
        foreach (var record in records.DistinctBy(r => r.Record.Kind == RecordKinds.Designation ? $"{r.Record.Id}@{r.Sequence}" : r.Record.Kind == RecordKinds.RequestUpdate ? r.Record.Body["request"]!.GetValue<string>() : r.Record.Id))
        {
            rows.AddRange(Project(record, state));
        }

        return WriteAsync(rows, cancellationToken);
    }

    private async Task WriteAsync(List<(string Sql, object?[] Parameters)> rows, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (sql, parameters) in rows)
        {
            if (!_statements.TryGetValue(sql, out var statement))
            {
                statement = $"{sql} ({string.Join(", ", Enumerable.Range(1, parameters.Length).Select(i => "$" + i))})";
                _statements[sql] = statement;
            }

            await ExecuteAsync(transaction, statement, cancellationToken, parameters).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<(string Sql, object?[] Parameters)> Project(StoredRecord stored, AccordState state)
    {
        var r = stored.Record;
        switch (r.Kind)
        {
            case RecordKinds.Party:
                var party = state.Parties[r.Id];
                yield return ("INSERT OR REPLACE INTO parties VALUES", [party.Id, party.Code, party.Name, party.Kind, party.Version,
                    string.Join(',', party.Keys.Select(k => $"{k.KeyId}:{k.Status}"))]);
                break;
            case RecordKinds.Accord:
                var accord = state.Accords[r.Id];
                yield return ("INSERT OR REPLACE INTO accords VALUES", [accord.Id, accord.Author, accord.Title, string.Join(',', accord.Parties), string.Join(',', accord.Commitments)]);
                break;
            case RecordKinds.Designation:
                var designation = state.Designations.Last(d => d.Id == r.Id && d.Created == r.Created);
                yield return ("INSERT INTO designations VALUES", [designation.Id, designation.Party, designation.Framework, Time(designation.Effective),
                    string.Join(',', designation.Categories.Order(StringComparer.Ordinal)), Time(designation.Created)]);
                break;
            case RecordKinds.Incident:
                var incident = state.Incidents[r.Id];
                yield return ("INSERT INTO incidents VALUES", [incident.Id, incident.Reporter, incident.AffectedParty, incident.Title, Time(incident.Start),
                    string.Join(',', incident.Effects), string.Join(',', incident.Sectors), incident.Severity, incident.Tlp]);
                break;
            case RecordKinds.Evidence:
                var evidence = state.Evidence[r.Id];
                yield return ("INSERT INTO evidence VALUES", [evidence.Id, evidence.Author, evidence.Incident, evidence.Sha256, evidence.Reliability, evidence.Credibility, evidence.IsShared ? 1 : 0, evidence.Tlp]);
                break;
            case RecordKinds.Claim:
                var claim = state.Claims[r.Id];
                yield return ("INSERT INTO claims VALUES", [claim.Id, claim.Claimant, claim.Incident, claim.AttributedToParty, claim.AttributedToActor, claim.Likelihood, claim.Confidence, claim.Unsupported ? 1 : 0, claim.Tlp]);
                break;
            case RecordKinds.Request:
            case RecordKinds.RequestUpdate:
                var request = state.Requests[r.Kind == RecordKinds.Request ? r.Id : r.Body["request"]!.GetValue<string>()];
                yield return ("INSERT OR REPLACE INTO requests VALUES", [request.Id, request.From, request.To, request.Incident, request.Type, Time(request.Created), Time(request.Deadline), request.Status,
                    request.FirstResponse is { } response ? Time(response.Created) : null]);
                break;
            case RecordKinds.Statement:
                var statement = state.Statements[r.Id];
                yield return ("INSERT INTO statements VALUES", [statement.Id, statement.Author, statement.Title, Time(statement.Date)]);
                break;
            case RecordKinds.StixObject:
                var item = state.CollectionObjects.Last(o => o.RecordId == r.Id);
                yield return ("INSERT INTO stix_objects VALUES", [item.RecordId, item.Collection, item.ObjectId, item.Type, item.Version, item.DateAdded.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), item.Poster, item.Tlp, item.Deleted ? 1 : 0]);
                break;
            case RecordKinds.Position:
                var position = state.Positions[r.Id];
                yield return ("INSERT INTO positions VALUES", [position.Id, position.Author, position.Subject, position.Stance, position.Commitment, position.Under, position.View]);
                break;
        }
    }

    public async IAsyncEnumerable<StoredRecord> ReadRecordsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT seq, entry FROM records ORDER BY seq";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredRecord(reader.GetInt64(0), AccordRecord.Parse((byte[])reader.GetValue(1)));
        }
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync(string.Join(' ', Tables.Append("records").Select(t => $"DELETE FROM {t};")), cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> DumpAsync(CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        foreach (var table in Tables.Append("records"))
        {
            output.Append("## ").Append(table).Append('\n');
            await using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (i > 0)
                    {
                        output.Append(" | ");
                    }

                    var value = reader.GetValue(i);
                    output.Append(value is byte[] bytes ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)) : Convert.ToString(value, CultureInfo.InvariantCulture));
                }

                output.Append('\n');
            }
        }

        return output.ToString();
    }

    /// <summary>Read-only queries for the CLI and the server.</summary>
    public async Task<List<Dictionary<string, object?>>> QueryAsync(string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", parameters[i] ?? DBNull.Value);
        }

        var rows = new List<Dictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string Time(DateTime time) => CyberAccord.Stix.Validation.Timestamps.Format(time);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes go through prepared commands kept per statement: a rebuild runs the same few statements thousands of times.</summary>
    private async Task ExecuteAsync(SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameters.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter($"${i + 1}", DBNull.Value));
            }

            _prepared[sql] = command;
        }

        command.Transaction = transaction;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters[i].Value = parameters[i] ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _prepared.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
