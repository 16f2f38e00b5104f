using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;

namespace CyberAccord.Accord.Tests.State;

/// <summary>Records that break a rule are refused with the path at fault, and the state does not change.</summary>
public sealed class AccordStateTests : IDisposable
{
    private readonly AccordBuilder _b = new();
    private readonly string _cn;
    private readonly string _us;

    public AccordStateTests()
    {
        _cn = _b.Party("CN");
        _us = _b.Party("US");
    }

    private void Refused(AccordRecord record, string path, string fragment)
    {
        var before = _b.State.Count;
        _b.State.Records.TryGetValue(record.Id, out var stored);
        var e = Assert.Throws<RecordRejectedException>(() => _b.Apply(record));
        Assert.Equal(path, e.JsonPath);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, _b.State.Count);
        Assert.Same(stored, _b.State.Records.GetValueOrDefault(record.Id));
    }

    private string Incident() => _b.Add(RecordKinds.Incident, _us, "2014-05-19", $$"""
        {"title":"theft","affected_party":"{{_us}}","window":{"start":"2014-05-01T00:00:00Z"},"effects":["data-theft"]}
        """);

    [Fact]
    public void A_record_whose_body_was_altered_after_signing_is_refused()
    {
        var record = _b.Sign(RecordKinds.Statement, _cn, "2014-05-20", """{"title":"denial","text":"We deny it."}""");
        var altered = record with { Body = JsonNode.Parse("""{"title":"denial","text":"We admit it."}""")!.AsObject() };
        Refused(altered, "$.signature", "does not verify");
    }

    [Fact]
    public void A_party_cannot_sign_as_another_party()
    {
        var record = _b.Sign(RecordKinds.Statement, _cn, "2014-05-20", """{"title":"t","text":"x"}""");
        Refused(record with { Author = _us }, "$.key", "is not a key of party--us");
    }

    [Fact]
    public void An_unknown_author_is_refused()
    {
        var record = _b.Sign(RecordKinds.Statement, _cn, "2014-05-20", """{"title":"t","text":"x"}""");
        Refused(record with { Author = "party--xx" }, "$.author", "unknown author");
    }

    [Fact]
    public void A_reference_to_a_missing_record_is_refused()
    {
        Refused(
            _b.Sign(RecordKinds.Claim, _us, "2014-05-19", """
                {"incident":"incident--nope","attributed_to":{"party":"party--cn"},"likelihood":"likely","confidence":"high"}
                """),
            "$.body.incident",
            "does not exist");
        Refused(
            _b.Sign(RecordKinds.Request, _us, "2014-05-19",
                """{"to":"party--zz","type":"information","asks":"x","deadline":"2014-06-19T00:00:00Z"}"""),
            "$.body.to",
            "does not exist");
        Refused(
            _b.Sign(RecordKinds.Claim, _us, "2014-05-19", """
                {"attributed_to":{"party":"party--cn"},"likelihood":"likely","confidence":"high","evidence":["evidence--missing"]}
                """),
            "$.body.evidence[0]",
            "does not exist");
    }

    [Fact]
    public void A_deadline_before_the_request_is_refused()
    {
        Refused(
            _b.Sign(RecordKinds.Request, _us, "2015-12-01",
                """{"to":"party--cn","type":"assistance","asks":"x","deadline":"2015-11-01T00:00:00Z"}"""),
            "$.body.deadline",
            "not after");
    }

    [Fact]
    public void A_record_cannot_be_rewritten_under_its_id()
    {
        var id = Incident();
        Refused(
            _b.Sign(RecordKinds.Incident, _us, "2014-05-20", $$"""
                {"title":"changed","affected_party":"{{_us}}","window":{"start":"2014-05-01T00:00:00Z"},"effects":["espionage"]}
                """, id),
            "$.id",
            "cannot be rewritten");
    }

    [Fact]
    public void Fields_outside_their_vocabulary_are_refused_with_their_path()
    {
        Refused(
            _b.Sign(RecordKinds.Incident, _us, "2014-05-19", $$"""
                {"title":"t","affected_party":"{{_us}}","window":{"start":"2014-05-01T00:00:00Z"},"effects":["annoyance"]}
                """),
            "$.body.effects[0]",
            "annoyance");
        Refused(
            _b.Sign(RecordKinds.Claim, _us, "2014-05-19",
                """{"attributed_to":{"party":"party--cn"},"likelihood":"probably","confidence":"high"}"""),
            "$.body.likelihood",
            "probably");
        Refused(
            _b.Sign(RecordKinds.Incident, _us, "2014-05-19",
                $$"""{"title":"t","affected_party":"{{_us}}","window":{"start":"May 2014"},"effects":["espionage"]}"""),
            "$.body.window.start",
            "RFC 3339");
    }

    [Fact]
    public void Only_the_addressee_answers_and_only_the_requester_closes()
    {
        var request = _b.Add(RecordKinds.Request, _us, "2015-12-01",
            """{"to":"party--cn","type":"assistance","asks":"x","deadline":"2015-12-31T00:00:00Z"}""");
        Refused(
            _b.Sign(RecordKinds.RequestUpdate, _us, "2015-12-02", $$"""{"request":"{{request}}","status":"responded"}"""),
            "$.author",
            "can only come from party--cn");
        Refused(
            _b.Sign(RecordKinds.RequestUpdate, _cn, "2015-12-02", $$"""{"request":"{{request}}","status":"closed"}"""),
            "$.author",
            "can only come from party--us");
        _b.Add(RecordKinds.RequestUpdate, _cn, "2015-12-02", $$"""{"request":"{{request}}","status":"acknowledged"}""");
        Assert.Equal("acknowledged", _b.State.Requests[request].Status);
    }

    [Fact]
    public void A_revoked_key_can_no_longer_sign()
    {
        using var fresh = PartyKey.Generate();
        var old = _b.Key(_cn);
        var rotation = AccordRecord.Sign(RecordKinds.Party, _cn, _cn, AccordBuilder.T("2016-01-01"), JsonNode.Parse($$"""
            {"code":"CN","name":"CN","kind":"state","version":2,
             "keys":[{"public_key":"{{Convert.ToBase64String(old.PublicKey)}}","status":"revoked"},
                     {"public_key":"{{Convert.ToBase64String(fresh.PublicKey)}}"}]}
            """)!.AsObject(), old);
        _b.Apply(rotation);
        Assert.Equal(2, _b.State.Parties[_cn].Version);
        Refused(_b.Sign(RecordKinds.Statement, _cn, "2016-02-01", """{"title":"t","text":"x"}"""), "$.key", "revoked");
        _b.Apply(AccordRecord.Sign(
            RecordKinds.Statement,
            "statement--new-key",
            _cn,
            AccordBuilder.T("2016-02-01"),
            JsonNode.Parse("""{"title":"t","text":"signed with the new key"}""")!.AsObject(),
            fresh));
    }

    [Fact]
    public void A_party_record_must_be_authored_and_signed_by_the_party_itself()
    {
        using var key = PartyKey.Generate();
        var body = JsonNode.Parse(
            $$"""{"code":"XX","name":"XX","kind":"state","keys":[{"public_key":"{{Convert.ToBase64String(key.PublicKey)}}"}]}""")!
            .AsObject();
        Refused(
            AccordRecord.Sign(RecordKinds.Party, "party--xx", _us, AccordBuilder.T("2016-01-01"), body, _b.Key(_us)),
            "$.author",
            "authored by the party itself");
        using var other = PartyKey.Generate();
        Refused(
            AccordRecord.Sign(RecordKinds.Party, "party--xx", "party--xx", AccordBuilder.T("2016-01-01"), body, other),
            "$.key",
            "is not a key of party--xx");
    }

    [Fact]
    public void A_claim_without_shared_evidence_is_unsupported_and_with_it_supported()
    {
        var incident = Incident();
        var unsupported = _b.Add(RecordKinds.Claim, _cn, "2017-03-02",
            $$"""{"incident":"{{incident}}","attributed_to":{"party":"{{_us}}"},"likelihood":"likely","confidence":"moderate"}""");
        var secret = _b.Add(RecordKinds.Evidence, _us, "2014-05-19", """
            {"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","media_type":"text/plain",
             "description":"private notes","source_reliability":"B","information_credibility":"2","tlp":"red"}
            """);
        var ownOnly = _b.Add(RecordKinds.Claim, _us, "2014-05-19",
            $$"""{"attributed_to":{"party":"{{_cn}}"},"likelihood":"very-likely","confidence":"high","evidence":["{{secret}}"]}""");
        var shared = _b.Add(RecordKinds.Evidence, _us, "2014-05-19", $$"""
            {"sha256":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","media_type":"application/pdf",
             "description":"indictment","source_reliability":"A","information_credibility":"2","disclosed_to":["{{_cn}}"],"tlp":"amber"}
            """);
        var backed = _b.Add(RecordKinds.Claim, _us, "2014-05-19",
            $$"""{"attributed_to":{"party":"{{_cn}}"},"likelihood":"very-likely","confidence":"high","evidence":["{{shared}}"]}""");
        Assert.True(_b.State.Claims[unsupported].Unsupported);
        Assert.True(_b.State.Claims[ownOnly].Unsupported);
        Assert.False(_b.State.Claims[backed].Unsupported);
        Assert.Equal("likely", _b.State.Claims[unsupported].Likelihood);
        Assert.Equal("moderate", _b.State.Claims[unsupported].Confidence);
    }

    [Fact]
    public void Parsing_a_tampered_envelope_names_the_member_at_fault()
    {
        var record = _b.Sign(RecordKinds.Statement, _cn, "2014-05-20", """{"title":"t","text":"x"}""");
        var entry = System.Text.Encoding.UTF8.GetString(record.ToEntry());
        Assert.Equal(record.Id, AccordRecord.Parse(entry).Id);
        Assert.Equal(
            "$.kind",
            Assert.Throws<RecordRejectedException>(
                () => AccordRecord.Parse(entry.Replace("\"statement\"", "\"rumour\"", StringComparison.Ordinal))).JsonPath);
        Assert.Equal(
            "$.created",
            Assert.Throws<RecordRejectedException>(
                () => AccordRecord.Parse(entry.Replace("2014-05-20T00:00:00.000Z", "yesterday", StringComparison.Ordinal))).JsonPath);
        Assert.Equal(
            "$.extra",
            Assert.Throws<RecordRejectedException>(() => AccordRecord.Parse(entry.TrimEnd('}') + ",\"extra\":1}")).JsonPath);
    }

    public void Dispose() => _b.Dispose();

    [Fact]
    public void Entries_keep_every_version_in_log_order_and_are_found_by_log_index()
    {
        var first = _b.State.Entries.Count;
        var statement = _b.Add(RecordKinds.Statement, _cn, "2014-05-20", """{"title":"t","text":"x"}""");
        var last = _b.State.Entries[^1].Sequence;
        Assert.Equal(statement, _b.State.EntryAt(last)!.Record.Id);
        Assert.Null(_b.State.EntryAt(last + 1));
        Assert.Null(_b.State.EntryAt(-1));
        Assert.Equal(_b.State.Entries.Count, _b.State.IndexAfter(last));
        Assert.Equal(0, _b.State.IndexAfter(-1));
        Assert.Equal(first, _b.State.IndexAfter(_b.State.Entries[first - 1].Sequence));
        Assert.Equal(Enumerable.Range(0, _b.State.Entries.Count).Select(i => (long)i), _b.State.Entries.Select(e => e.Sequence));
    }

    [Fact]
    public void The_log_entry_is_the_canonical_envelope_with_its_signature()
    {
        var record = _b.Sign(RecordKinds.Statement, _cn, "2014-05-20", """{"title":"t","text":"x","z":[1.0,{"b":1,"a":2}]}""");
        var entry = record.ToEntry();
        using var document = System.Text.Json.JsonDocument.Parse(entry);
        Assert.Equal(Stix.Json.JsonCanonicalizer.Canonicalize(document.RootElement), entry);
        Assert.Equal(entry, AccordRecord.Parse(entry).ToEntry());
    }

    [Fact]
    public void A_record_received_in_any_json_layout_verifies_over_its_canonical_form_and_is_logged_canonically()
    {
        var record = _b.Sign(RecordKinds.Statement, _cn, "2014-05-20", """{"title":"t","text":"x","z":[1.0,{"b":1,"a":2}]}""");
        var key = _b.Key(_cn).PublicKey;
        using var document = System.Text.Json.JsonDocument.Parse(record.ToEntry());
        var members = document.RootElement.EnumerateObject().Reverse().Select(m => $"\n  \"{m.Name}\" : {m.Value.GetRawText()}");
        var relaid = "{" + string.Join(",", members) + "\n}";

        var received = AccordRecord.Parse(relaid);
        Assert.True(received.VerifySignature(key));
        Assert.Equal(record.ToEntry(), received.ToEntry());

        var altered = AccordRecord.Parse(relaid.Replace("\"title\":\"t\"", "\"title\":\"T\"", StringComparison.Ordinal));
        Assert.False(altered.VerifySignature(key));
    }
}
