using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Projection;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using Npgsql;
using NpgsqlTypes;

namespace CyberAccord.Storage.Postgres;

/// <summary>
/// The projection in PostgreSQL, for a node that outgrows one SQLite file: every applied record (its log entry) and the
/// query tables derived from the state, in one schema. A batch is one transaction; large inserts go through binary COPY.
/// Readers use their own pooled connections, so they never wait on the writer's transaction (MVCC).
/// </summary>
public sealed class PostgresAccordStore : IAccordStore
{
    private const int SchemaVersion = 1;

    /// <summary>From this many rows for one table in a batch, binary COPY beats a pipelined batch of INSERTs.</summary>
    private const int CopyThreshold = 64;

    private readonly PostgresSession _session;

    private PostgresAccordStore(PostgresSession session) => _session = session;

    /// <summary>The schema holding this node's tables.</summary>
    public string Schema => _session.Schema;

    /// <summary>Opens the store, creating its schema and tables (the migrations) when missing.</summary>
    public static async Task<PostgresAccordStore> OpenAsync(string connectionString, CancellationToken cancellationToken) =>
        new(await PostgresSession.OpenAsync(
            connectionString,
            async (connection, schema, ct) =>
            {
                await MigrateAsync(connection, schema, ct).ConfigureAwait(false);

                // The projection is rebuildable from the log, which is durable before anything is projected: its commits need
                // not wait for the WAL flush. A crash may lose the last few (never a torn one); opening catches them up from the log.
                await ExecuteAsync(connection, "SET synchronous_commit = off", ct).ConfigureAwait(false);
            },
            "writer",
            schema => new InvalidOperationException($"schema '{schema}' is in use by another node process (it holds the writer lock); stop it or choose another schema (search_path)"),
            (server, e) => new InvalidOperationException($"PostgreSQL store {server}: {e.Message}", e),
            cancellationToken).ConfigureAwait(false));

