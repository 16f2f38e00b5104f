using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CyberAccord.Server.Tests;

/// <summary>A node with few request slots, so a test can fill them with slow clients.</summary>
public sealed class FewSlotsNodeFixture : NodeServerFixture
{
    public const int PerAnonymousClient = 4;

    protected override AccordServerOptions Configure(AccordServerOptions options) => options with
    {
        MaxConcurrentRequests = 16,
        MaxQueuedRequests = 1000,
        RequestLimits = new RequestLimitOptions
        {
            MaxConcurrentAnonymousRequests = 8,
            MaxQueuedAnonymousRequests = 0,
            MaxConcurrentRequestsPerAnonymousClient = PerAnonymousClient,
            RequestHeadersTimeout = TimeSpan.FromSeconds(1),
        },
    };
}

/// <summary>
/// Issue 11: 300 anonymous slow uploads to POST /signin held every request slot, and parties' requests waited without end.
/// </summary>
public sealed class SlowClientTests(FewSlotsNodeFixture node) : IClassFixture<FewSlotsNodeFixture>
{
    /// <summary>
    /// An anonymous sign-in form sent in chunks of 400 bytes every 200 ms, fast enough for Kestrel's minimum data rate and
    /// never finished: the request holds its slot until <paramref name="stop"/>. Returns the status line if the node answers.
    /// </summary>
    private async Task<string?> SlowSignInUploadAsync(CancellationToken stop)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(node.BaseAddress.Host, node.BaseAddress.Port, stop);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST /signin HTTP/1.1\r\nHost: {node.BaseAddress.Authority}\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"), stop);
        var answer = ReadStatusLineAsync(stream);
        var chunk = Encoding.ASCII.GetBytes("190\r\n" + "a=" + new string('a', 398) + "\r\n");
        try
        {
            while (!answer.IsCompleted && !stop.IsCancellationRequested)
            {
                await stream.WriteAsync(chunk, stop);
                await Task.WhenAny(answer, Task.Delay(200, stop));
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
        {
        }

        return answer.IsCompletedSuccessfully ? answer.Result : null;
    }

    private static async Task<string?> ReadStatusLineAsync(Stream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        try
        {
            while (await stream.ReadAsync(one) == 1 && one[0] != '\n')
            {
                line.Append((char)one[0]);
            }
        }
        catch (IOException)
        {
        }

        return line.Length == 0 ? null : line.ToString().TrimEnd('\r');
    }

    [Fact]
    public async Task Slow_anonymous_uploads_cannot_hold_the_slots_a_party_needs_and_the_excess_get_503()
    {
        using var stop = new CancellationTokenSource();
        var uploads = Enumerable.Range(0, 40).Select(_ => Task.Run(() => SlowSignInUploadAsync(stop.Token))).ToList();
        try
        {
            // All but one address's share are refused at once, not queued behind the slow ones.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            int Refused() => uploads.Count(u => u.IsCompletedSuccessfully && u.Result?.Contains(" 503", StringComparison.Ordinal) == true);
            while (Refused() < uploads.Count - FewSlotsNodeFixture.PerAnonymousClient && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var refused = Refused();
            Assert.True(
                refused >= uploads.Count - FewSlotsNodeFixture.PerAnonymousClient,
                $"{refused} of {uploads.Count} slow uploads were refused");

            // The slow uploads still in flight hold their slots; a party's request is served all the same.
            Assert.Contains(uploads, u => !u.IsCompleted);
            var response = await node.Taxii("US").GetAsync("/api/collections/").WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(uploads);
        }
    }

    [Fact]
    public async Task A_client_that_never_finishes_its_headers_is_disconnected_after_the_headers_timeout()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(node.BaseAddress.Host, node.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /log/checkpoint HTTP/1.1\r\nHost: {node.BaseAddress.Authority}\r\nX-Slow: "));

        // Kestrel answers 408 or simply closes; either way the connection ends long before a slow client would finish.
        var buffer = new byte[4096];
        var read = await Task.Run(async () =>
        {
            var total = 0;
            int n;
            while ((n = await stream.ReadAsync(buffer.AsMemory(total))) > 0)
            {
                total += n;
            }

            return total;
        }).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(read == 0 || Encoding.ASCII.GetString(buffer, 0, read).StartsWith("HTTP/1.1 408", StringComparison.Ordinal));
    }
}
