using System.Net;
using CyberAccord.Accord.Node;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Server.Auth;
using CyberAccord.Storage.Sqlite;

namespace CyberAccord.Server.Tests;

public sealed class OverloadTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Requests_beyond_the_concurrency_limit_get_503_with_retry_after()
    {
        await LogDirectory.InitAsync(Path.Combine(_dir.Path, "log"), "overload.example/log", CancellationToken.None);
        var log = await LogDirectory.OpenAsync(Path.Combine(_dir.Path, "log"), TimeSpan.FromSeconds(5), CancellationToken.None);
        await using var node = await AccordNode.OpenAsync(log, await SqliteAccordStore.OpenAsync(Path.Combine(_dir.Path, "accord.db"), CancellationToken.None), new BlobStore(Path.Combine(_dir.Path, "blobs")), null, CancellationToken.None);
        await using var app = AccordServer.Build(node, new CredentialStore([]), _ => null,
            new AccordServerOptions(["http://127.0.0.1:0"], Path.Combine(_dir.Path, "log"), MaxConcurrentRequests: 1, MaxQueuedRequests: 0));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => http.GetAsync("/log/checkpoint")));
        var rejected = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(rejected);
        Assert.All(rejected, r => Assert.Equal("1", r.Headers.GetValues("Retry-After").Single()));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        await app.StopAsync();
    }

    public void Dispose() => _dir.Dispose();
}
