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
        var store = await SqliteAccordStore.OpenAsync(Path.Combine(_dir.Path, "accord.db"), CancellationToken.None);
        await using var node = await AccordNode.OpenAsync(
            log, store, new BlobStore(Path.Combine(_dir.Path, "blobs")), null, CancellationToken.None);
        var credentials = new CredentialStore(
            [new PartyCredentials("party--x", "x", CredentialStore.Hash("pw"), CredentialStore.HashToken("cat_x"))]);
        await using var app = AccordServer.Build(node, credentials, _ => null,
            new AccordServerOptions(["http://127.0.0.1:0"], MaxConcurrentRequests: 1, MaxQueuedRequests: 0)
            {
                // The held body trickles on purpose: give it longer than a loaded machine may take to see the 503.
                RequestLimits = new RequestLimitOptions { MinRequestBodyGracePeriod = TimeSpan.FromMinutes(2) },
            });
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };


        // One request held in flight (its body never finishes until released) fills the only slot.
        var held = new HeldContent();
        using var slow = new HttpRequestMessage(HttpMethod.Post, "/accord/records") { Content = held };
        slow.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "cat_x");
        var inFlight = http.SendAsync(slow);
        await held.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The server may take a while to admit the held request on a loaded machine: ask until it answers 503, for 60 s at most.
        HttpResponseMessage? rejected = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (rejected is null && DateTime.UtcNow < deadline)
        {
            var response = await http.GetAsync("/log/checkpoint");
            rejected = response.StatusCode == HttpStatusCode.ServiceUnavailable ? response : null;
            await Task.Delay(rejected is null ? 25 : 0);
        }

        Assert.NotNull(rejected);
        Assert.Equal("1", rejected.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);

        // Once the slot is free again, the same request is served.
        held.Release.SetResult();
        Assert.Equal(HttpStatusCode.BadRequest, (await inFlight).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/log/checkpoint")).StatusCode);
        await app.StopAsync();
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>A request body that sends its first bytes, then waits to be released before it ends.</summary>
    private sealed class HeldContent : HttpContent
    {
        public HeldContent() => Headers.ContentType = new("application/json");

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync("{\"accord_record\":"u8.ToArray());
            await stream.FlushAsync();
            Started.SetResult();
            await Release.Task;
            await stream.WriteAsync("\"1\"}"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
