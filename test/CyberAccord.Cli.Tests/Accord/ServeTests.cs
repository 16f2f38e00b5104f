using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CyberAccord.Cli.Tests.Accord;

/// <summary>`accord serve` on the demo node: the interface the dashboard and outside checks rely on.</summary>
public sealed class ServeTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Serve_answers_taxii_discovery_for_a_demo_party_and_stops_cleanly()
    {
        var node = _dir.Sub("demo");
        Assert.Equal(0, (await AccordProcess.RunAsync("demo", "--dir", node)).ExitCode);
        var port = Random.Shared.Next(20_000, 60_000);
        using var process = Process.Start(AccordProcess.StartInfo("serve", "--dir", node, "--urls", $"http://127.0.0.1:{port}"))!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.StartsWith("serving", line, StringComparison.Ordinal);

            using var credentials = JsonDocument.Parse(File.ReadAllText(Path.Combine(node, "demo-credentials.json")));
            var de = credentials.RootElement.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "DE");
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            http.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
            var basic = $"{de.GetProperty("taxii_user").GetString()}:{de.GetProperty("taxii_password").GetString()}";
            http.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
            var discovery = await http.GetAsync("/taxii2/");
            Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
            Assert.Contains("api_roots", await discovery.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", de.GetProperty("api_token").GetString());
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/accord/scorecards")).StatusCode);

            // The CLI as a remote client: it signs with the key in --dir and submits to the running node.
            var url = $"http://127.0.0.1:{port}";
            var token = de.GetProperty("api_token").GetString()!;
            var remote = await AccordProcess.RunAsync(
                ["--node", url, "statement", "add", "--dir", node, "--as", "DE", "--token", token, "--id", "statement--remote", "-"],
                """{"title":"from afar","text":"signed by the client"}""");
            Assert.True(remote.ExitCode == 0, remote.ToString());
            Assert.Contains("accepted statement--remote", remote.Stdout, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/accord/records/statement--remote")).StatusCode);

            var listed = await AccordProcess.RunAsync("--node", url, "--token", token, "statement", "list");
            Assert.True(listed.ExitCode == 0, listed.ToString());
            Assert.Contains("statement--remote", listed.Stdout, StringComparison.Ordinal);
            var requests = await AccordProcess.RunAsync("request", "list", "--node", url, "--token", token);
            using var visible = JsonDocument.Parse(await api.GetStringAsync("/accord/records?kind=request"));
            Assert.Equal(visible.RootElement.GetArrayLength(), requests.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Equal(2, (await AccordProcess.RunAsync("request", "list", "--node", url, "--token", token, "--as", "US")).ExitCode);

            var impostor = await AccordProcess.RunAsync(
                ["statement", "add", "--dir", node, "--as", "US", "--node", url, "--token", token, "-"], """{"title":"t","text":"x"}""");
            Assert.Equal(1, impostor.ExitCode);
            Assert.Contains("403", impostor.Stderr, StringComparison.Ordinal);
            var duplicate = await AccordProcess.RunAsync(
                ["statement", "add", "--dir", node, "--as", "DE", "--node", url, "--token", token, "--id", "statement--remote", "-"],
                """{"title":"again","text":"same id"}""");
            Assert.Equal(1, duplicate.ExitCode);
            Assert.Contains("422", duplicate.Stderr, StringComparison.Ordinal);
            var tokenless = await AccordProcess.RunAsync(
                ["statement", "add", "--dir", node, "--as", "DE", "--node", url, "-"], """{"title":"t","text":"x"}""");
            Assert.Equal(2, tokenless.ExitCode);
            Assert.Contains("--token", tokenless.Stderr, StringComparison.Ordinal);
            var notRemote = await AccordProcess.RunAsync("--node", url, "export", "--dir", node, "--party", "DE");
            Assert.Equal(2, notRemote.ExitCode);
            Assert.Contains("'accord export' does not act on a remote node", notRemote.Stderr, StringComparison.Ordinal);

            // The read verbs over --node print what the local verbs print, limited to what the token's party may see.
            var shown = await AccordProcess.RunAsync("show", "statement--remote", "--node", url, "--token", token);
            Assert.True(shown.ExitCode == 0, shown.ToString());
            var shownIndex = long.Parse(
                shown.Stdout.Split('\n')[0]["# log index ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("\"signed by the client\"", shown.Stdout, StringComparison.Ordinal);
            var both = await AccordProcess.RunAsync("show", "statement--remote", "--node", url, "--token", token, "--dir", node);
            Assert.Equal(2, both.ExitCode);
            var remoteCards = await AccordProcess.RunAsync("--node", url, "--token", token, "scorecard", "--at", "2026-01-01T00:00:00Z");
            var remoteCardsJson = await AccordProcess.RunAsync(
                "--node", url, "--token", token, "scorecard", "--at", "2026-01-01T00:00:00Z", "--json");
            var remoteFindings = await AccordProcess.RunAsync(
                "--node", url, "--token", token, "assessment", "--at", "2026-01-01T00:00:00Z");
            Assert.True(remoteFindings.ExitCode == 0, remoteFindings.ToString());
            using var servedFindings = JsonDocument.Parse(await api.GetStringAsync("/accord/assessment?at=2026-01-01T00:00:00Z"));
            Assert.Equal(
                servedFindings.RootElement.GetArrayLength(),
                remoteFindings.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            var badTime = await AccordProcess.RunAsync("--node", url, "--token", token, "scorecard", "--at", "yesterday");
            Assert.Equal(1, badTime.ExitCode);
            Assert.Contains("at='yesterday'", badTime.Stderr, StringComparison.Ordinal);

            // SIGTERM, as a service manager sends it, stops the server and releases the node.
            Assert.Equal(0, Kill(process.Id));
            Assert.True(process.WaitForExit(30_000), "serve did not stop on SIGTERM");
            Assert.Equal(0, process.ExitCode);
            Assert.Equal(0, (await AccordProcess.RunAsync("log", "verify", node)).ExitCode);
            var localShown = await AccordProcess.RunAsync("show", "statement--remote", "--dir", node);
            Assert.Equal(localShown.Stdout, shown.Stdout);
            Assert.StartsWith($"# log index {shownIndex}", localShown.Stdout, StringComparison.Ordinal);
            var localCards = await AccordProcess.RunAsync("scorecard", "--dir", node, "--at", "2026-01-01T00:00:00Z", "--as", "DE");
            Assert.Equal(localCards.Stdout, remoteCards.Stdout);
            var localCardsJson = await AccordProcess.RunAsync(
                "scorecard", "--dir", node, "--at", "2026-01-01T00:00:00Z", "--json", "--as", "DE");
            Assert.Equal(localCardsJson.Stdout, remoteCardsJson.Stdout);
            Assert.Contains("\"party\":\"party--cn\"", remoteCardsJson.Stdout, StringComparison.Ordinal);
            var localFindings = (await AccordProcess.RunAsync("assessment", "--dir", node, "--at", "2026-01-01T00:00:00Z")).Stdout
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(remoteFindings.Stdout.Trim());
            Assert.All(
                remoteFindings.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Contains(line, localFindings));
            var statement = await AccordProcess.RunAsync(
                ["statement", "add", "--dir", node, "--as", "DE", "-"],
                """{"title":"after the server stopped","text":"the node is free again"}""");
            Assert.True(statement.ExitCode == 0, statement.ToString());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Demo_with_serve_builds_the_node_and_serves_its_dashboard()
    {
        var node = _dir.Sub("served-demo");
        var port = Random.Shared.Next(20_000, 60_000);
        using var process = Process.Start(AccordProcess.StartInfo("demo", "--dir", node, "--serve", $"http://127.0.0.1:{port}"))!;
        try
        {
            var lines = new List<string>();
            while (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
            {
                lines.Add(line);
                if (line.StartsWith("Dashboard:", StringComparison.Ordinal))
                {
                    break;
                }
            }

            // The sign-in line comes only once the server listens.
            Assert.Contains(lines, l => l.StartsWith("serving", StringComparison.Ordinal));
            var signIn = lines.Single(l => l.StartsWith("Dashboard:", StringComparison.Ordinal));
            using var credentials = JsonDocument.Parse(File.ReadAllText(Path.Combine(node, "demo-credentials.json")));
            var us = credentials.RootElement.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "US");
            Assert.Contains($"password '{us.GetProperty("taxii_password").GetString()}'", signIn, StringComparison.Ordinal);
            foreach (var party in credentials.RootElement.EnumerateArray())
            {
                Assert.Contains($"password '{party.GetProperty("taxii_password").GetString()}'", signIn, StringComparison.Ordinal);
            }

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var page = await http.GetAsync("/signin");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<label for=\"password\">Password</label>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(0, Kill(process.Id));
            Assert.True(process.WaitForExit(30_000), "demo --serve did not stop on SIGTERM");
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal = 15);

    public void Dispose() => _dir.Dispose();
}
