using CyberAccord.Accord.Node;
using CyberAccord.Tests.Conformance;
using Npgsql;

namespace CyberAccord.Storage.Postgres.Tests;

/// <summary>The store contract on a real PostgreSQL server, one schema per test.</summary>
public sealed class PostgresAccordStoreTests : AccordStoreConformance
{
    private readonly string _store = TestDatabase.NewSchema("conformance");

    protected override async Task<IAccordStore> OpenStoreAsync(string nodeDir) =>
        await PostgresAccordStore.OpenAsync(_store, CancellationToken.None);

    protected override Task DestroyStoreAsync(string nodeDir) => PostgresAccordStore.DropAsync(_store, CancellationToken.None);

    protected override async Task ExecuteAsync(string nodeDir, string sql)
    {
        await using var source = NpgsqlDataSource.Create(PostgresConnectionString.Parse(_store).ConnectionString);
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<IReadOnlyList<string>> NamesAsync(string nodeDir)
    {
        await using var source = NpgsqlDataSource.Create(PostgresConnectionString.Parse(_store).ConnectionString);
        await using var command = source.CreateCommand(
            "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()");
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    protected override void Cleanup() => PostgresAccordStore.DropAsync(_store, CancellationToken.None).GetAwaiter().GetResult();
}
