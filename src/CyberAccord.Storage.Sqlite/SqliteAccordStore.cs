using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Projection;
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

    private static readonly string[] Tables = [.. ProjectionRows.Derived.Select(t => t.Name)];

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _statements = new(StringComparer.Ordinal);

    private SqliteAccordStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (or creates) the projection file and checks its pages.</summary>
    /// <exception cref="ProjectionDamagedException">The file is damaged at the SQLite level; it is left as it is.</exception>
    public static async Task<SqliteAccordStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        var store = new SqliteAccordStore(connection);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Every page's structure, before any of it is trusted: a damaged page otherwise surfaces as an exception mid-request.
            var check = await store.ScalarAsync("PRAGMA quick_check(1)", cancellationToken).ConfigureAwait(false);
            if (check != "ok")
            {
                throw new ProjectionDamagedException(path, $"the projection {path} is damaged (SQLite quick_check: {check?.ReplaceLineEndings(" ")})", null);
            }

            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch (Exception e) when (IsDamage(e) || e is ProjectionDamagedException)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw e as ProjectionDamagedException ?? new ProjectionDamagedException(path, $"the projection {path} is damaged ({e.Message})", e);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>True for SQLite's answers to a damaged file: SQLITE_CORRUPT (11) and SQLITE_NOTADB (26).</summary>
    public static bool IsDamage(Exception exception) => exception is SqliteException { SqliteErrorCode: 11 or 26 };

    /// <summary>
    /// Moves a damaged projection file and its WAL and shared-memory files aside as FILE.damaged-TIME; returns the new path
    /// of the database. It MUST NOT delete them: they are evidence, and the log can rebuild what they held.
    /// </summary>
    public static string MoveAside(string path)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = $"{path}.damaged-{stamp}";
        for (var n = 2; File.Exists(target); n++)
        {
            target = $"{path}.damaged-{stamp}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        foreach (var suffix in new[] { "-wal", "-shm", string.Empty })
        {
            if (File.Exists(path + suffix))
            {
                File.Move(path + suffix, target + suffix);
            }
        }

        return target;
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

    public Task ApplyBatchAsync(IReadOnlyList<StoredRecord> records, AccordState state, CancellationToken cancellationToken) =>
        WriteAsync(ProjectionRows.For(records, state), cancellationToken);

    private async Task WriteAsync(List<ProjectionRow> rows, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            if (!_statements.TryGetValue(row.Table.Name, out var statement))
            {
                statement = $"INSERT{(row.Table.Replaces ? " OR REPLACE" : string.Empty)} INTO {row.Table.Name} VALUES ({string.Join(", ", Enumerable.Range(1, row.Values.Length).Select(i => "$" + i))})";
                _statements[row.Table.Name] = statement;
            }

            await ExecuteAsync(transaction, statement, cancellationToken, row.Values).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<StoredRecord> ReadRecordsAsync(CancellationToken cancellationToken) => StoredRecordParser.ParseAsync(ReadEntriesAsync(cancellationToken), cancellationToken);

    private async IAsyncEnumerable<(long Sequence, byte[] Entry)> ReadEntriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT seq, entry FROM records ORDER BY seq";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return (reader.GetInt64(0), (byte[])reader.GetValue(1));
        }
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync(string.Join(' ', Tables.Append("records").Select(t => $"DELETE FROM {t};")), cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> DumpAsync(CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        foreach (var table in ProjectionDump.Tables)
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = ProjectionDump.Query(table);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await ProjectionDump.AppendAsync(output, table, reader, cancellationToken).ConfigureAwait(false);
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

/// <summary>The projection's database file is damaged at the SQLite level; the message names the file.</summary>
public sealed class ProjectionDamagedException(string path, string message, Exception? inner) : IOException(message, inner)
{
    public string DatabasePath { get; } = path;
}
