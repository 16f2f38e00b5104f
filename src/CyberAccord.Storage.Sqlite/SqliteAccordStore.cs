using System.Globalization;
using System.Runtime.CompilerServices;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Projection;
using CyberAccord.Accord.State;
using Microsoft.Data.Sqlite;

namespace CyberAccord.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file holding every applied record (its log entry), the node's verified record cache.
/// Each batch is one transaction; WAL mode lets readers run beside the writer.
/// </summary>
public sealed class SqliteAccordStore : IAccordStore
{
    private readonly SqliteConnection _connection;
    private SqliteCommand? _insert;

    private SqliteAccordStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (or creates) the projection file and checks its pages.</summary>
    /// <exception cref="ProjectionDamagedException">The file is damaged at the SQLite level; it is left as it is.</exception>
    public static async Task<SqliteAccordStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        var store = new SqliteAccordStore(connection);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Every page's structure, before any of it is trusted: a damaged page otherwise surfaces as an exception mid-request.
            var check = await store.ScalarAsync("PRAGMA quick_check(1)", cancellationToken).ConfigureAwait(false);
            if (check != "ok")
            {
                throw new ProjectionDamagedException(
                    path, $"the projection {path} is damaged (SQLite quick_check: {check?.ReplaceLineEndings(" ")})", null);
            }

            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch (Exception e) when (IsDamage(e) || e is ProjectionDamagedException)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw e as ProjectionDamagedException
                ?? new ProjectionDamagedException(path, $"the projection {path} is damaged ({e.Message})", e);
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
        await ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", cancellationToken)
            .ConfigureAwait(false);
        await ExecuteAsync("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)", cancellationToken)
            .ConfigureAwait(false);
        var version = await ScalarAsync("SELECT value FROM meta WHERE key = 'schema_version'", cancellationToken).ConfigureAwait(false);
        if (version is not null && int.Parse(version, CultureInfo.InvariantCulture) > RecordTable.SchemaVersion)
        {
            throw new InvalidOperationException(
                $"the projection database has schema version {version}, newer than this program's {RecordTable.SchemaVersion}");
        }

        // seq is INTEGER PRIMARY KEY, SQLite's rowid: the table is stored in log order and needs no index of its own.
        var create = RecordTable.Create(type => type switch
        {
            RecordColumnType.Sequence => "INTEGER PRIMARY KEY",
            RecordColumnType.Text => "TEXT NOT NULL",
            _ => "BLOB NOT NULL",
        });
        await ExecuteAsync(
            $"""
            BEGIN;
            {create};
            {RetiredTables.Drop}
            INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '{RecordTable.SchemaVersion}');
            COMMIT;
            """,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> ProjectedSizeAsync(CancellationToken cancellationToken)
    {
        var value = await ScalarAsync("SELECT COALESCE(MAX(seq) + 1, 0) FROM records", cancellationToken).ConfigureAwait(false);
        return long.Parse(value!, CultureInfo.InvariantCulture);
    }

    public Task AppendAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken) =>
        WriteAsync(RecordTable.Rows(records), cancellationToken);

    /// <summary>One prepared INSERT, run once per record: a rebuild runs it hundreds of thousands of times.</summary>
    private async Task WriteAsync(object[][] rows, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (_insert is null)
        {
            _insert = _connection.CreateCommand();
            _insert.CommandText = RecordTable.Insert;
            for (var i = 0; i < RecordTable.Columns.Count; i++)
            {
                _insert.Parameters.Add(new SqliteParameter($"${i + 1}", DBNull.Value));
            }
        }

        _insert.Transaction = transaction;
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                _insert.Parameters[i].Value = row[i];
            }

            await _insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<StoredRecord> ReadRecordsAsync(CancellationToken cancellationToken) =>
        StoredRecordParser.ParseAsync(ReadAllEntriesAsync(cancellationToken), cancellationToken);

    private async IAsyncEnumerable<(long Sequence, byte[] Entry)> ReadAllEntriesAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT seq, entry FROM records ORDER BY seq";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return (reader.GetInt64(0), (byte[])reader.GetValue(1));
        }
    }

    /// <summary>
    /// The stored log entries with indices from <paramref name="first"/>, at most <paramref name="count"/>, in log order:
    /// copies fsck may use to rebuild a damaged entry bundle (it checks each against the signed checkpoint).
    /// </summary>
    public async Task<IReadOnlyList<(long Index, byte[] Entry)>> ReadEntriesAsync(
        long first, int count, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT seq, entry FROM records WHERE seq >= $1 AND seq < $2 ORDER BY seq";
        command.Parameters.AddWithValue("$1", first);
        command.Parameters.AddWithValue("$2", first + count);
        var entries = new List<(long Index, byte[] Entry)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add((reader.GetInt64(0), (byte[])reader.GetValue(1)));
        }

        return entries;
    }

    public Task ClearAsync(CancellationToken cancellationToken) => ExecuteAsync("DELETE FROM records", cancellationToken);

    public async Task<string> DumpAsync(CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = ProjectionDump.Query;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ProjectionDump.RenderAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
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
        if (_insert is not null)
        {
            await _insert.DisposeAsync().ConfigureAwait(false);
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>The projection's database file is damaged at the SQLite level; the message names the file.</summary>
public sealed class ProjectionDamagedException(string path, string message, Exception? inner) : IOException(message, inner)
{
    public string DatabasePath { get; } = path;
}
