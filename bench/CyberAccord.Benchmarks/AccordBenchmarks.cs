using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using CyberAccord.Accord.Matching;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Storage.Sqlite;

namespace CyberAccord.Benchmarks;

/// <summary>IPv4 lookups against a million critical-infrastructure prefixes, one lookup per operation.</summary>
public class ScopeLookupBenchmarks
{
    private ScopeIndex _index = null!;
    private uint[] _addresses = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        var prefixes = new List<(uint, uint, string)>(1_000_000);
        var owners = new[] { "party--cn:energy", "party--us:energy", "party--de:health", "party--cn:finance", "party--us:government" };
        for (var i = 0; i < 1_000_000; i++)
        {
            var length = random.Next(16, 29);
            var start = (uint)random.NextInt64(0, 1L << 32) & ~(uint.MaxValue >> length);
            prefixes.Add((start, start | (uint.MaxValue >> length), owners[random.Next(owners.Length)]));
        }

        _index = ScopeIndex.FromPrefixes(prefixes);
        _addresses = Enumerable.Range(0, 1 << 20).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray();
    }

    [Benchmark(Description = "IPv4 lookup, 1,000,000 prefixes", OperationsPerInvoke = 1 << 16)]
    public int Lookup()
    {
        var found = 0;
        for (var i = 0; i < 1 << 16; i++)
        {
            found += _index.Lookup(_addresses[_next++ & ((1 << 20) - 1)]).Count;
        }

        return found;
    }
}

/// <summary>Rebuilding the state from signed records: parse, verify the signature, check and apply. Records/s = 20,000 / mean.</summary>
public class RebuildBenchmarks
{
    private byte[][] _entries = [];

    [GlobalSetup(Target = nameof(RebuildState))]
    public void Setup()
    {
        var keys = Enumerable.Range(0, 4).Select(_ => PartyKey.Generate()).ToArray();
        var entries = new List<byte[]>();
        var parties = new List<string>();
        for (var p = 0; p < keys.Length; p++)
        {
            var id = $"party--p{p}";
            parties.Add(id);
            var body = new JsonObject
            {
                ["code"] = $"P{p}",
                ["name"] = $"Party {p}",
                ["kind"] = "state",
                ["keys"] = new JsonArray(new JsonObject { ["public_key"] = Convert.ToBase64String(keys[p].PublicKey) }),
            };
            entries.Add(AccordRecord.Sign(RecordKinds.Party, id, id, DateTime.UtcNow, body, keys[p]).ToEntry());
        }

        var incidents = new List<string>();
        for (var i = 0; entries.Count < 20_000; i++)
        {
            var author = i % keys.Length;
            var kind = i % 4 == 0 ? RecordKinds.Incident : i % 4 == 1 ? RecordKinds.Claim : RecordKinds.Statement;
            JsonObject body = kind switch
            {
                RecordKinds.Incident => JsonNode.Parse($$"""
                    {"title":"incident {{i}}","affected_party":"{{parties[(author + 1) % 4]}}",
                    "window":{"start":"2020-01-01T00:00:00Z"},"sectors":["energy"],"effects":["disruption"],"severity":2}
                    """)!.AsObject(),
                RecordKinds.Claim => JsonNode.Parse($$"""
                    {"incident":"{{incidents[^1]}}","attributed_to":{"party":"{{parties[(author + 2) % 4]}}"},
                    "likelihood":"likely","confidence":"moderate"}
                    """)!.AsObject(),
                _ => JsonNode.Parse($$"""
                    {"title":"statement {{i}}","text":"text of statement {{i}}","incidents":["{{incidents[^1]}}"]}
                    """)!.AsObject(),
            };
            var id = $"{kind}--{Guid.NewGuid()}";
            if (kind == RecordKinds.Incident)
            {
                incidents.Add(id);
            }

            entries.Add(AccordRecord.Sign(kind, id, parties[author], DateTime.UtcNow, body, keys[author]).ToEntry());
        }

        _entries = [.. entries];
    }

    [Benchmark(Description = "rebuild state from 20,000 signed records (in memory)")]
    public long RebuildState()
    {
        var state = new AccordState();
        state.Replay(_entries.Select(e => (ReadOnlyMemory<byte>)e).ToList(), 0);
        return state.Count;
    }

    private string _nodeDir = string.Empty;

    [GlobalSetup(Target = nameof(RebuildProjection))]
    public void SetupNode()
    {
        Setup();
        _nodeDir = Path.Combine(Path.GetTempPath(), "accord-rebuild-bench-" + Guid.NewGuid().ToString("N")[..8]);
        LogDirectory.InitAsync(Path.Combine(_nodeDir, "log"), "bench.cyberaccord.example/log", CancellationToken.None)
            .GetAwaiter().GetResult();
        var log = LogDirectory.OpenAsync(Path.Combine(_nodeDir, "log"), TimeSpan.FromSeconds(5), CancellationToken.None)
            .GetAwaiter().GetResult();
        log.AppendAsync(_entries.Select(e => (ReadOnlyMemory<byte>)e).ToList(), CancellationToken.None).GetAwaiter().GetResult();
        log.IntegrateAsync(null, CancellationToken.None).GetAwaiter().GetResult();
        log.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [IterationSetup(Target = nameof(RebuildProjection))]
    public void DropProjection()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(_nodeDir, "accord.db*"))
        {
            File.Delete(file);
        }
    }

    /// <summary>The whole path: read the log's bundles, replay, and write the SQLite projection.</summary>
    [Benchmark(Description = "rebuild SQLite projection from a 20,000-record log")]
    public long RebuildProjection()
    {
        var log = LogDirectory.OpenAsync(Path.Combine(_nodeDir, "log"), TimeSpan.FromSeconds(5), CancellationToken.None)
            .GetAwaiter().GetResult();
        var store = SqliteAccordStore.OpenAsync(Path.Combine(_nodeDir, "accord.db"), CancellationToken.None).GetAwaiter().GetResult();
        var blobs = new BlobStore(Path.Combine(_nodeDir, "blobs"));
        var node = AccordNode.OpenAsync(log, store, blobs, null, CancellationToken.None).GetAwaiter().GetResult();
        var count = node.State.Count;
        node.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return count;
    }
}
