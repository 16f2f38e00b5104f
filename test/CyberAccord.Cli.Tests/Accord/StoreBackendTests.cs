using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Server.Taxii;
using CyberAccord.Storage.Postgres;
using CyberAccord.Storage.Sqlite;

namespace CyberAccord.Cli.Tests.Accord;

/// <summary>The node on either backend, through the real executable: the embedded SQLite file, or a real PostgreSQL server.</summary>
public sealed class StoreBackendTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly List<string> _schemas = [];

    private static string Postgres =>
        Environment.GetEnvironmentVariable("ACCORD_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "ACCORD_TEST_POSTGRES is not set: run the tests with ./eng/test.sh, which starts a private PostgreSQL server");

    private string NewStore(string prefix)
    {
        var store = $"{Postgres};Search Path={prefix}_{Guid.NewGuid():N}";
        _schemas.Add(store);
        return store;
    }

    [Fact]
    public async Task The_demo_on_postgresql_keeps_its_projection_there_verifies_and_serves()
    {
        var store = NewStore("demo");
        var node = _dir.Sub("pg");
        var demo = await AccordProcess.RunAsync("demo", "--dir", node, "--store", store);
        Assert.True(demo.ExitCode == 0, demo.ToString());
        Assert.False(File.Exists(Path.Combine(node, "accord.db")));
        Assert.Contains("Search Path=demo_", File.ReadAllText(Path.Combine(node, "node.json")), StringComparison.Ordinal);

        // The log's sequencing lives in the schema too: the journal directory stays empty, and opening the log without
        // a way to reach PostgreSQL is refused rather than sequencing anywhere else.
        var sequence = Path.Combine(node, "log", "private", "sequence");
        Assert.True(!Directory.Exists(sequence) || Directory.GetFiles(sequence).Length == 0);
        var blind = await Assert.ThrowsAsync<CyberAccord.Log.LogStateException>(
            () => LogDirectory.OpenAsync(Path.Combine(node, "log"), TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.Contains("sequences its entries in postgres", blind.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await AccordProcess.RunAsync("log", "verify", node)).ExitCode);

        // The same scenario on the embedded store gives the same figures.
        var embedded = _dir.Sub("sqlite");
        Assert.Equal(0, (await AccordProcess.RunAsync("demo", "--dir", embedded)).ExitCode);
        Assert.Equal(
            (await AccordProcess.RunAsync("scorecard", "--dir", embedded, "--at", "2026-01-01T00:00:00Z")).Stdout,
            (await AccordProcess.RunAsync("scorecard", "--dir", node, "--at", "2026-01-01T00:00:00Z")).Stdout);

        // Another node cannot take this node's schema; the node itself can, when it is replaced.
        var other = await AccordProcess.RunAsync("demo", "--dir", _dir.Sub("other"), "--store", store);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("already holds the log sequencing of another node", other.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, (await AccordProcess.RunAsync("log", "verify", node)).ExitCode);
        var replaced = await AccordProcess.RunAsync("demo", "--dir", node, "--force", "--store", store);
        Assert.True(replaced.ExitCode == 0, replaced.ToString());

        // A bad store is refused before anything is replaced, even with --force.
        var refused = await AccordProcess.RunAsync(
            "demo", "--dir", node, "--force", "--store", "Host=127.0.0.1;Port=1;Username=x;Password=secret;Timeout=2");
        Assert.Equal(2, refused.ExitCode);
        Assert.DoesNotContain("secret", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, (await AccordProcess.RunAsync("log", "verify", node)).ExitCode);

        await using var server = await Server.StartAsync(node);
        var posted = "indicator--" + Guid.NewGuid();
        var response = await server.PostAsync(Envelope([posted]));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await server.DisposeAsync();
        await using var projection = await PostgresAccordStore.OpenAsync(store, CancellationToken.None);
        var stored = Assert.Single(await RecordsAsync(projection), r => StixObjectId(r) == posted);
        Assert.Equal("indicator", stored.Body["object"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Init_with_a_postgres_url_migrates_the_schema_and_the_node_works_on_it()
    {
        var keywords = CyberAccord.Storage.Postgres.PostgresConnectionString.Parse(Postgres);
        var schema = $"init_{Guid.NewGuid():N}";
        var url = $"postgres://{keywords.Username}@{keywords.Host}:{keywords.Port}/{keywords.Database}?search_path={schema}";
        _schemas.Add($"{Postgres};Search Path={schema}");
        var node = _dir.Sub("init");
        var init = await AccordProcess.RunAsync("init", "--dir", node, "--party", "FR", "--name", "France", "--store", url);
        Assert.True(init.ExitCode == 0, init.ToString());
        var added = await AccordProcess.RunAsync(
            ["statement", "add", "--dir", node, "--as", "FR", "--id", "statement--fr-1", "-"],
            """{"title":"first","text":"on postgres"}""");
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Contains("party--fr", (await AccordProcess.RunAsync("party", "list", "--dir", node)).Stdout, StringComparison.Ordinal);

        await using var projection = await PostgresAccordStore.OpenAsync(url, CancellationToken.None);
        Assert.Equal(2, await projection.ProjectedSizeAsync(CancellationToken.None));
        var dump = await projection.DumpAsync(CancellationToken.None);
        Assert.Contains("| statement--fr-1 | statement | party--fr |", dump, StringComparison.Ordinal);
        var statement = (await RecordsAsync(projection)).Single(r => r.Record.Id == "statement--fr-1");
        Assert.Equal("first", statement.Body["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Serve_with_a_store_projects_an_embedded_node_into_postgresql()
    {
        var node = _dir.Sub("embedded");
        Assert.Equal(0, (await AccordProcess.RunAsync("demo", "--dir", node)).ExitCode);
        var store = NewStore("serve");
        var posted = "indicator--" + Guid.NewGuid();
        await using (var server = await Server.StartAsync(node, "--store", store))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await server.PostAsync(Envelope([posted]))).StatusCode);
        }

        // The projection was rebuilt in PostgreSQL from the log, then took the new object; the log kept sequencing in its files.
        await using var projection = await PostgresAccordStore.OpenAsync(store, CancellationToken.None);
        var records = await RecordsAsync(projection);
        Assert.Contains(records, r => StixObjectId(r) == posted);
        Assert.Contains(records, r => r.Record.Kind == RecordKinds.Party && r.Record.Id == "party--cn");
        Assert.Equal(0, (await AccordProcess.RunAsync("log", "verify", node)).ExitCode);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(node, "log", "private", "sequence")));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Killing_the_node_during_a_long_ingest_loses_nothing_acknowledged(string backend)
    {
        var store = backend == "postgres" ? NewStore("crash") : null;
        var node = _dir.Sub(backend);
        string[] demo = store is null ? ["demo", "--dir", node] : ["demo", "--dir", node, "--store", store];
        Assert.Equal(0, (await AccordProcess.RunAsync(demo)).ExitCode);

        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        await using (var server = await Server.StartAsync(node, "--checkpoint-interval-ms", "100"))
        {
            using var stop = new CancellationTokenSource();
            async Task Post()
            {
                while (!stop.IsCancellationRequested)
                {
                    var ids = Enumerable.Range(0, 100).Select(_ => "indicator--" + Guid.NewGuid()).ToList();
                    try
                    {
                        var answer = await server.PostAsync(Envelope(ids));
                        if (answer.StatusCode == HttpStatusCode.Accepted
                            && JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["success_count"]!.GetValue<int>() == 100)
                        {
                            ids.ForEach(acknowledged.Add);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the node is gone: this POST was never acknowledged
                    }
                }
            }

            var posters = Enumerable.Range(0, 3).Select(_ => Task.Run(Post)).ToList();
            while (acknowledged.Count < 3_000)
            {
                await Task.Delay(50);
            }

            server.Kill(); // SIGKILL, with POSTs in flight: no chance to flush or close anything
            await Task.WhenAll(posters);
            await stop.CancelAsync();
        }

        // Restart: the log recovers, integrates what was sequenced, and the projection catches up.
        Assert.Equal(0, (await AccordProcess.RunAsync("log", "fsck", Path.Combine(node, "log"))).ExitCode);
        await using var restarted = await AccordNode.OpenAsync(
            await LogDirectory.OpenAsync(
                Path.Combine(node, "log"), TimeSpan.FromSeconds(10), CancellationToken.None, new PostgresSequencerFactory()),
            store is null
                ? await SqliteAccordStore.OpenAsync(Path.Combine(node, "accord.db"), CancellationToken.None)
                : await PostgresAccordStore.OpenAsync(store, CancellationToken.None),
            new BlobStore(Path.Combine(node, "blobs")),
            null,
            CancellationToken.None);
        var present = restarted.CurrentState().CollectionObjects.Select(o => o.ObjectId).ToHashSet(StringComparer.Ordinal);
        Assert.All(acknowledged, id => Assert.Contains(id, present));
        Assert.Equal(restarted.Log.Checkpoint.Size, await restarted.Store.ProjectedSizeAsync(CancellationToken.None));

        var projected = await restarted.Store.DumpAsync(CancellationToken.None);
        await restarted.RebuildAsync(null, CancellationToken.None);
        Assert.Equal(projected, await restarted.Store.DumpAsync(CancellationToken.None));
        Assert.Equal(0, (await AccordProcess.RunAsync("log", "verify", node)).ExitCode);
    }

    private static async Task<List<StoredRecord>> RecordsAsync(PostgresAccordStore store)
    {
        var records = new List<StoredRecord>();
        await foreach (var record in store.ReadRecordsAsync(CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }

    private static string? StixObjectId(StoredRecord record) =>
        record.Record.Kind == RecordKinds.StixObject ? record.Body["object"]?["id"]?.GetValue<string>() : null;

    private static StringContent Envelope(IEnumerable<string> ids)
    {
        var objects = ids.Select(id => $$"""
            {"type":"indicator","spec_version":"2.1","id":"{{id}}","created":"2024-01-01T00:00:00.000Z",
            "modified":"2024-01-01T00:00:00.000Z","name":"ingest","pattern":"[ipv4-addr:value = '198.51.100.7']","pattern_type":"stix",
            "valid_from":"2024-01-01T00:00:00Z"}
            """);
        var content = new StringContent("{\"objects\":[" + string.Join(',', objects) + "]}", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/taxii+json;version=2.1");
        return content;
    }

    /// <summary>`accord serve` on a node, with the US party's TAXII client for the cn-us collection.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _http;

        private Server(Process process, HttpClient http)
        {
            _process = process;
            _http = http;
        }

        public static async Task<Server> StartAsync(string node, params string[] extra)
        {
            var port = Random.Shared.Next(20_000, 60_000);
            var process = Process.Start(AccordProcess.StartInfo(["serve", "--dir", node, "--urls", $"http://127.0.0.1:{port}", .. extra]))!;
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            if (line is null)
            {
                Assert.Fail($"serve ended before it listened: {await process.StandardError.ReadToEndAsync()}");
            }

            Assert.StartsWith("serving", line, StringComparison.Ordinal);
            using var credentials = JsonDocument.Parse(File.ReadAllText(Path.Combine(node, "demo-credentials.json")));
            var us = credentials.RootElement.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "US");
            var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            http.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
            var basic = $"{us.GetProperty("taxii_user").GetString()}:{us.GetProperty("taxii_password").GetString()}";
            http.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
            return new Server(process, http);
        }

        public Task<HttpResponseMessage> PostAsync(HttpContent content) =>
            _http.PostAsync($"/api/collections/{CollectionDescriptor.IdFor("cn-us")}/objects/", content);

        public void Kill() => _process.Kill(entireProcessTree: true);

        private bool _disposed;

        public async ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
            _http.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var store in _schemas)
        {
            PostgresAccordStore.DropAsync(store, CancellationToken.None).GetAwaiter().GetResult();
        }

        _dir.Dispose();
    }
}
