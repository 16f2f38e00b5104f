using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.Scenario;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Storage.Sqlite;
using Npgsql;

namespace CyberAccord.Storage.Postgres.Tests;

/// <summary>What holds of the PostgreSQL store beyond the shared contract.</summary>
public sealed class PostgresOnlyTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _store = TestDatabase.NewSchema("only");

    [Fact]
    public async Task The_same_log_gives_the_same_records_in_postgresql_and_in_sqlite()
    {
        var root = _dir.Sub("node");
        var keys = ReferenceScenario.Parties.ToDictionary(p => p.Id, _ => PartyKey.Generate(), StringComparer.Ordinal);
        await LogDirectory.InitAsync(Path.Combine(root, "log"), "both.example/log", CancellationToken.None);
        async Task<AccordNode> Open(IAccordStore store) => await AccordNode.OpenAsync(
            await LogDirectory.OpenAsync(Path.Combine(root, "log"), TimeSpan.FromSeconds(5), CancellationToken.None),
            store,
            new BlobStore(Path.Combine(root, "blobs")),
            null,
            CancellationToken.None);

        string postgres;
        await using (var node = await Open(await PostgresAccordStore.OpenAsync(_store, CancellationToken.None)))
        {
            await ReferenceScenario.WriteAsync(node, id => keys[id], CancellationToken.None);
            postgres = await node.Store.DumpAsync(CancellationToken.None);
        }

        // The SQLite projection is built from the log alone, by catching up from nothing.
        await using (var node = await Open(await SqliteAccordStore.OpenAsync(Path.Combine(root, "accord.db"), CancellationToken.None)))
        {
            Assert.Equal(postgres, await node.Store.DumpAsync(CancellationToken.None));
        }

        Assert.Contains("## records\n0 | party--", postgres, StringComparison.Ordinal);
        Assert.Contains(" | request--", postgres, StringComparison.Ordinal);
        foreach (var key in keys.Values)
        {
            key.Dispose();
        }
    }

    [Fact]
    public async Task A_schema_from_a_newer_program_is_refused()
    {
        await using (var store = await PostgresAccordStore.OpenAsync(_store, CancellationToken.None))
        {
            await using var source = NpgsqlDataSource.Create(PostgresConnectionString.Parse(_store).ConnectionString);
            await using var command = source.CreateCommand("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresAccordStore.OpenAsync(_store, CancellationToken.None));
        Assert.Contains("version 99, newer than this program's 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_named_without_its_password()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(
            () => PostgresAccordStore.OpenAsync("Host=127.0.0.1;Port=1;Username=u;Password=hunter2;Timeout=2", CancellationToken.None));
        Assert.Contains("Host=127.0.0.1", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "postgres://ann:s%40cret@db.example:6543/accord?search_path=cert_de", "db.example", 6543, "ann", "s@cret", "accord", "cert_de")]
    [InlineData("postgresql://db.example/accord", "db.example", 5432, null, null, "accord", "cyberaccord")]
    [InlineData("Host=10.0.0.5;Port=5433;Username=bob;Database=nodes;Search Path=cn", "10.0.0.5", 5433, "bob", null, "nodes", "cn")]
    public void Urls_and_keyword_strings_name_the_same_things(
        string text, string host, int port, string? user, string? password, string database, string schema)
    {
        var builder = PostgresConnectionString.Parse(text);
        Assert.Equal(
            (host, port, user, password, database, schema),
            (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database, PostgresConnectionString.Schema(builder)));
    }

    [Theory]
    [InlineData("postgres://db.example/accord?search_path=Bad-Schema", "schema 'Bad-Schema'")]
    [InlineData("postgres://db.example/accord?colour=blue", "'colour'")]
    [InlineData("Database=x", "names no host")]
    [InlineData("Host=x;Frobnicate=1", "is not a PostgreSQL connection string")]
    public void Bad_connection_strings_are_refused_naming_the_fault(string text, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => PostgresConnectionString.Parse(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Passwords_are_redacted_in_both_forms()
    {
        Assert.Equal("postgres://ann:***@db/x", PostgresConnectionString.Redact("postgres://ann:pw@db/x"));
        Assert.Equal("Host=db;Password=***;Database=x", PostgresConnectionString.Redact("Host=db;Password=pw;Database=x"));
    }

    public void Dispose()
    {
        PostgresAccordStore.DropAsync(_store, CancellationToken.None).GetAwaiter().GetResult();
        _dir.Dispose();
    }
}
