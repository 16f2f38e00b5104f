using System.Text.Json.Nodes;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.Scenario;
using CyberAccord.Accord.State;
using CyberAccord.Log.Storage.Files;

namespace CyberAccord.Storage.Sqlite.Tests;

/// <summary>Readers (TAXII pages, the API) do not wait on a writer's logging and projecting.</summary>
public sealed class NodeReadsBesideWritesTests : IDisposable
{
    private readonly TempDir _dir = new();

    /// <summary>The real SQLite store, whose batch commit waits until the test lets it go.</summary>
    private sealed class HeldStore(IAccordStore inner) : IAccordStore
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Holding { get; set; }

        public Task<long> ProjectedSizeAsync(CancellationToken cancellationToken) => inner.ProjectedSizeAsync(cancellationToken);

        public async Task AppendAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken)
        {
            var write = inner.AppendAsync(records, cancellationToken);
            if (Holding)
            {
                Entered.TrySetResult();
                await Release.Task;
            }

            await write;
        }

        public IAsyncEnumerable<StoredRecord> ReadRecordsAsync(CancellationToken cancellationToken) =>
            inner.ReadRecordsAsync(cancellationToken);

        public Task ClearAsync(CancellationToken cancellationToken) => inner.ClearAsync(cancellationToken);

        public Task<string> DumpAsync(CancellationToken cancellationToken) => inner.DumpAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    [Fact]
    public async Task A_read_completes_while_a_write_is_held_in_its_projection_commit_and_sees_the_record()
    {
        var root = _dir.Sub("node");
        Directory.CreateDirectory(root);
        await LogDirectory.InitAsync(Path.Combine(root, "log"), "reads.example/log", CancellationToken.None);
        var store = new HeldStore(await SqliteAccordStore.OpenAsync(Path.Combine(root, "accord.db"), CancellationToken.None));
        await using var node = await AccordNode.OpenAsync(
            await LogDirectory.OpenAsync(Path.Combine(root, "log"), TimeSpan.FromSeconds(5), CancellationToken.None),
            store,
            new BlobStore(Path.Combine(root, "blobs")),
            null,
            CancellationToken.None);
        var keys = ReferenceScenario.Parties.ToDictionary(p => p.Id, _ => PartyKey.Generate(), StringComparer.Ordinal);
        await ReferenceScenario.WriteAsync(node, id => keys[id], CancellationToken.None);

        store.Holding = true;
        var body = JsonNode.Parse("""{"title":"held","text":"in the projection commit"}""")!.AsObject();
        var statement = AccordRecord.Sign(
            RecordKinds.Statement, "statement--held", ReferenceScenario.De, DateTime.UtcNow, body, keys[ReferenceScenario.De]);
        var write = node.SubmitAsync(statement, CancellationToken.None);
        await store.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The write is durable in the log and applied in memory; its projection commit is still held.
        var seen = await node.ReadAsync(state => state.Statements.ContainsKey("statement--held"), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(seen);
        Assert.False(write.IsCompleted);

        store.Release.SetResult();
        await write;
        foreach (var key in keys.Values)
        {
            key.Dispose();
        }
    }

    public void Dispose() => _dir.Dispose();
}
