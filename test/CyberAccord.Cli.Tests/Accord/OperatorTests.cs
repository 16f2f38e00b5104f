using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace CyberAccord.Cli.Tests.Accord;

/// <summary>What a new operator meets: a node made with init, its credentials, serving it, and the verbs around a served node.</summary>
public sealed class OperatorTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<string> InitAsync(string name)
    {
        var node = _dir.Sub(name);
        var init = await AccordProcess.RunAsync("init", "--dir", node, "--party", "CN", "--name", "China");
        Assert.True(init.ExitCode == 0, init.ToString());
        return node;
    }

    private static async Task<HttpStatusCode> TaxiiAsync(string url, string user, string password)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        return (await http.GetAsync("/taxii2/")).StatusCode;
    }

    private static async Task<HttpStatusCode> ApiAsync(string url, string token)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await http.GetAsync("/accord/scorecards")).StatusCode;
    }

    private static (string User, string Password, string Token) Secrets(AccordProcess.Result issued)
    {
        Assert.True(issued.ExitCode == 0, issued.ToString());
        using var json = JsonDocument.Parse(issued.Stdout);
        string Field(string name) => json.RootElement.GetProperty(name).GetString()!;
        return (Field("taxii_user"), Field("taxii_password"), Field("api_token"));
    }

    [Fact]
    public async Task A_served_init_node_accepts_a_credential_added_while_it_serves_and_refuses_it_once_rotated_or_revoked()
    {
        var node = await InitAsync("init-node");
        var served = await ServedNode.StartAsync(node);
        var url = served.Url;
        try
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await ApiAsync(url, "cat_nothing"));

            var (user, password, token) = Secrets(
                await AccordProcess.RunAsync("credential", "add", "--dir", node, "--party", "CN", "--json"));
            Assert.Equal(HttpStatusCode.OK, await TaxiiAsync(url, user, password));
            Assert.Equal(HttpStatusCode.OK, await ApiAsync(url, token));

            var stored = File.ReadAllText(Path.Combine(node, "keys", "credentials.json"));
            Assert.DoesNotContain(password, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                var mode = File.GetUnixFileMode(Path.Combine(node, "keys", "credentials.json"));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
            }

            var listed = await AccordProcess.RunAsync("credential", "list", "--dir", node, "--json");
            Assert.True(listed.ExitCode == 0, listed.ToString());
            using (var list = JsonDocument.Parse(listed.Stdout))
            {
                Assert.Equal("party--cn", list.RootElement.EnumerateArray().Single().GetProperty("party").GetString());
            }

            Assert.DoesNotContain(password, listed.Stdout, StringComparison.Ordinal);
            Assert.Equal(2, (await AccordProcess.RunAsync("credential", "add", "--dir", node, "--party", "CN")).ExitCode);

            var (_, newPassword, newToken) = Secrets(
                await AccordProcess.RunAsync("credential", "rotate", "--dir", node, "--party", "CN", "--json"));
            Assert.Equal(HttpStatusCode.Unauthorized, await ApiAsync(url, token));
            Assert.Equal(HttpStatusCode.OK, await ApiAsync(url, newToken));
            Assert.Equal(HttpStatusCode.Unauthorized, await TaxiiAsync(url, user, password));
            Assert.Equal(HttpStatusCode.OK, await TaxiiAsync(url, user, newPassword));

            var revoked = await AccordProcess.RunAsync("credential", "revoke", "--dir", node, "--party", "CN");
            Assert.True(revoked.ExitCode == 0, revoked.ToString());
            Assert.Equal(HttpStatusCode.Unauthorized, await ApiAsync(url, newToken));
            Assert.Equal(HttpStatusCode.Unauthorized, await TaxiiAsync(url, user, newPassword));
        }
        finally
        {
            await served.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_verb_on_a_served_directory_fails_at_once_naming_the_process_and_url_instead_of_waiting_for_the_lock()
    {
        var node = await InitAsync("served-node");
        var served = await ServedNode.StartAsync(node);
        var (process, url) = (served.Process, served.Url);
        try
        {
            Assert.True(File.Exists(Path.Combine(node, "serving.json")));
            var started = Stopwatch.GetTimestamp();
            var listed = await AccordProcess.RunAsync("statement", "list", "--dir", node);
            var added = await AccordProcess.RunAsync(
                ["statement", "add", "--dir", node, "--as", "CN", "-"], """{"title":"t","text":"x"}""");

            // The log's lock wait is 30 s; a refusal that names the server comes well before one of them would end.
            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(25), "the verbs waited for the lock");
            foreach (var result in new[] { listed, added })
            {
                Assert.Equal(2, result.ExitCode);
                Assert.Contains($"is served by process {process.Id} at {url}", result.Stderr, StringComparison.Ordinal);
                Assert.Contains($"accord --node {url} --token", result.Stderr, StringComparison.Ordinal);
            }
        }
        finally
        {
            await served.DisposeAsync();
        }

        Assert.False(File.Exists(Path.Combine(node, "serving.json")), "serve removes serving.json when it stops");
        Assert.Equal(0, (await AccordProcess.RunAsync("statement", "list", "--dir", node)).ExitCode);
    }

    [Fact]
    public async Task Serve_with_a_url_without_a_scheme_names_the_fault_without_a_stack_trace_and_exits_2()
    {
        var node = await InitAsync("no-scheme");
        var served = await AccordProcess.RunAsync("serve", "--dir", node, "--urls", "127.0.0.1:8400");
        Assert.Equal(2, served.ExitCode);
        Assert.Contains("'127.0.0.1:8400' is not a URL to listen at", served.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", served.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("serving", served.Stdout, StringComparison.Ordinal);

        var demo = await AccordProcess.RunAsync("demo", "--dir", _dir.Sub("no-scheme-demo"), "--serve", "localhost:8400");
        Assert.Equal(2, demo.ExitCode);
        Assert.Contains("is not a URL to listen at", demo.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Sub("no-scheme-demo")), "the URL is checked before anything is written");
    }

    [Theory]
    [InlineData("http://127.0.0.1:8400", true)]
    [InlineData("https://localhost:8443/", true)]
    [InlineData("http://*:8400", true)]
    [InlineData("http://+:8400;http://[::1]:8401", true)]
    [InlineData("127.0.0.1:8400", false)]
    [InlineData("localhost", false)]
    [InlineData("ftp://127.0.0.1:21", false)]
    [InlineData("http://127.0.0.1:8400/taxii2/", false)]
    [InlineData("", false)]
    public void Listen_urls_need_a_scheme_and_a_host(string urls, bool valid)
    {
        if (valid)
        {
            Assert.NotEmpty(CyberAccord.Cli.Accord.Verbs.ServeVerb.ListenUrls(urls));
        }
        else
        {
            Assert.Throws<ArgumentException>(() => CyberAccord.Cli.Accord.Verbs.ServeVerb.ListenUrls(urls));
        }
    }

    [Fact]
    public async Task A_log_verb_on_a_served_nodes_log_fails_at_once_naming_the_server()
    {
        var node = await InitAsync("served-log");
        var served = await ServedNode.StartAsync(node);
        var (process, url) = (served.Process, served.Url);
        try
        {
            var checkpoint = await AccordProcess.RunAsync("log", "checkpoint", Path.Combine(node, "log"));
            Assert.Equal(2, checkpoint.ExitCode);
            Assert.Contains($"is served by process {process.Id} at {url}", checkpoint.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            await served.DisposeAsync();
        }
    }

    [Fact]
    public async Task Demo_serve_on_a_busy_port_fails_to_bind_without_printing_the_sign_in_line()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)busy.LocalEndpoint).Port}";
        var demo = await AccordProcess.RunAsync("demo", "--dir", _dir.Sub("busy"), "--serve", url);
        Assert.Equal(2, demo.ExitCode);
        Assert.Contains($"Failed to bind to address {url}", demo.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", demo.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Dashboard:", demo.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir.Sub("busy"), "serving.json")));
    }
}
