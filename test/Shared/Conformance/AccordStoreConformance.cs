using System.Text.Json.Nodes;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Projection;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.Scenario;
using CyberAccord.Log;
using CyberAccord.Log.Storage.Files;

namespace CyberAccord.Tests.Conformance;

/// <summary>
/// The contract every store keeps, run against each backend by a small subclass. Deliberate
/// differences between backends are skipped tests with their reason, never silent.
/// </summary>
public abstract class AccordStoreConformance : IDisposable
{
    private readonly Dictionary<string, PartyKey> _keys =
        ReferenceScenario.Parties.ToDictionary(p => p.Id, _ => PartyKey.Generate(), StringComparer.Ordinal);

    private protected TempDir Dir { get; } = new();

    /// <summary>Opens (creating when needed) this backend's store for the node in <paramref name="nodeDir"/>.</summary>
    protected abstract Task<IAccordStore> OpenStoreAsync(string nodeDir);

    /// <summary>Removes the backend's data entirely, as when a database file is deleted.</summary>
    protected abstract Task DestroyStoreAsync(string nodeDir);

    /// <summary>Runs SQL on the backend's store directly, as an operator (or an older program) could, with no node open.</summary>
    protected abstract Task ExecuteAsync(string nodeDir, string sql);

    /// <summary>The names of the store's tables and indexes.</summary>
    protected abstract Task<IReadOnlyList<string>> NamesAsync(string nodeDir);

    protected async Task<AccordNode> OpenNodeAsync(string nodeDir)
    {
        var logDir = Path.Combine(nodeDir, "log");
        if (!Directory.Exists(logDir))
        {
            await LogDirectory.InitAsync(logDir, "conformance.cyberaccord.example/log", CancellationToken.None);
        }

        var log = await LogDirectory.OpenAsync(logDir, TimeSpan.FromSeconds(5), CancellationToken.None);
        return await AccordNode.OpenAsync(
            log, await OpenStoreAsync(nodeDir), new BlobStore(Path.Combine(nodeDir, "blobs")), null, CancellationToken.None);
    }

    private async Task<string> ScenarioNodeAsync()
    {
        var dir = Dir.Sub("node");
        await using var node = await OpenNodeAsync(dir);
        await ReferenceScenario.WriteAsync(node, id => _keys[id], CancellationToken.None);
        return dir;
    }

    [Fact]
    public async Task The_reference_scenario_is_stored_with_every_record_in_log_order()
    {
        var dir = await ScenarioNodeAsync();
        await using var node = await OpenNodeAsync(dir);
        Assert.Equal(node.Log.Checkpoint.Size, await node.Store.ProjectedSizeAsync(CancellationToken.None));
        Assert.Equal(node.Log.Checkpoint.Size, node.CurrentState().Count);
        var sequences = new List<long>();
        await foreach (var record in node.Store.ReadRecordsAsync(CancellationToken.None))
        {
            sequences.Add(record.Sequence);
        }

        Assert.Equal(Enumerable.Range(0, (int)node.Log.Checkpoint.Size).Select(i => (long)i), sequences);
        Assert.Equal(4, node.CurrentState().Parties.Count);
        Assert.Equal(2, node.CurrentState().Accords.Count);
    }

    [Fact]
    public async Task Rebuilding_from_the_log_after_losing_the_store_gives_the_same_projection()
    {
        var dir = await ScenarioNodeAsync();
        string before;
        await using (var node = await OpenNodeAsync(dir))
        {
            before = await node.Store.DumpAsync(CancellationToken.None);
        }

        await DestroyStoreAsync(dir);
        await using (var node = await OpenNodeAsync(dir))
        {
            Assert.Equal(before, await node.Store.DumpAsync(CancellationToken.None));
            Assert.Equal(node.Log.Checkpoint.Size, node.CurrentState().Count);
        }
    }

