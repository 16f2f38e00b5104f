using System.Text.Json;

namespace CyberAccord.Cli.Tests.Accord;

/// <summary>
/// <c>--json</c> on every read verb: the API's shape, built locally from the same library types, and printed as the node
/// returns it over <c>--node</c>; and the text lines of <c>list</c>, which read the same from either side.
/// </summary>
public sealed class ReadVerbJsonTests : IDisposable
{
    private const string At = "2026-01-01T00:00:00Z";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static JsonElement Json(AccordProcess.Result result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.Clone();
    }

    private static string[] Lines(AccordProcess.Result result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static HashSet<string> Names(JsonElement item) => [.. item.EnumerateObject().Select(p => p.Name)];

    /// <summary>A record as <c>GET /accord/records</c> lists it: its sequence and its signed envelope.</summary>
    private static void AssertRecordShape(JsonElement item, string kind)
    {
        Assert.Equal(["record", "sequence"], Names(item).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Number, item.GetProperty("sequence").ValueKind);
        var record = item.GetProperty("record");
        Assert.Equal(kind, record.GetProperty("kind").GetString());
        var envelope = new HashSet<string> { "accord_record", "kind", "id", "author", "key", "created", "body", "signature" };
        Assert.Superset(envelope, Names(record));
    }

    private async Task<string> DemoAsync(string name)
    {
        var node = _dir.Sub(name);
        var demo = await AccordProcess.RunAsync("demo", "--dir", node);
        Assert.True(demo.ExitCode == 0, demo.ToString());
        return node;
    }

    [Fact]
    public async Task Every_local_read_verb_prints_json_that_matches_its_text()
    {
        var node = await DemoAsync("local");

        var requests = Json(await AccordProcess.RunAsync("request", "list", "--dir", node, "--json"));
        var requestLines = Lines(await AccordProcess.RunAsync("request", "list", "--dir", node));
        Assert.Equal(requestLines.Length, requests.GetArrayLength());
        Assert.All(requests.EnumerateArray(), item => AssertRecordShape(item, "request"));
        Assert.Equal(
            requestLines.Select(l => l.Split("  ")[0]),
            requests.EnumerateArray().Select(i => i.GetProperty("record").GetProperty("id").GetString()));

        var shownText = await AccordProcess.RunAsync("show", "party--cn", "--dir", node);
        var shown = Json(await AccordProcess.RunAsync("show", "party--cn", "--dir", node, "--json"));
        AssertRecordShape(shown, "party");
        Assert.Equal("party--cn", shown.GetProperty("record").GetProperty("id").GetString());
        Assert.StartsWith($"# log index {shown.GetProperty("sequence").GetInt64()}\n", shownText.Stdout, StringComparison.Ordinal);

        var findings = Json(await AccordProcess.RunAsync("assessment", "--dir", node, "--at", At, "--json"));
        Assert.Equal(Lines(await AccordProcess.RunAsync("assessment", "--dir", node, "--at", At)).Length, findings.GetArrayLength());
        Assert.All(findings.EnumerateArray(), f => Assert.Equal(
            ["commitment", "implicated", "reasons", "rule", "subject", "under"], Names(f).Order(StringComparer.Ordinal)));

        var cards = Json(await AccordProcess.RunAsync("scorecard", "--dir", node, "--at", At, "--json"));
        Assert.Equal(4, cards.GetArrayLength());
        Assert.All(cards.EnumerateArray(), c => Assert.StartsWith("party--", c.GetProperty("party").GetString(), StringComparison.Ordinal));

        var diffText = Lines(await AccordProcess.RunAsync("ci-diff", "--dir", node, "CN", "US", "--at", At));
        var diff = Json(await AccordProcess.RunAsync("ci-diff", "--dir", node, "CN", "US", "--at", At, "--json"));
        Assert.Equal("party--cn", diff.GetProperty("first").GetProperty("party").GetString());
        Assert.Equal("party--us", diff.GetProperty("second").GetProperty("party").GetString());
        Assert.Equal($"CN: {diff.GetProperty("first").GetProperty("framework").GetString()}", diffText[0]);
        Assert.Equal(
            $"both: {string.Join(", ", diff.GetProperty("both").EnumerateArray().Select(c => c.GetString()))}", diffText[2]);
        Assert.Contains(
            $"only CN: {string.Join(", ", diff.GetProperty("only_first").EnumerateArray().Select(c => c.GetString()))};",
            diffText[3],
            StringComparison.Ordinal);

        var credentials = Json(await AccordProcess.RunAsync("credential", "list", "--dir", node, "--json"));
        Assert.Equal(["party--cn", "party--de", "party--un", "party--us"], credentials.EnumerateArray()
            .Select(c => c.GetProperty("party").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(credentials.EnumerateArray(), c => Assert.Equal(
            ["party", "taxii_user", "token_hash"], Names(c).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task A_served_node_answers_the_read_verbs_in_the_shape_and_lines_they_have_locally()
    {
        var node = await DemoAsync("served");
        using var credentials = JsonDocument.Parse(File.ReadAllText(Path.Combine(node, "demo-credentials.json")));
        var token = credentials.RootElement.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "DE")
            .GetProperty("api_token").GetString()!;

        var verbs = new Dictionary<string, string[]>
        {
            ["requests"] = ["request", "list"],
            ["statements"] = ["statement", "list"],
            ["requests-json"] = ["request", "list", "--json"],
            ["statements-json"] = ["statement", "list", "--json"],
            ["show-json"] = ["show", "party--cn", "--json"],
            ["assessment-json"] = ["assessment", "--at", At, "--json"],
            ["scorecard-json"] = ["scorecard", "--at", At, "--json"],
        };
        var remote = new Dictionary<string, AccordProcess.Result>();
        var served = await ServedNode.StartAsync(node);
        try
        {
            foreach (var (name, verb) in verbs)
            {
                remote[name] = await AccordProcess.RunAsync([.. verb, "--node", served.Url, "--token", token]);
            }
        }
        finally
        {
            await served.DisposeAsync();
        }

        // Locally as DE, whose token the remote verbs used: the same records, lines and JSON.
        foreach (var name in new[] { "requests", "statements", "requests-json", "statements-json", "show-json", "scorecard-json" })
        {
            var local = await AccordProcess.RunAsync([.. verbs[name], "--dir", node, "--as", "DE"]);
            Assert.True(local.ExitCode == 0, local.ToString());
            Assert.True(remote[name].ExitCode == 0, remote[name].ToString());
            Assert.Equal(local.Stdout, remote[name].Stdout);
        }

        Assert.NotEmpty(Lines(remote["requests"]));
        Assert.All(Json(remote["requests-json"]).EnumerateArray(), item => AssertRecordShape(item, "request"));
        AssertRecordShape(Json(remote["show-json"]), "party");

        // The node assesses what DE may see; locally every record is assessed: each remote finding is one of the local ones.
        var localFindings = Json(await AccordProcess.RunAsync("assessment", "--dir", node, "--at", At, "--json"))
            .EnumerateArray().Select(f => f.GetRawText()).ToHashSet(StringComparer.Ordinal);
        var remoteFindings = Json(remote["assessment-json"]).EnumerateArray().ToList();
        Assert.NotEmpty(remoteFindings);
        Assert.All(remoteFindings, f => Assert.Contains(f.GetRawText(), localFindings));
    }
}
