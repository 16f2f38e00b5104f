using System.Text.Json;

namespace CyberAccord.Cli.Tests.Stix;

public sealed class StixCommandsTests : IDisposable
{
    private readonly TempDir _dir = new();

    private static string Data(string relative) => TestData.PathOf(relative);

    private string Write(string name, string content)
    {
        var path = _dir.Sub(name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Valid_files_exit_zero_with_a_summary_per_file()
    {
        var result = await AccordProcess.RunAsync(
            "stix", "validate", Data("stix/attack/ics-attack-18.1.json"), Data("stix/oasis/examples/threat-reports/apt1.json"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ics-attack-18.1.json: valid — 1,826 objects, 0 errors", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("apt1.json: valid — 76 objects", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_object_exits_one_naming_code_path_and_id()
    {
        var file = Write("bad.json", """
            {"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[{"type":"indicator","spec_version":"2.1",
            "id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created":"2016-04-06T20:03:48.000Z",
            "modified":"2016-04-06T20:03:48.000Z","pattern":"[file:name = 'x'","pattern_type":"stix",
            "valid_from":"2016-01-01T00:00:00Z","confidence":300}]}
            """);
        var result = await AccordProcess.RunAsync("stix", "validate", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "error pattern-syntax $.objects[0].pattern (indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f)",
            result.Stdout,
            StringComparison.Ordinal);
        Assert.Contains("error confidence-range $.objects[0].confidence", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("INVALID", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_files_exit_two_and_win_over_invalid_ones()
    {
        var broken = Write("broken.json", "{\"type\": \"bundle\", \"objects\": [");
        var invalid = Write("invalid.json", """{"type":"indicator"}""");
        var result = await AccordProcess.RunAsync("stix", "validate", invalid, broken, _dir.Sub("missing.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("broken.json: cannot read", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("missing.json: cannot read", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_is_one_report_per_file()
    {
        var invalid = Write("invalid.json", """{"type":"indicator","spec_version":"2.1"}""");
        var result = await AccordProcess.RunAsync(
            "stix", "validate", "--json", Data("stix/oasis/examples/indicator-for-c2-ip-address.json"), invalid);
        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.True(first.RootElement.GetProperty("valid").GetBoolean());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.False(second.RootElement.GetProperty("valid").GetBoolean());
        var codes = second.RootElement.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Contains("required-property", codes);
        Assert.All(
            second.RootElement.GetProperty("issues").EnumerateArray(),
            i => Assert.StartsWith("$", i.GetProperty("path").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Canonicalize_prints_the_jcs_form()
    {
        var file = Write("doc.json", "{ \"b\": 1.50, \"a\": [\"\\u00e9\", 1e2] }");
        var result = await AccordProcess.RunAsync("stix", "canonicalize", file);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"a\":[\"é\",100],\"b\":1.5}", result.Stdout);

        var broken = Write("broken.json", "{\"a\":1,\"a\":2}");
        var refused = await AccordProcess.RunAsync("stix", "canonicalize", broken);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("duplicate", refused.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_count_objects_by_type()
    {
        var result = await AccordProcess.RunAsync("stix", "stats", Data("stix/attack/ics-attack-17.1.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"relationship\s+[\d,]+", result.Stdout);
        Assert.Matches(@"attack-pattern\s+\d+", result.Stdout);
    }

    [Fact]
    public async Task Every_stix_verb_has_help()
    {
        foreach (var verb in new[] { "validate", "canonicalize", "stats" })
        {
            var result = await AccordProcess.RunAsync("stix", verb, "--help");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _dir.Dispose();
}
