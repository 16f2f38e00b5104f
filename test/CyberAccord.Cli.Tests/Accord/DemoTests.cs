using System.Text.Json;

namespace CyberAccord.Cli.Tests.Accord;

/// <summary>The demo node through the real executable: the interface later issues and outside checks rely on.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Demo_builds_a_node_whose_log_verifies_and_whose_exports_validate()
    {
        var node = _dir.Sub("demo");
        var demo = await AccordProcess.RunAsync("demo", "--dir", node);
        Assert.True(demo.ExitCode == 0, demo.ToString());
        Assert.Contains("Open requests:", demo.Stdout, StringComparison.Ordinal);
        Assert.Contains("NO SHARED EVIDENCE", demo.Stdout, StringComparison.Ordinal);
        Assert.Contains("IMPLICATES GGE2015-13f under CN's list", demo.Stdout, StringComparison.Ordinal);
        Assert.Contains("disagreement CN / US", demo.Stdout, StringComparison.Ordinal);

        using var credentials = JsonDocument.Parse(File.ReadAllText(Path.Combine(node, "demo-credentials.json")));
        var parties = credentials.RootElement.EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        Assert.Equal(["CN", "US", "DE", "UN"], parties);
        Assert.All(credentials.RootElement.EnumerateArray(), p =>
        {
            Assert.False(string.IsNullOrEmpty(p.GetProperty("taxii_user").GetString()));
            Assert.True(p.GetProperty("taxii_password").GetString()!.Length >= 16);
            Assert.StartsWith("cat_", p.GetProperty("api_token").GetString(), StringComparison.Ordinal);
        });

        var verify = await AccordProcess.RunAsync("log", "verify", node);
        Assert.True(verify.ExitCode == 0, verify.ToString());

        var bundle = _dir.Sub("de.json");
        var export = await AccordProcess.RunAsync("export", "--dir", node, "--party", "DE", "--stix", bundle);
        Assert.True(export.ExitCode == 0, export.ToString());
        var validate = await AccordProcess.RunAsync("stix", "validate", bundle);
        Assert.True(validate.ExitCode == 0, validate.ToString());

        var again = await AccordProcess.RunAsync("demo", "--dir", node);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--force", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_added_through_the_cli_are_checked_signed_and_listed()
    {
        var node = _dir.Sub("node");
        Assert.Equal(0, (await AccordProcess.RunAsync("demo", "--dir", node)).ExitCode);

        var refused = await AccordProcess.RunAsync(
            ["request", "add", "--dir", node, "--as", "US", "-"],
            """{"to":"party--cn","type":"information","asks":"x","deadline":"2020-01-01T00:00:00Z"}""");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("$.body.deadline", refused.Stderr, StringComparison.Ordinal);

        var accepted = await AccordProcess.RunAsync(
            ["request", "add", "--dir", node, "--as", "US", "--created", "2024-01-01T00:00:00Z", "-"],
            """{"to":"party--cn","type":"information","asks":"x","deadline":"2024-02-01T00:00:00Z"}""");
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Contains("accepted request--", accepted.Stdout, StringComparison.Ordinal);

        var list = await AccordProcess.RunAsync("request", "list", "--dir", node);
        Assert.Equal(3, list.Stdout.Trim().Split('\n').Length);

        var notAParty = await AccordProcess.RunAsync(
            ["statement", "add", "--dir", node, "--as", "FR", "-"], """{"title":"t","text":"x"}""");
        Assert.Equal(2, notAParty.ExitCode);
        Assert.Contains("no signing key for party--fr", notAParty.Stderr, StringComparison.Ordinal);

        var rebuild = await AccordProcess.RunAsync("rebuild", "--dir", node);
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.Contains("rebuilt 39 records", rebuild.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
