using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;

namespace CyberAccord.Accord.Tests.State;

public sealed class VisibilityTests : IDisposable
{
    private readonly AccordBuilder _b = new();
    private readonly string _us;
    private readonly string _cn;
    private readonly string _de;

    public VisibilityTests()
    {
        _us = _b.Party("US");
        _cn = _b.Party("CN");
        _de = _b.Party("DE");
    }

    private bool Sees(string party, string id) => Visibility.CanSee(_b.State, _b.State.Records[id].Record, party);

    [Fact]
    public void An_unlabelled_request_and_its_updates_are_amber_as_the_state_treats_them()
    {
        var request = _b.Add(RecordKinds.Request, _us, "2015-12-01",
            """{"to":"party--cn","type":"assistance","asks":"logs of the intrusion","deadline":"2015-12-31T00:00:00Z"}""");
        var update = _b.Add(RecordKinds.RequestUpdate, _cn, "2015-12-05",
            $$"""{"request":"{{request}}","status":"responded","note":"sent"}""");
        Assert.Equal("amber", Visibility.LabelOf(_b.State, _b.State.Records[request]));
        Assert.Equal("amber", _b.State.Requests[request].Tlp);
        Assert.True(Sees(_us, request) && Sees(_cn, request) && Sees(_us, update) && Sees(_cn, update));
        Assert.False(Sees(_de, request));
        Assert.False(Sees(_de, update));
    }

    [Fact]
    public void An_update_of_a_green_request_is_green_like_its_request()
    {
        var request = _b.Add(RecordKinds.Request, _us, "2015-12-01",
            """{"to":"party--cn","type":"assistance","asks":"x","deadline":"2015-12-31T00:00:00Z","tlp":"green"}""");
        var update = _b.Add(RecordKinds.RequestUpdate, _cn, "2015-12-05", $$"""{"request":"{{request}}","status":"acknowledged"}""");
        Assert.True(Sees(_de, update));
        Assert.Equal("green", Visibility.LabelOf(_b.State, _b.State.Records[update].Record));
    }

    [Fact]
    public void Unlabelled_evidence_is_amber_and_reaches_only_those_it_is_disclosed_to()
    {
        var evidence = _b.Add(RecordKinds.Evidence, _us, "2015-12-01", """
            {"sha256":"0000000000000000000000000000000000000000000000000000000000000000","media_type":"text/plain",
             "description":"d","source_reliability":"B","information_credibility":"2","disclosed_to":["party--cn"]}
            """);
        Assert.True(Sees(_cn, evidence));
        Assert.False(Sees(_de, evidence));
    }

    [Theory]
    [InlineData("cn-us", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", true, false)]
    [InlineData("cn-us", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", true, false)]
    [InlineData("public", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", true, true)]
    public void A_shared_stix_object_is_seen_as_its_collection_and_marking_allow(string alias, string marking, bool cnSees, bool deSees)
    {
        var pair = CollectionDescriptor.IdFor(alias);
        var record = _b.Add(RecordKinds.StixObject, _us, "2024-01-01", $$$"""
            {"collection":"{{{pair}}}","date_added":"2024-01-01T00:00:00.000000Z",
             "object":{"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                       "created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z",
                       "pattern":"[ipv4-addr:value = '203.0.113.7']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z",
                       "object_marking_refs":["{{{marking}}}"]}}
            """);
        Assert.True(Sees(_us, record));
        Assert.Equal(cnSees, Sees(_cn, record));

        // DE reads no pair collection of two others, whatever the object's marking; a RED object reaches only its poster
        // (and, in a pair collection, the other member).
        Assert.Equal(deSees, Sees(_de, record));
    }

    public void Dispose() => _b.Dispose();
}
