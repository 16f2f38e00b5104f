using Npgsql;

namespace CyberAccord.Storage.Postgres;

/// <summary>
/// A data source and one open connection to a node's schema, set up the one way both the projection and the log's
/// sequencing need: parse the connection string, connect, run the caller's set-up, and take the schema's writer lock.
/// On any failure everything opened so far is closed and the error names the server without its password.
/// </summary>
internal sealed record PostgresSession(NpgsqlDataSource Source, NpgsqlConnection Connection, string Schema) : IAsyncDisposable
{
    /// <param name="setUp">Runs on the new connection first (migrations), with the schema name.</param>
    /// <param name="writerLock">The advisory lock this writer holds for its lifetime; the message says who else holds it.</param>
    public static async Task<PostgresSession> OpenAsync(
        string connectionString,
        Func<NpgsqlConnection, string, CancellationToken, Task> setUp,
        string writerLock,
        Func<string, Exception> inUse,
        Func<string, Exception, Exception> unreachable,
        CancellationToken cancellationToken)
    {
        var builder = PostgresConnectionString.Parse(connectionString);
        var schema = PostgresConnectionString.Schema(builder);
        var source = NpgsqlDataSource.Create(builder.ConnectionString);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await setUp(connection, schema, cancellationToken).ConfigureAwait(false);
            var take = $"SELECT pg_try_advisory_lock(hashtext('cyberaccord.{writerLock}.{schema}'))";
            await using (var exclusive = new NpgsqlCommand(take, connection))
            {
                if (!(bool)(await exclusive.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
                {
                    throw inUse(schema);
                }
            }

            return new PostgresSession(source, connection, schema);
        }
        catch (Exception e)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            await source.DisposeAsync().ConfigureAwait(false);
            if (e is NpgsqlException)
            {
                throw unreachable(PostgresConnectionString.Redact(connectionString), e);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Release the writer lock on the server before closing: closing only asks the server to end the session, and a
        // process that reopens at once (create, then open) would find its own lock still held.
        try
        {
            if (Connection.State == System.Data.ConnectionState.Open)
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", Connection);
                await unlock.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
        catch (NpgsqlException)
        {
            // The session is gone already, and its locks with it.
        }

        await Connection.DisposeAsync().ConfigureAwait(false);
        await Source.DisposeAsync().ConfigureAwait(false);
    }
}
