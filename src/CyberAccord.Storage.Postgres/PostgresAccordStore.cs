using System.Globalization;
using System.Runtime.CompilerServices;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Projection;
using CyberAccord.Accord.State;
using Npgsql;
using NpgsqlTypes;

namespace CyberAccord.Storage.Postgres;

/// <summary>
/// The store in PostgreSQL, beside the log's sequencing in the same schema: every applied record (its log entry), the
/// node's verified record cache. A batch is one transaction; large ones go through binary COPY. Readers use their own
/// pooled connections, so they never wait on the writer's transaction (MVCC).
/// </summary>
public sealed class PostgresAccordStore : IAccordStore
{
    /// <summary>From this many rows in a batch, binary COPY beats a pipelined batch of INSERTs.</summary>
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
            schema => new InvalidOperationException(
                $"schema '{schema}' is in use by another node process (it holds the writer lock); "
                + "stop it or choose another schema (search_path)"),
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
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock(hashtext('cyberaccord.{schema}'))", cancellationToken)
            .ConfigureAwait(false);
        await ExecuteAsync(connection, $"""
            CREATE SCHEMA IF NOT EXISTS "{schema}";
            SET LOCAL search_path TO "{schema}";
            CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL);
            """, cancellationToken).ConfigureAwait(false);
        await using (var version = new NpgsqlCommand("SELECT value FROM meta WHERE key = 'schema_version'", connection))
        {
            if (await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string text
                && int.Parse(text, CultureInfo.InvariantCulture) > RecordTable.SchemaVersion)
            {
                throw new InvalidOperationException(
                    $"the projection schema '{schema}' has version {text}, newer than this program's {RecordTable.SchemaVersion}");
            }
        }

        // Text compares byte-wise (COLLATE "C"), as in SQLite, whatever the database's locale: ids sort and match alike on both.
        var create = RecordTable.Create(type => type switch
        {
            RecordColumnType.Sequence => "bigint PRIMARY KEY",
            RecordColumnType.Text => "text COLLATE \"C\" NOT NULL",
            _ => "bytea NOT NULL",
        });
        await ExecuteAsync(
            connection,
            $"""
            {create};
            {RetiredTables.Drop}
            INSERT INTO meta (key, value) VALUES ('schema_version', '{RecordTable.SchemaVersion}')
            ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
            """,
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> ProjectedSizeAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(seq) + 1, 0) FROM records", _session.Connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public Task AppendAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken) =>
        WriteAsync(RecordTable.Rows(records), cancellationToken);

    private async Task WriteAsync(object[][] rows, CancellationToken cancellationToken)
    {
        await using var transaction = await _session.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Length >= CopyThreshold)
        {
            await CopyAsync(rows, cancellationToken).ConfigureAwait(false);
        }
        else if (rows.Length > 0)
        {
            await using var batch = new NpgsqlBatch(_session.Connection, transaction);
            foreach (var row in rows)
            {
                var command = new NpgsqlBatchCommand(RecordTable.Insert);
                for (var i = 0; i < row.Length; i++)
                {
                    command.Parameters.Add(Parameter(RecordTable.Columns[i].Type, row[i]));
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CopyAsync(object[][] rows, CancellationToken cancellationToken)
    {
        await using var importer = await _session.Connection
            .BeginBinaryImportAsync($"COPY {RecordTable.Name} ({RecordTable.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken)
            .ConfigureAwait(false);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < row.Length; i++)
            {
                var write = RecordTable.Columns[i].Type switch
                {
                    RecordColumnType.Sequence => importer.WriteAsync((long)row[i], NpgsqlDbType.Bigint, cancellationToken),
                    RecordColumnType.Text => importer.WriteAsync((string)row[i], NpgsqlDbType.Text, cancellationToken),
                    _ => importer.WriteAsync((byte[])row[i], NpgsqlDbType.Bytea, cancellationToken),
                };
                await write.ConfigureAwait(false);
            }
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter Parameter(RecordColumnType type, object value) => type switch
    {
        RecordColumnType.Sequence => new NpgsqlParameter<long>(string.Empty, (long)value),
        RecordColumnType.Text => new NpgsqlParameter<string>(string.Empty, (string)value),
        _ => new NpgsqlParameter<byte[]>(string.Empty, (byte[])value),
    };

    public IAsyncEnumerable<StoredRecord> ReadRecordsAsync(CancellationToken cancellationToken) =>
        StoredRecordParser.ParseAsync(ReadEntriesAsync(cancellationToken), cancellationToken);

    private async IAsyncEnumerable<(long Sequence, byte[] Entry)> ReadEntriesAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken)
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
        ExecuteAsync(_session.Connection, $"TRUNCATE {RecordTable.Name}", cancellationToken);

    /// <summary>Every record in the canonical dump format, the same as the SQLite store's.</summary>
    public async Task<string> DumpAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _session.Source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(ProjectionDump.Query, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ProjectionDump.RenderAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
