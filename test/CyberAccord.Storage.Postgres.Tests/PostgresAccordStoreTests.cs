using CyberAccord.Accord.Node;
using CyberAccord.Tests.Conformance;

namespace CyberAccord.Storage.Postgres.Tests;

/// <summary>The store contract on a real PostgreSQL server, one schema per test.</summary>
public sealed class PostgresAccordStoreTests : AccordStoreConformance
{
    private readonly string _store = TestDatabase.NewSchema("conformance");

    protected override async Task<IAccordStore> OpenStoreAsync(string nodeDir) => await PostgresAccordStore.OpenAsync(_store, CancellationToken.None);

    protected override Task DestroyStoreAsync(string nodeDir) => PostgresAccordStore.DropAsync(_store, CancellationToken.None);

    protected override void Cleanup() => PostgresAccordStore.DropAsync(_store, CancellationToken.None).GetAwaiter().GetResult();
}