    /// <summary>Removes a store's schema and everything in it (tests, and a node being retired).</summary>
    public static async Task DropAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = PostgresConnectionString.Parse(connectionString);
        await using var source = NpgsqlDataSource.Create(builder.ConnectionString);
        await using var command = source.CreateCommand($"DROP SCHEMA IF EXISTS \"{PostgresConnectionString.Schema(builder)}\" CASCADE");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task MigrateAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Two nodes opening the same schema at once must not both create it.
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock(hashtext('cyberaccord.{schema}'))", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"""
            CREATE SCHEMA IF NOT EXISTS "{schema}";
            SET LOCAL search_path TO "{schema}";
            CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL);
            """, cancellationToken).ConfigureAwait(false);
        await using (var version = new NpgsqlCommand("SELECT value FROM meta WHERE key = 'schema_version'", connection))
        {
            if (await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string text && int.Parse(text, CultureInfo.InvariantCulture) > SchemaVersion)
            {
                throw new InvalidOperationException($"the projection schema '{schema}' has version {text}, newer than this program's {SchemaVersion}");
            }
        }

        // Text compares byte-wise (COLLATE "C"), as in SQLite, whatever the database's locale: ids sort and match alike on both.
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS records (seq bigint PRIMARY KEY, id text COLLATE "C" NOT NULL, kind text COLLATE "C" NOT NULL, author text COLLATE "C" NOT NULL, created text COLLATE "C" NOT NULL, entry bytea NOT NULL);
            CREATE TABLE IF NOT EXISTS parties (id text COLLATE "C" PRIMARY KEY, code text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL, kind text COLLATE "C" NOT NULL, version integer NOT NULL, keys text COLLATE "C" NOT NULL);
            CREATE TABLE IF NOT EXISTS accords (id text COLLATE "C" PRIMARY KEY, author text COLLATE "C" NOT NULL, title text COLLATE "C" NOT NULL, parties text COLLATE "C" NOT NULL, commitments text COLLATE "C" NOT NULL);
            CREATE TABLE IF NOT EXISTS designations (id text COLLATE "C" NOT NULL, party text COLLATE "C" NOT NULL, framework text COLLATE "C" NOT NULL, effective text COLLATE "C" NOT NULL, categories text COLLATE "C" NOT NULL, created text COLLATE "C" NOT NULL, PRIMARY KEY (id, created));
            CREATE TABLE IF NOT EXISTS incidents (id text COLLATE "C" PRIMARY KEY, reporter text COLLATE "C" NOT NULL, affected text COLLATE "C" NOT NULL, title text COLLATE "C" NOT NULL, start text COLLATE "C" NOT NULL, effects text COLLATE "C" NOT NULL, sectors text COLLATE "C" NOT NULL, severity integer NOT NULL, tlp text COLLATE "C" NOT NULL);
            CREATE TABLE IF NOT EXISTS evidence (id text COLLATE "C" PRIMARY KEY, author text COLLATE "C" NOT NULL, incident text COLLATE "C", sha256 text COLLATE "C" NOT NULL, reliability text COLLATE "C" NOT NULL, credibility text COLLATE "C" NOT NULL, shared integer NOT NULL, tlp text COLLATE "C" NOT NULL);
            CREATE TABLE IF NOT EXISTS claims (id text COLLATE "C" PRIMARY KEY, claimant text COLLATE "C" NOT NULL, incident text COLLATE "C", attributed_party text COLLATE "C", attributed_actor text COLLATE "C", likelihood text COLLATE "C" NOT NULL, confidence text COLLATE "C" NOT NULL, unsupported integer NOT NULL, tlp text COLLATE "C" NOT NULL);
            CREATE TABLE IF NOT EXISTS requests (id text COLLATE "C" PRIMARY KEY, from_party text COLLATE "C" NOT NULL, to_party text COLLATE "C" NOT NULL, incident text COLLATE "C", type text COLLATE "C" NOT NULL, created text COLLATE "C" NOT NULL, deadline text COLLATE "C" NOT NULL, status text COLLATE "C" NOT NULL, first_response text COLLATE "C");
            CREATE TABLE IF NOT EXISTS statements (id text COLLATE "C" PRIMARY KEY, author text COLLATE "C" NOT NULL, title text COLLATE "C" NOT NULL, date text COLLATE "C" NOT NULL);
            CREATE TABLE IF NOT EXISTS positions (id text COLLATE "C" PRIMARY KEY, author text COLLATE "C" NOT NULL, subject text COLLATE "C" NOT NULL, stance text COLLATE "C" NOT NULL, commitment text COLLATE "C", under text COLLATE "C", view text COLLATE "C");
            CREATE TABLE IF NOT EXISTS stix_objects (record_id text COLLATE "C" PRIMARY KEY, collection text COLLATE "C" NOT NULL, object_id text COLLATE "C" NOT NULL, type text COLLATE "C" NOT NULL, version text COLLATE "C" NOT NULL, date_added text COLLATE "C" NOT NULL, poster text COLLATE "C" NOT NULL, tlp text COLLATE "C" NOT NULL, deleted integer NOT NULL);
            CREATE INDEX IF NOT EXISTS stix_objects_collection ON stix_objects (collection, date_added);
            CREATE INDEX IF NOT EXISTS records_id ON records (id);
            CREATE INDEX IF NOT EXISTS requests_to ON requests (to_party, status);
            CREATE INDEX IF NOT EXISTS claims_claimant ON claims (claimant);
            """, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"INSERT INTO meta (key, value) VALUES ('schema_version', '{SchemaVersion}') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> ProjectedSizeAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(seq) + 1, 0) FROM records", _session.Connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public Task ApplyBatchAsync(IReadOnlyList<StoredRecord> records, AccordState state, CancellationToken cancellationToken) =>
        WriteAsync(ProjectionRows.For(records, state), cancellationToken);

    private async Task WriteAsync(List<ProjectionRow> rows, CancellationToken cancellationToken)
    {
        await using var transaction = await _session.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(_session.Connection, transaction);
        foreach (var group in rows.GroupBy(r => r.Table))
        {
            var table = group.Key;
            if (!table.Replaces && group.Count() >= CopyThreshold)
            {
                await CopyAsync(table, group, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var sql = Insert(table);
            foreach (var row in group)
            {
                var command = new NpgsqlBatchCommand(sql);
                foreach (var value in row.Values)
                {
                    command.Parameters.Add(Parameter(value));
                }

                batch.BatchCommands.Add(command);
            }
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CopyAsync(ProjectionTable table, IEnumerable<ProjectionRow> rows, CancellationToken cancellationToken)
    {
        await using var importer = await _session.Connection.BeginBinaryImportAsync($"COPY {table.Name} ({string.Join(", ", table.Columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            foreach (var value in row.Values)
            {
                var write = value switch
                {
                    null => importer.WriteNullAsync(cancellationToken),
                    string text => importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
                    long number => importer.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken),
                    int number => importer.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken),
                    byte[] bytes => importer.WriteAsync(bytes, NpgsqlDbType.Bytea, cancellationToken),
                    _ => throw new InvalidOperationException($"no PostgreSQL type for a {value.GetType().Name} in {table.Name}"),
                };
                await write.ConfigureAwait(false);
            }
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter Parameter(object? value) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
        long number => new NpgsqlParameter<long>(string.Empty, number),
        int number => new NpgsqlParameter<int>(string.Empty, number),
        string text => new NpgsqlParameter<string>(string.Empty, text),
        byte[] bytes => new NpgsqlParameter<byte[]>(string.Empty, bytes),
        _ => throw new InvalidOperationException($"no PostgreSQL type for a {value.GetType().Name}"),
    };

    private static string Insert(ProjectionTable table)
    {
        var insert = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns)}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$" + (i + 1)))})";
        return table.Replaces
            ? $"{insert} ON CONFLICT ({string.Join(", ", table.Key)}) DO UPDATE SET {string.Join(", ", table.Columns.Except(table.Key).Select(c => $"{c} = EXCLUDED.{c}"))}"
            : insert;
    }

    public IAsyncEnumerable<StoredRecord> ReadRecordsAsync(CancellationToken cancellationToken) => StoredRecordParser.ParseAsync(ReadEntriesAsync(cancellationToken), cancellationToken);

    private async IAsyncEnumerable<(long Sequence, byte[] Entry)> ReadEntriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await _session.Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT seq, entry FROM records ORDER BY seq", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
        }
    }

    public Task ClearAsync(CancellationToken cancellationToken) =>
        ExecuteAsync(_session.Connection, $"TRUNCATE {string.Join(", ", ProjectionRows.Derived.Append(ProjectionRows.Records).Select(t => t.Name))}", cancellationToken);

    /// <summary>Every table in the canonical dump format, the same as the SQLite store's.</summary>
    public async Task<string> DumpAsync(CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        await using var connection = await _session.Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in ProjectionDump.Tables)
        {
            await using var command = new NpgsqlCommand(ProjectionDump.Query(table), connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await ProjectionDump.AppendAsync(output, table, reader, cancellationToken).ConfigureAwait(false);
        }

        return output.ToString();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
