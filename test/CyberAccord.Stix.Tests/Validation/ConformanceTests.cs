using System.Text.Json;
using CyberAccord.Stix.Json;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Stix.Tests.Validation;

/// <summary>Real STIX 2.1 content written by others validates with no errors, round-trips and canonicalizes stably.</summary>
public sealed class ConformanceTests
{
    public static TheoryData<string> Bundles()
    {
        var data = new TheoryData<string>();
        var examples = Directory.EnumerateFiles(TestData.PathOf("stix/oasis/examples"), "*.json", SearchOption.AllDirectories);
        foreach (var file in examples.Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestData.PathOf("stix"), file).Replace('\\', '/'));
        }

        data.Add("attack/ics-attack-17.1.json");
        data.Add("attack/ics-attack-18.1.json");
        return data;
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Every_object_validates_with_zero_errors(string bundle)
    {
        using var document = StixJson.Parse(File.ReadAllBytes(TestData.PathOf("stix/" + bundle)));
        var issues = StixValidator.ValidateDocument(document.RootElement);
        var errors = issues.Where(i => i.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors.Take(20)));
        Assert.True(!document.RootElement.TryGetProperty("objects", out var objects) || objects.GetArrayLength() > 0);
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Canonical_form_is_stable_and_keeps_every_member(string bundle)
    {
        var bytes = File.ReadAllBytes(TestData.PathOf("stix/" + bundle));
        using var original = StixJson.Parse(bytes);
        var canonical = JsonCanonicalizer.Canonicalize(original.RootElement);
        using var reparsed = StixJson.Parse(canonical);
        Assert.True(JsonElement.DeepEquals(original.RootElement, reparsed.RootElement), "canonicalization changed the content");
        Assert.Equal(canonical, JsonCanonicalizer.Canonicalize(reparsed.RootElement));
    }
}
