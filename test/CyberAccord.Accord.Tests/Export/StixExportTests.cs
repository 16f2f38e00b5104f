using System.Text.Json;
using CyberAccord.Accord.Export;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Accord.Tests.Export;

public sealed class StixExportTests : IDisposable
{
    private readonly AccordBuilder _b = new();
    private readonly string _cn;
    private readonly string _us;
    private readonly string _de;
    private readonly string _red;
    private readonly string _strict;
    private readonly string _clear;

    public StixExportTests()
    {
        _cn = _b.Party("CN");
        _us = _b.Party("US");
        _de = _b.Party("DE");
        _clear = _b.Add(RecordKinds.Incident, _cn, "2017-03-02", $$"""
            {"title":"public incident","affected_party":"{{_cn}}","window":{"start":"2017-01-01T00:00:00Z"},
             "effects":["website-tampering"],"tlp":"clear"}
            """);
        _red = _b.Add(RecordKinds.Incident, _us, "2020-01-01", $$"""
            {"title":"between US and CN only","affected_party":"{{_us}}","window":{"start":"2020-01-01T00:00:00Z"},
             "effects":["espionage"],"tlp":"red","recipients":["{{_cn}}"]}
            """);
        _strict = _b.Add(RecordKinds.Claim, _us, "2020-01-02", $$"""
            {"incident":"{{_red}}","attributed_to":{"party":"{{_cn}}"},"likelihood":"likely","confidence":"moderate",
             "tlp":"amber+strict","recipients":["{{_cn}}"]}
            """);
    }

    private static List<string> AccordIds(JsonElement bundle) =>
        bundle.TryGetProperty("objects", out var objects)
            ? objects.EnumerateArray()
                .Where(o => o.TryGetProperty("x_accord_record", out _))
                .Select(o => o.GetProperty("x_accord_record").GetString()!)
                .ToList()
            : [];

    [Fact]
    public void A_third_party_never_receives_red_or_amber_strict_records_of_two_others()
    {
        using var document = JsonDocument.Parse(StixExport.Bundle(_b.State, _de).ToJsonString());
        var ids = AccordIds(document.RootElement);
        Assert.Contains(_clear, ids);
        Assert.DoesNotContain(_red, ids);
        Assert.DoesNotContain(_strict, ids);
        Assert.DoesNotContain("between US and CN only", document.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.False(Visibility.CanSee(_b.State, _b.State.Records[_red].Record, _de));
    }

    [Fact]
    public void The_named_recipient_sees_restricted_records_and_the_export_validates()
    {
        using var document = JsonDocument.Parse(StixExport.Bundle(_b.State, _cn).ToJsonString());
        var ids = AccordIds(document.RootElement);
        Assert.Contains(_red, ids);
        Assert.Contains(_strict, ids);
        var issues = StixValidator.ValidateDocument(document.RootElement);
        Assert.DoesNotContain(issues, i => i.Severity == Severity.Error);
        Assert.DoesNotContain(issues, i => i.Severity == Severity.Warning);
        var relationship = document.RootElement.GetProperty("objects").EnumerateArray()
            .Single(o => o.GetProperty("type").GetString() == "relationship");
        Assert.Equal("attributed-to", relationship.GetProperty("relationship_type").GetString());
        Assert.Equal("likely", relationship.GetProperty("x_accord_likelihood").GetString());
        Assert.True(relationship.GetProperty("x_accord_unsupported").GetBoolean());
        Assert.Contains(
            relationship.GetProperty("object_marking_refs").EnumerateArray(),
            m => m.GetString() == Stix.Model.TlpMarkings.Tlp2AmberStrict);
    }

    [Fact]
    public void Clear_records_are_visible_to_anyone_even_unregistered()
    {
        Assert.True(Visibility.CanSee(_b.State, _b.State.Records[_clear].Record, null));
        Assert.False(Visibility.CanSee(_b.State, _b.State.Records[_cn].Record, null));
        Assert.True(Visibility.CanSee(_b.State, _b.State.Records[_cn].Record, _de));
    }

    [Fact]
    public void Export_ids_are_stable_across_exports()
    {
        Assert.Equal(StixExport.StixId("incident", _clear), StixExport.StixId("incident", _clear));
        Assert.NotEqual(StixExport.StixId("incident", _clear), StixExport.StixId("incident", _red));
    }

    public void Dispose() => _b.Dispose();
}
