using CyberAccord.Accord.Node;
using CyberAccord.Tests.Conformance;
using Microsoft.Data.Sqlite;

namespace CyberAccord.Storage.Sqlite.Tests;

/// <summary>The store contract on a real SQLite file.</summary>
public sealed class SqliteAccordStoreTests : AccordStoreConformance
{
    protected override async Task<IAccordStore> OpenStoreAsync(string nodeDir)
    {
        Directory.CreateDirectory(nodeDir);
        return await SqliteAccordStore.OpenAsync(Path.Combine(nodeDir, "accord.db"), CancellationToken.None);
    }

    protected override Task DestroyStoreAsync(string nodeDir)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(nodeDir, "accord.db*"))
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}
