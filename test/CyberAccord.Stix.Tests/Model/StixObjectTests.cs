using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Stix.Model;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Stix.Tests.Model;

public sealed class StixObjectTests
{
    /// <summary>The OASIS examples and both ATT&amp;CK for ICS releases, by path under test/data/stix.</summary>
    private static IEnumerable<string> BundlePaths() =>
        Directory.EnumerateFiles(TestData.PathOf("stix/oasis/examples"), "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => Path.GetRelativePath(TestData.PathOf("stix"), file).Replace('\\', '/'))
            .Concat(["attack/ics-attack-17.1.json", "attack/ics-attack-18.1.json"]);

    public static TheoryData<string> Bundles() => [.. BundlePaths()];

    private static IEnumerable<JsonObject> ObjectsOf(string bundle)
    {
        var root = JsonNode.Parse(File.ReadAllText(TestData.PathOf("stix/" + bundle)))!.AsObject();
        return root["objects"] is JsonArray objects ? objects.Select(o => o!.AsObject()) : [root];
    }

    private static IEnumerable<JsonObject> AllObjects() => BundlePaths().SelectMany(ObjectsOf);

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Every_object_round_trips_with_every_custom_property(string bundle)
    {
        foreach (var json in ObjectsOf(bundle))
        {
            var original = json.ToJsonString();
            var stix = StixObject.From(JsonNode.Parse(original)!.AsObject());
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(stix.ToJson())), stix.ToString());
            Assert.Equal(json["type"]!.GetValue<string>(), stix.Type);
        }
    }

    [Fact]
    public void The_corpus_is_large_and_its_custom_properties_are_visible()
    {
        var count = 0;
        var customSeen = 0;
        foreach (var json in AllObjects())
        {
            customSeen += StixObject.From(json).CustomProperties.Count(p => p.Key.StartsWith("x_", StringComparison.Ordinal));
            count++;
        }

        Assert.True(count > 3_700, $"only {count} objects");
        Assert.True(customSeen > 1_000, "ATT&CK's x_mitre_ properties should be visible as custom properties");
    }

    [Fact]
    public void Known_types_get_their_typed_class_and_custom_types_a_generic_one()
    {
        var types = AllObjects().Select(StixObject.From).GroupBy(o => o.Type).ToDictionary(g => g.Key, g => g.First().GetType());
        Assert.Equal(typeof(Indicator), types["indicator"]);
        Assert.Equal(typeof(Relationship), types["relationship"]);
        Assert.Equal(typeof(AttackPattern), types["attack-pattern"]);
        Assert.Equal(typeof(MarkingDefinition), types["marking-definition"]);
        Assert.Equal(typeof(StixDomainObject), types["x-mitre-tactic"]);
        Assert.IsType<StixFile>(StixObject.Parse("""{"type":"file","id":"file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d","name":"foo.dll"}"""));
        Assert.IsAssignableFrom<StixCyberObservable>(
            StixObject.Parse("""{"type":"ipv4-addr","id":"ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8","value":"198.51.100.3"}"""));
    }

    [Fact]
    public void Typed_properties_read_what_the_json_holds()
    {
        var indicator = (Indicator)FirstOfType("indicator-for-c2-ip-address.json", "indicator");
        Assert.StartsWith("[", indicator.Pattern, StringComparison.Ordinal);
        Assert.Equal("stix", indicator.PatternType);
        Assert.NotNull(indicator.ValidFrom);
        Assert.Equal(DateTimeKind.Utc, indicator.Created!.Value.Kind);

        var relationship = (Relationship)FirstOfType("threat-reports/apt1.json", "relationship");
        Assert.False(string.IsNullOrEmpty(relationship.RelationshipType));
        Assert.Equal(relationship.Json["source_ref"]!.GetValue<string>(), relationship.SourceRef);
        Assert.Contains("--", relationship.TargetRef, StringComparison.Ordinal);

        var pattern = (AttackPattern)StixObject.From(
            AllObjects().First(o => o["type"]!.GetValue<string>() == "attack-pattern" && o["kill_chain_phases"] is not null));
        Assert.Equal(
            pattern.Json["kill_chain_phases"]![0]!["kill_chain_name"]!.GetValue<string>(), pattern.KillChainPhases![0].KillChainName);
        Assert.Equal(pattern.Json["external_references"]!.AsArray().Count, pattern.ExternalReferences!.Count);
    }

    private static StixObject FirstOfType(string file, string type)
    {
        var root = JsonNode.Parse(File.ReadAllText(TestData.PathOf("stix/oasis/examples/" + file)))!.AsObject();
        var json = root["objects"]!.AsArray().Select(o => o!.AsObject()).First(o => o["type"]!.GetValue<string>() == type);
        return StixObject.From(json.DeepClone().AsObject());
    }

    [Fact]
    public void A_new_indicator_built_through_the_model_is_valid_and_keeps_custom_properties()
    {
        var indicator = new Indicator
        {
            Name = "Defacement tool beacon",
            Pattern = "[ipv4-addr:value = '203.0.113.7']",
            PatternType = "stix",
            ValidFrom = new DateTime(2017, 3, 2, 0, 0, 0, DateTimeKind.Utc),
            IndicatorTypes = ["malicious-activity"],
            Confidence = 60,
            ObjectMarkingRefs = [TlpMarkings.Tlp2Amber],
            KillChainPhases = [new KillChainPhase("lockheed-martin-cyber-kill-chain", "installation")],
            ExternalReferences = [new ExternalReference("capec", ExternalId: "CAPEC-163")],
        };
        indicator["x_accord_case"] = "2017-03-02";
        var errors = indicator.Validate().Where(i => i.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));

        var reparsed = (Indicator)StixObject.Parse(indicator.ToJson());
        Assert.Equal("2017-03-02", reparsed["x_accord_case"]!.GetValue<string>());
        Assert.Equal(60, reparsed.Confidence);
        Assert.Equal("2017-03-02T00:00:00.000Z", reparsed.Json["valid_from"]!.GetValue<string>());

        reparsed.Confidence = null;
        Assert.False(reparsed.Json.ContainsKey("confidence"));
    }

    [Fact]
    public void Marking_definitions_know_their_tlp_level()
    {
        var tlp1 = (MarkingDefinition)StixObject.Parse("""
            {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
            "created":"2017-01-20T00:00:00.000Z","definition_type":"tlp","definition":{"tlp":"white"}}
            """);
        Assert.Equal("clear", tlp1.TlpLevel);
        var statement = MarkingDefinition.CreateStatement("Copyright 2026, the parties");
        Assert.Equal("Copyright 2026, the parties", statement.Statement);
        Assert.Null(statement.TlpLevel);
        Assert.DoesNotContain(statement.Validate(), i => i.Severity == Severity.Error);
    }

    [Fact]
    public void Canonical_json_of_an_object_is_stable_under_member_reordering()
    {
        var a = StixObject.Parse("""
            {"type":"identity","spec_version":"2.1","id":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
            "created":"2016-04-06T20:03:00.000Z","modified":"2016-04-06T20:03:00.000Z","name":"ACME","identity_class":"organization"}
            """);
        var b = StixObject.Parse("""
            {"name":"ACME","identity_class":"organization","modified":"2016-04-06T20:03:00.000Z","created":"2016-04-06T20:03:00.000Z",
            "id":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","spec_version":"2.1","type":"identity"}
            """);
        Assert.Equal(a.ToCanonicalJson(), b.ToCanonicalJson());
        Assert.NotEqual(a.ToJson(), b.ToJson());
    }

    [Fact]
    public void Uuid_v5_matches_the_well_known_python_value()
    {
        // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") in Python's documentation.
        var dnsNamespace = Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(Guid.Parse("886313e1-3b8a-5372-9b90-0c9aee199e5d"), StixIdentifier.UuidV5(dnsNamespace, "python.org"u8));
    }

    [Theory]
    [InlineData("""{"type":"ipv4-addr","value":"198.51.100.3"}""", "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4")]
    [InlineData("""{"type":"domain-name","value":"example.com"}""", "domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7")]
    public void Deterministic_sco_ids_equal_pythons_uuid5_over_the_canonical_properties(string json, string expected)
    {
        // Expected values computed independently: uuid.uuid5(UUID("00abedb4-…"), '{"value":"…"}') in Python.
        using var document = JsonDocument.Parse(json);
        var type = document.RootElement.GetProperty("type").GetString()!;
        Assert.Equal(expected, StixIdentifier.DeterministicScoId(type, document.RootElement, ["value"]));
    }
}
