using CyberAccord.Log;
using CyberAccord.Log.Storage;
using CyberAccord.Log.Tiles;
using Npgsql;
using NpgsqlTypes;

namespace CyberAccord.Storage.Postgres;

/// <summary>
/// The log's sequencing in PostgreSQL: entries wait in <c>log_sequence</c> of the node's schema until integration puts
/// them into tiles (which stay on files, where they are served as static files). A batch is one committed transaction
/// (binary COPY), so it is durable, numbered and all-or-nothing as the contract asks; there are no torn frames to repair.
/// </summary>
public sealed class PostgresSequencer : ISequencer
{
    public const string Kind = "postgres";

    private readonly PostgresSession _session;

    private PostgresSequencer(PostgresSession session) => _session = session;

    private string Schema => _session.Schema;

    public long SequencedSize { get; private set; }

    public IReadOnlyList<string> Repairs { get; } = [];

    /// <summary>
    /// Makes the schema the sequencing place of a new log: drops any entries another log left there and records
    /// <paramref name="logId"/> as its owner. Only for a log being created, and only in a schema no other log owns, or one
    /// owned by <paramref name="replacing"/> (the log a node being replaced had): another node's pending entries are never dropped.
    /// </summary>
    public static async Task ClaimAsync(string connectionString, string logId, string? replacing, CancellationToken cancellationToken)
    {
        await using var sequencer = await ConnectAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await sequencer.RequireClaimableAsync(replacing, cancellationToken).ConfigureAwait(false);
        await using var transaction = await sequencer._session.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var truncate = new NpgsqlCommand("TRUNCATE log_sequence", sequencer._session.Connection, transaction))
        {
            await truncate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        const string Claim =
            "INSERT INTO log_meta (key, value) VALUES ('log_id', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value";
        await using (var command = new NpgsqlCommand(Claim, sequencer._session.Connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string>(string.Empty, logId));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Refuses, before anything is written, a schema whose sequencing belongs to a log other than <paramref name="replacing"/>.
    /// </summary>
    public static async Task CheckClaimableAsync(string connectionString, string? replacing, CancellationToken cancellationToken)
    {
        await using var sequencer = await ConnectAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await sequencer.RequireClaimableAsync(replacing, cancellationToken).ConfigureAwait(false);
    }

    private async Task RequireClaimableAsync(string? replacing, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT value FROM log_meta WHERE key = 'log_id'", _session.Connection);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string owner && owner != replacing)
        {
            throw new LogStateException(
                $"schema '{Schema}' already holds the log sequencing of another node (log {owner}); choose another schema (search_path), "
                + "replace that node with --force in its own directory, or drop the schema");
        }
    }

    /// <summary>
    /// Opens the sequencing of the log <paramref name="logId"/>, whose tiles hold <paramref name="integratedSize"/> entries.
    /// </summary>
    public static async Task<PostgresSequencer> OpenAsync(
        string connectionString, string logId, long integratedSize, CancellationToken cancellationToken)
    {
        var sequencer = await ConnectAsync(connectionString, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand(
                "SELECT (SELECT value FROM log_meta WHERE key = 'log_id'), MIN(idx), MAX(idx), COUNT(*) FROM log_sequence",
                sequencer._session.Connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var owner = reader.IsDBNull(0) ? null : reader.GetString(0);
            if (owner != logId)
            {
                throw new LogStateException(
                    $"schema '{sequencer.Schema}' holds the sequencing of {(owner is null ? "no log" : $"log {owner}")}, "
                    + $"not of this log ({logId}); a node's log and its schema belong together");
            }

            var size = integratedSize;
            if (!reader.IsDBNull(1))
            {
                var (min, max, count) = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
                if (count != max - min + 1 || min > integratedSize)
                {
                    throw new LogCorruptException(
                        $"log_sequence in schema '{sequencer.Schema}' holds {count} entries between {min} and {max}, "
                        + $"with gaps or beyond the integrated size {integratedSize}");
                }

                size = Math.Max(size, max + 1);
            }

            sequencer.SequencedSize = size;
            return sequencer;
        }
        catch
        {
            await sequencer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<PostgresSequencer> ConnectAsync(string connectionString, CancellationToken cancellationToken) =>
        new(await PostgresSession.OpenAsync(
            connectionString,
            async (connection, schema, ct) =>
            {
                await using var create = new NpgsqlCommand($"""
                    SELECT pg_advisory_lock(hashtext('cyberaccord.{schema}'));
                    CREATE SCHEMA IF NOT EXISTS "{schema}";
                    CREATE TABLE IF NOT EXISTS log_sequence (idx bigint PRIMARY KEY, entry bytea NOT NULL);
                    CREATE TABLE IF NOT EXISTS log_meta (key text PRIMARY KEY, value text NOT NULL);
                    SELECT pg_advisory_unlock(hashtext('cyberaccord.{schema}'));
                    """, connection);
                await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },

            // One appender per schema: the log's own file lock guards one directory, this guards the shared database.
            "sequencer",
            schema => new LogStateException(
                $"the log sequencing in schema '{schema}' is in use by another process; try again when it has finished"),
            (server, e) => new LogStateException($"PostgreSQL sequencing at {server}: {e.Message}"),
            cancellationToken).ConfigureAwait(false));

    public async ValueTask<long> AppendAsync(IReadOnlyList<ReadOnlyMemory<byte>> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            if (entry.Length > EntryBundle.MaxEntrySize)
            {
                throw new LogFormatException($"entry of {entry.Length} bytes exceeds the {EntryBundle.MaxEntrySize}-byte limit");
            }
        }

        var first = SequencedSize;
        if (entries.Count == 0)
        {
            return first;
        }

        await using (var transaction = await _session.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            const string Copy = "COPY log_sequence (idx, entry) FROM STDIN (FORMAT BINARY)";
            await using (var importer = await _session.Connection.BeginBinaryImportAsync(Copy, cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < entries.Count; i++)
                {
                    await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(first + i, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(entries[i].ToArray(), NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                }

                await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            // The commit is the durability point (synchronous_commit): only then are the indices reported.
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        SequencedSize = first + entries.Count;
        return first;
    }

    public async ValueTask<IReadOnlyList<ReadOnlyMemory<byte>>> ReadAsync(long from, int maxCount, CancellationToken cancellationToken)
    {
        var entries = new List<ReadOnlyMemory<byte>>(Math.Min(maxCount, 4096));
        await using var command = new NpgsqlCommand(
            "SELECT idx, entry FROM log_sequence WHERE idx >= $1 ORDER BY idx LIMIT $2", _session.Connection);
        command.Parameters.Add(new NpgsqlParameter<long>(string.Empty, from));
        command.Parameters.Add(new NpgsqlParameter<int>(string.Empty, maxCount));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.GetInt64(0) != from + entries.Count)
            {
                throw new LogCorruptException(
                    $"log_sequence has no entry {from + entries.Count}; it was released or lost before integration");
            }

            entries.Add(reader.GetFieldValue<byte[]>(1));
        }

        return entries;
    }

    public async ValueTask ReleaseAsync(long integratedSize, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("DELETE FROM log_sequence WHERE idx < $1", _session.Connection);
        command.Parameters.Add(new NpgsqlParameter<long>(string.Empty, integratedSize));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}

/// <summary>Opens the PostgreSQL sequencer a log directory names.</summary>
public sealed class PostgresSequencerFactory : ISequencerFactory
{
    public async ValueTask<ISequencer> OpenAsync(SequencerSettings settings, long integratedSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Kind == PostgresSequencer.Kind
            ? await PostgresSequencer.OpenAsync(settings.Connection, settings.LogId, integratedSize, cancellationToken)
                .ConfigureAwait(false)
            : throw new LogStateException(
                $"the log names a '{settings.Kind}' sequencer; this program knows only '{PostgresSequencer.Kind}'");
    }
}