    [Fact]
    public async Task A_store_that_lags_the_log_catches_up_on_open()
    {
        var dir = await ScenarioNodeAsync();
        var extra = AccordRecord.Sign(RecordKinds.Statement, "statement--written-before-a-crash", ReferenceScenario.De, DateTime.UtcNow,
            JsonNode.Parse("""{"title":"t","text":"logged, never projected"}""")!.AsObject(), _keys[ReferenceScenario.De]);
        await using (var log = await LogDirectory.OpenAsync(Path.Combine(dir, "log"), TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            await log.AppendAsync([extra.ToEntry()], CancellationToken.None);
        }

        await using var node = await OpenNodeAsync(dir);
        Assert.True(node.CurrentState().Statements.ContainsKey(extra.Id));
        Assert.Equal(node.Log.Checkpoint.Size, await node.Store.ProjectedSizeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_refused_record_writes_nothing_to_the_log_or_the_store()
    {
        var dir = await ScenarioNodeAsync();
        await using var node = await OpenNodeAsync(dir);
        var size = node.Log.Checkpoint.Size;
        var dump = await node.Store.DumpAsync(CancellationToken.None);
        var body = $$"""{"to":"{{ReferenceScenario.Cn}}","type":"information","asks":"x","deadline":"2024-01-01T00:00:00Z"}""";
        var request = AccordRecord.Sign(RecordKinds.Request, "request--bad-deadline", ReferenceScenario.Us,
            new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), JsonNode.Parse(body)!.AsObject(), _keys[ReferenceScenario.Us]);
        var e = await Assert.ThrowsAsync<RecordRejectedException>(() => node.SubmitAsync(request, CancellationToken.None));
        Assert.Equal("$.body.deadline", e.JsonPath);
        var forged = AccordRecord.Sign(RecordKinds.Statement, "statement--forged", ReferenceScenario.Cn, DateTime.UtcNow,
            JsonNode.Parse("""{"title":"t","text":"x"}""")!.AsObject(), _keys[ReferenceScenario.Us]);
        await Assert.ThrowsAsync<RecordRejectedException>(() => node.SubmitAsync(forged, CancellationToken.None));
        Assert.Equal(size, node.Log.Checkpoint.Size);
        Assert.Equal(size, node.Log.SequencedSize);
        Assert.Equal(dump, await node.Store.DumpAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_log_whose_entries_were_rewritten_is_refused_on_rebuild()
    {
        var dir = await ScenarioNodeAsync();
        await DestroyStoreAsync(dir);

        // Rewrite one entry of the current bundle, as an attacker with file access could; the signed checkpoint stays.
        var bundle = Directory.GetFiles(Path.Combine(dir, "log", "tile", "entries"), "*", SearchOption.AllDirectories)
            .MaxBy(f => new FileInfo(f).Length)!;
        var bytes = File.ReadAllBytes(bundle);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var at = text.IndexOf("\"title\":\"", StringComparison.Ordinal) + 9;
        bytes[at] = (byte)(bytes[at] == (byte)'X' ? 'Y' : 'X');
        File.WriteAllBytes(bundle, bytes);

        var e = await Assert.ThrowsAsync<LogCorruptException>(() => OpenNodeAsync(dir));
        var named = Path.GetRelativePath(Path.Combine(dir, "log"), bundle).Replace(Path.DirectorySeparatorChar, '/');
        Assert.Equal(named, e.Path);
        Assert.Contains($"the log's files are damaged and will not be served: {named}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_stix_evidence_bundle_is_refused_with_its_errors()
    {
        var dir = Dir.Sub("stix");
        await using var node = await OpenNodeAsync(dir);
        var bundle = """
            {"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[{"type":"indicator",
            "spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
            "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z",
            "pattern":"[file:name = ","pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z"}]}
            """u8.ToArray();
        var e = await Assert.ThrowsAsync<RecordRejectedException>(() => node.AttachStixBundleAsync(bundle, CancellationToken.None));
        Assert.Contains("pattern-syntax", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "blobs", "sha256")));
    }

    [Fact]
    public async Task A_batch_is_stored_whole_in_log_order_and_reopens_as_of_its_last_record()
    {
        var dir = await ScenarioNodeAsync();
        await using (var node = await OpenNodeAsync(dir))
        {
            var created = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
            var asked = $$"""
                {"to":"{{ReferenceScenario.Cn}}","type":"information","asks":"logs of the intrusion","deadline":"2026-02-01T00:00:00Z"}
                """;
            var request = AccordRecord.Sign(RecordKinds.Request, "request--batched", ReferenceScenario.Us, created,
                JsonNode.Parse(asked)!.AsObject(), _keys[ReferenceScenario.Us]);
            await node.SubmitAsync(request, CancellationToken.None);
            var statements = Enumerable.Range(0, 300).Select(i => AccordRecord.Sign(
                RecordKinds.Statement,
                $"statement--batch-{i:D3}",
                ReferenceScenario.De,
                created.AddMinutes(i),
                JsonNode.Parse($$"""{"title":"batch {{i}}","text":"one of many"}""")!.AsObject(),
                _keys[ReferenceScenario.De])).ToList();
            var first = await node.SubmitBatchAsync(statements, CancellationToken.None);
            var update = AccordRecord.Sign(RecordKinds.RequestUpdate, "request-update--batched", ReferenceScenario.Cn, created.AddDays(2),
                JsonNode.Parse("""{"request":"request--batched","status":"acknowledged","note":"received"}""")!.AsObject(),
                _keys[ReferenceScenario.Cn]);
            await node.SubmitAsync(update, CancellationToken.None);

            var dump = await node.Store.DumpAsync(CancellationToken.None);
            Assert.Equal(300, dump.Split('\n').Count(l => l.Contains(" | statement--batch-", StringComparison.Ordinal)));
            Assert.Equal(node.Log.Checkpoint.Size, await node.Store.ProjectedSizeAsync(CancellationToken.None));
            var sequences = new List<long>();
            await foreach (var record in node.Store.ReadRecordsAsync(CancellationToken.None))
            {
                if (record.Record.Id.StartsWith("statement--batch-", StringComparison.Ordinal))
                {
                    sequences.Add(record.Sequence);
                    Assert.Equal(statements[(int)(record.Sequence - first)].ToEntry(), record.Record.ToEntry());
                }
            }

            Assert.Equal(Enumerable.Range(0, 300).Select(i => first + i), sequences);
        }

        // What is derived from the records (the request's status, from its update) is the state's, replayed from the store.
        await using var reopened = await OpenNodeAsync(dir);
        Assert.Equal("acknowledged", reopened.CurrentState().Requests["request--batched"].Status);
        var statementIds = reopened.CurrentState().Statements.Keys;
        Assert.Equal(300, statementIds.Count(id => id.StartsWith("statement--batch-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Clearing_empties_the_store_and_reopening_rebuilds_it()
    {
        var dir = await ScenarioNodeAsync();
        string before;
        await using (var node = await OpenNodeAsync(dir))
        {
            before = await node.Store.DumpAsync(CancellationToken.None);
            await node.Store.ClearAsync(CancellationToken.None);
            Assert.Equal(0, await node.Store.ProjectedSizeAsync(CancellationToken.None));
            Assert.DoesNotContain(" | ", await node.Store.DumpAsync(CancellationToken.None), StringComparison.Ordinal);
        }

        await using (var node = await OpenNodeAsync(dir))
        {
            Assert.Equal(before, await node.Store.DumpAsync(CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_version_1_store_opens_without_the_tables_it_derived_and_keeps_its_records()
    {
        var dir = await ScenarioNodeAsync();
        string before;
        await using (var node = await OpenNodeAsync(dir))
        {
            before = await node.Store.DumpAsync(CancellationToken.None);
        }

        // What version 1 kept beside the records: tables derived from the state, and an index on record ids.
        await ExecuteAsync(
            dir,
            string.Concat(RetiredTables.Tables.Select(t => $"CREATE TABLE {t} (id TEXT); INSERT INTO {t} VALUES ('stale');"))
                + "CREATE INDEX records_id ON records (id); UPDATE meta SET value = '1' WHERE key = 'schema_version';");
        Assert.Contains("stix_objects", await NamesAsync(dir));

        await using (var node = await OpenNodeAsync(dir))
        {
            Assert.Equal(before, await node.Store.DumpAsync(CancellationToken.None));
            Assert.Equal(node.Log.Checkpoint.Size, node.CurrentState().Count);
        }

        var names = await NamesAsync(dir);
        Assert.Contains(RecordTable.Name, names);
        Assert.All(RetiredTables.Tables.Concat(RetiredTables.Indexes), retired => Assert.DoesNotContain(retired, names));
    }

    /// <summary>Removes what the backend keeps outside the test's directory.</summary>
    protected virtual void Cleanup()
    {
    }

    public void Dispose()
    {
        Cleanup();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        Dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
