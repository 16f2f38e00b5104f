using System.Text.Json.Nodes;
using CyberAccord.Accord.Assessment;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;

namespace CyberAccord.Accord.Tests.State;

/// <summary>Attacks on the accord's rules by a party that signs as itself: each is refused, or changes nothing it may not see.</summary>
public sealed class AttackTests : IDisposable
{
    private const string Red = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    private const string Amber = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    private readonly AccordBuilder _b = new();
    private readonly string _cn;
    private readonly string _us;
    private readonly string _de;
    private readonly string _un;

    public AttackTests()
    {
        _cn = _b.Party("CN");
        _us = _b.Party("US");
        _de = _b.Party("DE");
        _un = _b.Party("UN", "observer");
    }

    private RecordRejectedException Refused(AccordRecord record, string path)
    {
        var before = _b.State.Count;
        var collections = _b.State.CollectionList;
        var e = Assert.Throws<RecordRejectedException>(() => _b.Apply(record));
        Assert.Equal(path, e.JsonPath);
        Assert.Equal(before, _b.State.Count);
        Assert.Same(collections, _b.State.CollectionList);
        return e;
    }

    private JsonObject PartyBody(string code, string name, string author, int? version = null)
    {
        var body = new JsonObject
        {
            ["code"] = code,
            ["name"] = name,
            ["kind"] = "state",
            ["keys"] = new JsonArray(new JsonObject { ["public_key"] = Convert.ToBase64String(_b.Key(author).PublicKey) }),
        };
        if (version is not null)
        {
            body["version"] = version;
        }

        return body;
    }

    private static string Indicator(string id, string modified, string? markings = null, string? granular = null) => $$"""
        {"type":"indicator","spec_version":"2.1","id":"{{id}}","created":"2024-01-01T00:00:00.000Z","modified":"{{modified}}","name":"n",
         "pattern":"[ipv4-addr:value = '203.0.113.7']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z"
         {{(markings is null ? "" : $",\"object_marking_refs\":[\"{markings}\"]")}}
         {{(granular is null ? "" : $",\"granular_markings\":[{{\"marking_ref\":\"{granular}\",\"selectors\":[\"name\",\"pattern\"]}}]")}}}
        """;

    private int _added;

    private AccordRecord StixRecord(string poster, string alias, string stix, bool deleted = false)
    {
        _added++;
        var body = $$"""
            {"collection":"{{CollectionDescriptor.IdFor(alias)}}","date_added":"2024-01-01T00:00:{{_added:00}}.000000Z"
             {{(deleted ? ",\"deleted\":true" : "")}},"object":{{stix}}}
            """;
        return _b.Sign(RecordKinds.StixObject, poster, "2024-01-01", body);
    }

    // Item 1: a collection's identity and a party's code are things no other party can claim.

