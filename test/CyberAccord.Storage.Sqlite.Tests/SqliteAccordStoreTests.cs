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

    protected override async Task ExecuteAsync(string nodeDir, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(nodeDir, "accord.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<IReadOnlyList<string>> NamesAsync(string nodeDir)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(nodeDir, "accord.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master";
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}

/// <summary>What only a SQLite file can suffer: edits behind the node's back.</summary>
public sealed class SqliteProjectionTamperingTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task A_projection_edited_behind_the_nodes_back_is_dropped_and_rebuilt_from_the_log()
    {
        var root = _dir.Sub("node");
        Directory.CreateDirectory(root);
        var keys = CyberAccord.Accord.Scenario.ReferenceScenario.Parties.ToDictionary(
            p => p.Id, _ => CyberAccord.Accord.Records.PartyKey.Generate(), StringComparer.Ordinal);
        await CyberAccord.Log.Storage.Files.LogDirectory.InitAsync(Path.Combine(root, "log"), "tamper.example/log", CancellationToken.None);
        async Task<AccordNode> Open() => await AccordNode.OpenAsync(
            await CyberAccord.Log.Storage.Files.LogDirectory.OpenAsync(
                Path.Combine(root, "log"), TimeSpan.FromSeconds(5), CancellationToken.None),
            await SqliteAccordStore.OpenAsync(Path.Combine(root, "accord.db"), CancellationToken.None),
            new BlobStore(Path.Combine(root, "blobs")),
            null,
            CancellationToken.None);

        string title;
        await using (var node = await Open())
        {
            await CyberAccord.Accord.Scenario.ReferenceScenario.WriteAsync(node, id => keys[id], CancellationToken.None);
            title = node.CurrentState().Incidents.Values.First().Title;
        }

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(root, "accord.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                "UPDATE records SET entry = CAST(REPLACE(CAST(entry AS TEXT), $from, $to) AS BLOB) WHERE kind = 'incident'";
            command.Parameters.AddWithValue("$from", title);
            command.Parameters.AddWithValue("$to", "A different story");
            Assert.True(await command.ExecuteNonQueryAsync() > 0);
        }

        await using (var node = await Open())
        {
            Assert.Contains(node.CurrentState().Incidents.Values, i => i.Title == title);
            Assert.DoesNotContain(node.CurrentState().Incidents.Values, i => i.Title == "A different story");
        }

        foreach (var key in keys.Values)
        {
            key.Dispose();
        }
    }

    public void Dispose() => _dir.Dispose();
}
