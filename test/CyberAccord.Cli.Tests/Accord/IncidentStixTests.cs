namespace CyberAccord.Cli.Tests.Accord;

/// <summary><c>accord incident add --stix</c>, the README's command, with a bundle from the OASIS examples.</summary>
public sealed class IncidentStixTests : IDisposable
{
    private const string Good = """
        {"title":"C2 seen","affected_party":"party--cn","window":{"start":"2024-01-01T00:00:00Z"},"effects":["espionage"],"tlp":"clear"}
        """;

    // Refused by the state: the affected party does not exist.
    private const string Refused = """
        {"title":"C2 seen","affected_party":"party--nobody","window":{"start":"2024-01-01T00:00:00Z"},"effects":["espionage"],"tlp":"clear"}
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Bundle => TestData.PathOf("stix/oasis/examples/indicator-for-c2-ip-address.json");

    private static string[] Blobs(string node) =>
        Directory.Exists(Path.Combine(node, "blobs"))
            ? Directory.GetFiles(Path.Combine(node, "blobs"), "*", SearchOption.AllDirectories)
            : [];

    private static Task<AccordProcess.Result> AddIncidentAsync(string node, string body, params string[] more) =>
        AccordProcess.RunAsync(["incident", "add", "--dir", node, "--as", "CN", "--stix", Bundle, .. more, "-"], body);

    private async Task<string> InitAsync()
    {
        var node = _dir.Sub("node");
        Assert.Equal(0, (await AccordProcess.RunAsync("init", "--dir", node, "--party", "CN", "--name", "China")).ExitCode);
        return node;
    }

    [Fact]
    public async Task An_incident_with_a_valid_oasis_bundle_is_accepted_with_its_object_count()
    {
        var node = await InitAsync();
        var added = await AddIncidentAsync(node, Good, "--id", "incident--c2");
        Assert.True(added.ExitCode == 0, added.ToString());
        var shown = await AccordProcess.RunAsync("show", "incident--c2", "--dir", node);
        Assert.Contains("\"evidence_bundle\"", shown.Stdout, StringComparison.Ordinal);
        var count = TestData.Json("stix/oasis/examples/indicator-for-c2-ip-address.json").GetProperty("objects").GetArrayLength();
        Assert.Contains($"\"objects\": {count}", shown.Stdout, StringComparison.Ordinal);
        Assert.Single(Blobs(node));
    }

    [Fact]
    public async Task A_refused_incident_leaves_no_bundle_behind_but_never_removes_one_another_record_uses()
    {
        var node = await InitAsync();
        var refused = await AddIncidentAsync(node, Refused);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("nothing written", refused.Stderr, StringComparison.Ordinal);
        Assert.Empty(Blobs(node));

        Assert.Equal(0, (await AddIncidentAsync(node, Good)).ExitCode);
        var kept = Assert.Single(Blobs(node));
        Assert.Equal(1, (await AddIncidentAsync(node, Refused)).ExitCode);
        Assert.Equal(kept, Assert.Single(Blobs(node)));
    }

    [Fact]
    public async Task The_help_of_a_record_verb_lists_its_fields_with_an_example()
    {
        var help = await AccordProcess.RunAsync("incident", "add", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("tlp (string)", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("affected_party* (party id)", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("Example:", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelled_field_is_refused_naming_its_path_and_writes_nothing()
    {
        var node = await InitAsync();
        var before = Directory.GetFiles(node, "*", SearchOption.AllDirectories).Length;
        var added = await AccordProcess.RunAsync(
            ["incident", "add", "--dir", node, "--as", "CN", "-"], Good.Replace("\"tlp\"", "\"tpl\"", StringComparison.Ordinal));
        Assert.NotEqual(0, added.ExitCode);
        Assert.Contains("$.body.tpl", added.Stderr + added.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(node, "*", SearchOption.AllDirectories).Length);
        var listed = await AccordProcess.RunAsync("incident", "list", "--dir", node);
        Assert.DoesNotContain("C2 seen", listed.Stdout, StringComparison.Ordinal);
    }
}