    [Fact]
    public void An_accord_whose_id_imitates_a_pair_collection_is_refused()
    {
        var forged = _b.Sign(RecordKinds.Accord, _de, "2024-01-01",
            $$"""{"title":"t","parties":["{{_de}}","{{_us}}"],"commitments":["USCN-2015-1"]}""", "accord--cn-us");
        Assert.Contains("form of another collection's alias", Refused(forged, "$.id").Message, StringComparison.Ordinal);
        Assert.Equal(_b.State.CollectionList.Count, _b.State.CollectionList.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void An_accord_named_public_is_refused()
    {
        Refused(
            _b.Sign(RecordKinds.Accord, _de, "2024-01-01",
                $$"""{"title":"t","parties":["{{_de}}"],"commitments":["USCN-2015-1"]}""", "accord--public"),
            "$.id");
    }

    [Fact]
    public void A_party_cannot_take_another_partys_code_in_a_new_version()
    {
        var forged = AccordRecord.Sign(
            RecordKinds.Party, _de, _de, AccordBuilder.T("2024-01-01"), PartyBody("US", "DE", _de, 2), _b.Key(_de));
        Assert.Contains("code cannot change", Refused(forged, "$.body.code").Message, StringComparison.Ordinal);
        Assert.Equal("DE", _b.State.Parties[_de].Code);
    }

    [Fact]
    public void A_party_cannot_take_another_partys_name()
    {
        var forged = AccordRecord.Sign(
            RecordKinds.Party, _de, _de, AccordBuilder.T("2024-01-01"), PartyBody("DE", "us", _de, 2), _b.Key(_de));
        Refused(forged, "$.body.name");
    }

    [Fact]
    public void A_new_party_cannot_register_under_an_id_that_is_not_its_code()
    {
        using var key = PartyKey.Generate();
        var body = new JsonObject
        {
            ["code"] = "CN",
            ["name"] = "Another",
            ["kind"] = "state",
            ["keys"] = new JsonArray(new JsonObject { ["public_key"] = Convert.ToBase64String(key.PublicKey) }),
        };
        Refused(AccordRecord.Sign(RecordKinds.Party, "party--xx", "party--xx", AccordBuilder.T("2024-01-01"), body, key), "$.body.code");
    }

    [Theory]
    [InlineData("cn-us")]
    [InlineData("C")]
    [InlineData("DE1")]
    public void A_party_code_that_could_make_collection_aliases_collide_is_refused(string code)
    {
        using var key = PartyKey.Generate();
        var id = "party--" + code.ToLowerInvariant();
        var body = new JsonObject
        {
            ["code"] = code,
            ["name"] = "n " + code,
            ["kind"] = "state",
            ["keys"] = new JsonArray(new JsonObject { ["public_key"] = Convert.ToBase64String(key.PublicKey) }),
        };
        Refused(AccordRecord.Sign(RecordKinds.Party, id, id, AccordBuilder.T("2024-01-01"), body, key), "$.body.code");
    }

    // Item 2: a signed stix-object record passes the same checks as a TAXII POST.

    [Fact]
    public void A_signed_stix_object_record_cannot_enter_a_pair_collection_of_two_others()
    {
        var e = Refused(
            StixRecord(_de, "cn-us", Indicator("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "2024-01-01T00:00:00.000Z")),
            "$.body.collection");
        Assert.DoesNotContain(_cn, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signed_deletion_of_another_partys_object_is_refused_even_knowing_its_id_and_version()
    {
        var stix = Indicator("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "2024-01-01T00:00:00.000Z", Red);
        _b.Apply(StixRecord(_cn, "cn-us", stix));
        Refused(StixRecord(_us, "cn-us", stix, deleted: true), "$.body.object");
        Assert.Single(_b.State.Collections[CollectionDescriptor.IdFor("cn-us")]
            .LiveVersions("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"));
    }

    // Item 5 and 6: unknown and granular markings fail closed.

    [Fact]
    public void An_object_with_an_unknown_marking_is_red_and_refused_where_red_cannot_go()
    {
        const string unknown = "marking-definition--00000000-0000-4000-8000-000000000001";
        var stix = Indicator("indicator--11111111-1111-4111-8111-111111111111", "2024-01-01T00:00:00.000Z", unknown);
        Assert.Contains(unknown, Refused(StixRecord(_cn, "public", stix), "$.body.object").Message, StringComparison.Ordinal);
        var stored = _b.State.Apply(StixRecord(_cn, "cn-us", stix), 1000);
        Assert.Equal("red", stored.Label!.Tlp);
        Assert.False(Visibility.CanSee(_b.State, stored, _de));
    }

    [Fact]
    public void A_granular_red_marking_makes_the_whole_object_red()
    {
        var stix = Indicator("indicator--22222222-2222-4222-8222-222222222222", "2024-01-01T00:00:00.000Z", granular: Red);
        Refused(StixRecord(_cn, "public", stix), "$.body.object");
        var stored = _b.State.Apply(StixRecord(_cn, "cn-us", stix), 1000);
        Assert.Equal("red", stored.Label!.Tlp);
        Assert.True(Visibility.CanSee(_b.State, stored, _us));
        Assert.False(Visibility.CanSee(_b.State, stored, _de));
    }

    [Fact]
    public void The_public_collection_refuses_amber_objects()
    {
        Refused(
            StixRecord(_cn, "public", Indicator("indicator--33333333-3333-4333-8333-333333333333", "2024-01-01T00:00:00.000Z", Amber)),
            "$.body.object");
    }

    // Item 7: a STIX id belongs to the party that first posted it in a collection.

    private static string P(string code) => "party--" + code.ToLowerInvariant();

    [Theory]
    [InlineData("CN", "US")]
    [InlineData("US", "CN")]
    public void A_party_cannot_post_a_newer_version_under_another_partys_object_id(string owner, string taker)
    {
        const string id = "indicator--44444444-4444-4444-8444-444444444444";
        _b.Apply(StixRecord(P(owner), "cn-us", Indicator(id, "2024-01-01T00:00:00.000Z", Red)));
        var e = Refused(StixRecord(P(taker), "cn-us", Indicator(id, "2025-01-01T00:00:00.000Z")), "$.body.object.id");
        Assert.Contains("another poster's object", e.Message, StringComparison.Ordinal);
        _b.Apply(StixRecord(P(owner), "cn-us", Indicator(id, "2025-01-01T00:00:00.000Z", Red)));
    }

    [Fact]
    public void A_deleted_version_cannot_come_back_and_a_version_cannot_change_content()
    {
        const string id = "indicator--55555555-5555-4555-8555-555555555555";
        var first = Indicator(id, "2024-01-01T00:00:00.000Z");
        _b.Apply(StixRecord(_cn, "public", first));
        Refused(
            StixRecord(_cn, "public", first.Replace("\"name\":\"n\"", "\"name\":\"other\"", StringComparison.Ordinal)),
            "$.body.object.modified");
        _b.Apply(StixRecord(_cn, "public", first, deleted: true));
        Refused(StixRecord(_cn, "public", first), "$.body.object.modified");
    }

    // Item 4: bodies have a closed schema.

    [Theory]
    [InlineData(
        RecordKinds.Incident,
        """{"title":"t","affected_party":"party--us","window":{"start":"2014-05-01T00:00:00Z"},"effects":["data-theft"],"tpl":"red"}""",
        "$.body.tpl")]
    [InlineData(
        RecordKinds.Incident,
        """{"title":"t","affected_party":"party--us","window":{"start":"2014-05-01T00:00:00Z","stop":"x"},"effects":["data-theft"]}""",
        "$.body.window.stop")]
    [InlineData(RecordKinds.Statement, """{"title":"t","text":"x","priority":"high"}""", "$.body.priority")]
    public void A_misspelled_or_unknown_member_is_refused_with_its_path(string kind, string body, string path)
    {
        var e = Refused(_b.Sign(kind, _cn, "2015-01-01", body), path);
        Assert.Contains("unknown member", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelled_label_is_answered_with_the_name_it_resembles()
    {
        var e = Refused(_b.Sign(RecordKinds.Statement, _cn, "2015-01-01", """{"title":"t","text":"x","tpl":"red"}"""), "$.body.tpl");
        Assert.Contains("did you mean 'tlp'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_example_in_the_help_passes_the_schema()
    {
        foreach (var schema in RecordSchemas.ByKind.Values)
        {
            RecordSchemas.RequireKnownMembers(schema.Kind, JsonNode.Parse(schema.Example)!.AsObject());
            Assert.Contains(schema.Kind, RecordSchemas.Describe(schema.Kind), StringComparison.Ordinal);
        }
    }

    // Item 8: a refusal reveals nothing hidden.

    [Fact]
    public void An_update_on_a_hidden_request_is_answered_as_if_the_request_did_not_exist()
    {
        var request = _b.Add(RecordKinds.Request, _cn, "2025-01-01",
            $$"""{"to":"{{_us}}","type":"information","asks":"a","deadline":"2025-02-01T00:00:00Z","tlp":"red"}""");
        var e = Refused(
            _b.Sign(RecordKinds.RequestUpdate, _de, "2025-01-02", $$"""{"request":"{{request}}","status":"responded"}"""),
            "$.body.request");
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_us, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_cannot_cite_evidence_its_author_may_not_see()
    {
        var evidence = _b.Add(RecordKinds.Evidence, _cn, "2025-01-01", """
            {"sha256":"0000000000000000000000000000000000000000000000000000000000000000","media_type":"text/plain",
             "description":"d","source_reliability":"B","information_credibility":"2","disclosed_to":["party--us"]}
            """);
        var claim = _b.Sign(RecordKinds.Claim, _de, "2025-01-02",
            $$"""{"attributed_to":{"actor":"x"},"likelihood":"likely","confidence":"low","evidence":["{{evidence}}"]}""");
        Assert.Contains("does not exist", Refused(claim, "$.body.evidence[0]").Message, StringComparison.Ordinal);
    }

    // Item 9: an old version cannot be replayed.

    [Fact]
    public void An_old_accord_version_resubmitted_byte_for_byte_does_not_become_current_again()
    {
        var v1 = _b.Sign(RecordKinds.Accord, _cn, "2015-09-25",
            $$"""{"title":"v1","parties":["{{_cn}}","{{_us}}"],"commitments":["USCN-2015-1"]}""", "accord--us-cn-2015");
        _b.Apply(v1);
        _b.Apply(_b.Sign(RecordKinds.Accord, _cn, "2016-01-01", $$"""
            {"title":"v2","parties":["{{_cn}}","{{_us}}"],"commitments":["USCN-2015-1","USCN-2015-3"],"version":2}
            """, "accord--us-cn-2015"));
        Refused(AccordRecord.Parse(v1.ToEntry()), "$.body.version");
        Assert.Equal("v2", _b.State.Accords["accord--us-cn-2015"].Title);
    }

    [Fact]
    public void An_old_designation_version_resubmitted_does_not_become_current_again()
    {
        var v1 = _b.Sign(RecordKinds.Designation, _cn, "2016-01-01", """
            {"framework":"f","legal_basis":"l","effective":"2016-01-01T00:00:00Z","sectors":[{"id":"e","name":"e","category":"energy"}]}
            """, "ci-designation--cn");
        _b.Apply(v1);
        _b.Apply(_b.Sign(RecordKinds.Designation, _cn, "2017-01-01", """
            {"framework":"f","legal_basis":"l","effective":"2017-01-01T00:00:00Z","sectors":[{"id":"f","name":"f","category":"finance"}],
             "version":2}
            """, "ci-designation--cn"));
        Refused(AccordRecord.Parse(v1.ToEntry()), "$.body.version");
        Assert.Equal(2, _b.State.Designations.Count(d => d.Id == "ci-designation--cn"));
    }

    // Item 3: figures, findings and clocks are computed only from what the reader may see.

    [Theory]
    [InlineData("CN", "US")]
    [InlineData("US", "CN")]
    public void A_red_update_on_a_green_request_changes_no_status_or_clock_for_a_third_party(string from, string to)
    {
        var (requester, addressee) = (P(from), P(to));
        var request = _b.Add(RecordKinds.Request, requester, "2025-01-01",
            $$"""{"to":"{{addressee}}","type":"information","asks":"a","deadline":"2025-02-01T00:00:00Z","tlp":"green"}""");
        _b.Add(RecordKinds.RequestUpdate, addressee, "2025-01-05",
            $$"""{"request":"{{request}}","status":"responded","note":"SECRET-NOTE","tlp":"red"}""");
        var now = AccordBuilder.T("2025-03-01");
        foreach (var third in new[] { _de, _un })
        {
            var view = _b.State.SeenBy(third);
            Assert.Equal("open", view.Requests[request].Status);
            Assert.True(view.Requests[request].IsOverdue(now));
            Assert.Equal(0, Scorecards.SeenBy(_b.State, third, now).Single(c => c.Party == addressee).RequestsAnswered);
            Assert.DoesNotContain(AssessmentEngine.Assess(view, now), f => f.Explanation.Contains("responded", StringComparison.Ordinal));
        }

        Assert.Equal("responded", _b.State.SeenBy(requester).Requests[request].Status);
    }

    [Fact]
    public void A_red_designation_and_a_red_purpose_position_reach_no_finding_a_third_party_reads()
    {
        _b.Accord(_cn, _us);
        _b.Add(RecordKinds.Designation, _cn, "2013-01-01", """
            {"framework":"SECRET-LIST","legal_basis":"l","effective":"2013-01-01T00:00:00Z",
             "sectors":[{"id":"e","name":"e","category":"energy"}],"tlp":"red","recipients":["party--us"]}
            """);
        var incident = _b.Add(RecordKinds.Incident, _us, "2016-01-01", $$"""
            {"title":"t","affected_party":"{{_cn}}","window":{"start":"2016-01-01T00:00:00Z"},
             "sectors":["energy"],"effects":["disruption","data-theft"]}
            """);
        _b.Add(RecordKinds.Position, _cn, "2016-02-01",
            $$"""{"subject":"{{incident}}","stance":"purpose","view":"commercial","note":"SECRET-VIEW","tlp":"red"}""");
        var now = AccordBuilder.T("2017-01-01");
        Assert.Contains(
            AssessmentEngine.Assess(_b.State.SeenBy(_us), now),
            f => f.Explanation.Contains("SECRET-LIST", StringComparison.Ordinal));
        foreach (var third in new[] { _de, _un })
        {
            var findings = AssessmentEngine.Assess(_b.State.SeenBy(third), now);
            Assert.DoesNotContain(findings, f => f.Explanation.Contains("SECRET", StringComparison.Ordinal));
            Assert.DoesNotContain(findings, f => f.Rule == AssessmentEngine.IpTheftRule && f.Under == _cn);
        }
    }

    [Fact]
    public void A_view_is_read_only()
    {
        var view = _b.State.SeenBy(_de);
        Assert.Throws<InvalidOperationException>(
            () => view.Apply(_b.Sign(RecordKinds.Statement, _de, "2015-01-01", """{"title":"t","text":"x"}"""), 99));
    }

    [Fact]
    public void A_log_entry_the_rules_refuse_stops_a_replay_naming_its_index_and_record()
    {
        var entries = _b.State.Entries.Select(e => e.Record).ToList();
        var unknown = _b.Sign(RecordKinds.Statement, _cn, "2015-01-01", """{"title":"t","text":"x","priority":"high"}""");
        var e = Assert.Throws<ReplayRefusedException>(
            () => new AccordState().Replay([.. entries, unknown], 0, signaturesVouchedFor: false));
        Assert.Equal(entries.Count, e.Sequence);
        Assert.Equal(unknown.Id, e.RecordId);
        Assert.Contains("$.body.priority", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _b.Dispose();
}
