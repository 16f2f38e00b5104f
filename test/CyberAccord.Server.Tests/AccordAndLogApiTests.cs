using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.Scenario;
using CyberAccord.Log.Notes;
using CyberAccord.Log.Verification;

namespace CyberAccord.Server.Tests;

public sealed class AccordAndLogApiTests(NodeServerFixture node) : IClassFixture<NodeServerFixture>
{
    private static ByteArrayContent Signed(AccordRecord record) =>
        new(record.ToEntry()) { Headers = { ContentType = new("application/json") } };

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>A statement by <paramref name="author"/>, signed with <paramref name="signer"/>'s key.</summary>
    private AccordRecord Statement(string author, string signer, string body) =>
        AccordRecord.Sign(
            RecordKinds.Statement,
            "statement--" + Guid.NewGuid(),
            author,
            DateTime.UtcNow,
            JsonNode.Parse(body)!.AsObject(),
            node.Key(signer));

    [Fact]
    public async Task Records_are_listed_as_the_reader_may_see_them()
    {
        var us = JsonNode.Parse(await node.Api("US").GetStringAsync("/accord/records?kind=request"))!.AsArray();
        var cn = JsonNode.Parse(await node.Api("CN").GetStringAsync("/accord/records?kind=request"))!.AsArray();
        Assert.Equal(2, us.Count);
        Assert.Single(cn);
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/accord/records")).StatusCode);
        var hidden = us.Select(r => r!["record"]!["id"]!.GetValue<string>())
            .Single(id => !cn.Any(c => c!["record"]!["id"]!.GetValue<string>() == id));
        Assert.Equal(HttpStatusCode.NotFound, (await node.Api("CN").GetAsync($"/accord/records/{hidden}")).StatusCode);
    }

    [Fact]
    public async Task Records_come_a_page_at_a_time_and_the_pages_add_up_to_the_whole_list()
    {
        var whole = JsonNode.Parse(await node.Api("US").GetStringAsync("/accord/records?limit=10000"))!.AsArray()
            .Select(r => r!["record"]!["id"]!.GetValue<string>()).ToList();
        Assert.True(whole.Count > 10);
        var paged = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var answer = await node.Api("US").GetAsync($"/accord/records?limit=7{(after is null ? string.Empty : $"&after={after}")}");
            var page = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsArray();
            Assert.True(page.Count <= 7);
            paged.AddRange(page.Select(r => r!["record"]!["id"]!.GetValue<string>()));
            after = answer.Headers.TryGetValues("X-Accord-Next", out var next) ? next.Single() : null;
            pages++;
        }
        while (after is not null);

        Assert.Equal(whole, paged);
        Assert.True(pages >= whole.Count / 7);
        Assert.Equal(whole.Count, whole.Distinct().Count());

        var byCn = JsonNode.Parse(await node.Api("US").GetStringAsync("/accord/records?author=CN&limit=10000"))!.AsArray();
        Assert.NotEmpty(byCn);
        Assert.All(byCn, r => Assert.Equal(ReferenceScenario.Cn, r!["record"]!["author"]!.GetValue<string>()));
        var bad = await node.Api("US").GetAsync("/accord/records?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("limit=0", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_party_submits_records_it_signed_and_only_those()
    {
        var record = Statement(ReferenceScenario.De, ReferenceScenario.De, """{"title":"via the API","text":"signed by the client"}""");
        var accepted = await node.Api("DE").PostAsync("/accord/records", Signed(record));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.True(node.Node.CurrentState().Statements.ContainsKey(record.Id));

        var other = Statement(ReferenceScenario.De, ReferenceScenario.De, """{"title":"t","text":"x"}""");
        Assert.Equal(HttpStatusCode.Forbidden, (await node.Api("US").PostAsync("/accord/records", Signed(other))).StatusCode);

        var forged = Statement(ReferenceScenario.Us, ReferenceScenario.De, """{"title":"t","text":"x"}""");
        var refused = await node.Api("US").PostAsync("/accord/records", Signed(forged));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("$.key", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var malformed = await node.Api("US").PostAsync("/accord/records", Json("{\"accord_record\":\"1\""));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_node_signs_a_record_body_for_its_own_party_and_writes_nothing_it_refuses()
    {
        var id = "statement--" + Guid.NewGuid();
        var accepted = await node.Api("DE").PostAsync(
            $"/accord/records/statement?id={id}", Json("""{"title":"signed by the node","text":"for its own party"}"""));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var stored = node.Node.CurrentState().Records[id].Record;
        Assert.Equal(ReferenceScenario.De, stored.Author);
        Assert.True(AccordRecord.Parse(stored.ToEntry()).VerifySignature(node.Key(ReferenceScenario.De).PublicKey));

        var size = node.Node.Log.SequencedSize;
        var unknown = await node.Api("DE").PostAsync("/accord/records/verdict", Json("{}"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var malformed = await node.Api("DE").PostAsync("/accord/records/statement", Json("{\"title\":"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        var refused = await node.Api("DE").PostAsync("/accord/records/claim", Json("""{"likelihood":"certain"}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("\"path\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(size, node.Node.Log.SequencedSize);
    }

    [Fact]
    public async Task The_state_of_requests_is_served_to_those_who_may_see_them()
    {
        var us = JsonNode.Parse(await node.Api("US").GetStringAsync("/accord/requests"))!.AsArray();
        var cn = JsonNode.Parse(await node.Api("CN").GetStringAsync("/accord/requests"))!.AsArray();
        Assert.Equal(2, us.Count);
        Assert.Single(cn);
        foreach (var request in us)
        {
            var expected = node.Node.CurrentState().Requests[request!["id"]!.GetValue<string>()];
            Assert.Equal(expected.Status, request["status"]!.GetValue<string>());
            Assert.Equal(expected.IsOverdue(DateTime.UtcNow), request["overdue"]!.GetValue<bool>());
            Assert.Equal(expected.Updates.Count, request["updates"]!.AsArray().Count);
        }

        var overdue = JsonNode.Parse(await node.Api("US").GetStringAsync("/accord/requests?overdue=true"))!.AsArray();
        var onTime = JsonNode.Parse(await node.Api("US").GetStringAsync("/accord/requests?overdue=false"))!.AsArray();
        Assert.Equal(us.Count, overdue.Count + onTime.Count);
        var toCn = JsonNode.Parse(await node.Api("US").GetStringAsync("/accord/requests?to=CN"))!.AsArray();
        Assert.Equal(us.Count(r => r!["to"]!.GetValue<string>() == ReferenceScenario.Cn), toCn.Count);
        Assert.All(toCn, r => Assert.Equal(ReferenceScenario.Cn, r!["to"]!.GetValue<string>()));

        var hidden = us.Select(r => r!["id"]!.GetValue<string>()).First(id => !cn.Any(c => c!["id"]!.GetValue<string>() == id));
        Assert.Equal(HttpStatusCode.OK, (await node.Api("US").GetAsync($"/accord/requests/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await node.Api("CN").GetAsync($"/accord/requests/{hidden}")).StatusCode);
    }

    [Fact]
    public async Task Assessment_findings_are_served_only_on_records_the_reader_may_see_and_scorecards_as_computed()
    {
        const string at = "2026-01-01T00:00:00Z";
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var state = node.Node.CurrentState();
        var all = CyberAccord.Accord.Assessment.AssessmentEngine.Assess(state, now);
        foreach (var code in new[] { "US", "CN", "DE" })
        {
            var party = PartyIds.FromCodeOrId(code);
            var served = JsonNode.Parse(await node.Api(code).GetStringAsync($"/accord/assessment?at={at}"))!.AsArray();
            var visible = all
                .Where(f => CyberAccord.Accord.State.Visibility.CanSee(state, state.Records[f.Subject].Record, party))
                .ToList();
            Assert.Equal(
                visible.Select(f => f.Subject + f.Rule + f.Under),
                served.Select(f => (string)f!["subject"]! + (string)f["rule"]! + (string?)f["under"]));
        }

        var seenByCn = JsonNode.Parse(await node.Api("CN").GetStringAsync($"/accord/assessment?at={at}"))!.AsArray();
        Assert.True(all.Count > seenByCn.Count, "CN should not see findings on the US-only request");

        var cards = JsonNode.Parse(await node.Api("CN").GetStringAsync($"/accord/scorecards?at={at}"))!.AsArray();
        var expected = CyberAccord.Accord.Assessment.Scorecards.SeenBy(node.Node.CurrentState(), ReferenceScenario.Cn, now);
        Assert.Equal(expected.Select(c => c.ToJson().ToJsonString()), cards.Select(c => c!.ToJsonString()));

        // The request CN may not see is not counted in anyone's figures as CN receives them.
        var everything = CyberAccord.Accord.Assessment.Scorecards.All(node.Node.CurrentState(), now);
        Assert.NotEqual(everything.Select(c => c.ToJson().ToJsonString()), cards.Select(c => c!.ToJsonString()));
        var bad = await node.Api("CN").GetAsync("/accord/scorecards?at=tomorrow");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("at='tomorrow'", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_serves_the_signed_envelope_with_its_log_index()
    {
        var stored = node.Node.CurrentState().Records.Values.First(r => r.Record.Kind == RecordKinds.Claim);
        var answer = await node.Api("US").GetAsync($"/accord/records/{stored.Record.Id}");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(stored.Record.ToEntry(), await answer.Content.ReadAsByteArrayAsync());
        Assert.Equal(
            stored.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            answer.Headers.GetValues("X-Accord-Log-Index").Single());
    }

    [Fact]
    public async Task A_red_stix_object_of_two_parties_is_not_listed_to_a_third_through_the_records_api()
    {
        var objectId = "indicator--" + Guid.NewGuid();
        var content = new StringContent(
            $$"""
            {"objects":[{"type":"indicator","spec_version":"2.1","id":"{{objectId}}","created":"2024-01-01T00:00:00.000Z",
            "modified":"2024-01-01T00:00:00.000Z","name":"red between two","pattern":"[ipv4-addr:value = '203.0.113.9']",
            "pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z",
            "object_marking_refs":["marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"]}]}
            """,
            Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/taxii+json;version=2.1");
        var posted = await node.Taxii("US")
            .PostAsync($"/api/collections/{CyberAccord.Accord.State.CollectionDescriptor.IdFor("cn-us")}/objects/", content);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var recordId = node.Node.CurrentState().CollectionObjects.Last(o => o.ObjectId == objectId).RecordId;

        Assert.Contains(recordId, await node.Api("CN").GetStringAsync("/accord/records?kind=stix-object"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await node.Api("CN").GetAsync($"/accord/records/{recordId}")).StatusCode);
        Assert.DoesNotContain(recordId, await node.Api("DE").GetStringAsync("/accord/records?kind=stix-object"), StringComparison.Ordinal);
        Assert.DoesNotContain(objectId, await node.Api("DE").GetStringAsync("/accord/records"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await node.Api("DE").GetAsync($"/accord/records/{recordId}")).StatusCode);
    }

    [Fact]
    public async Task Consistency_proofs_are_public_and_verify_between_published_sizes()
    {
        var size = node.Node.Log.Checkpoint.Size;
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };
        var proof = JsonNode.Parse(await anonymous.GetStringAsync($"/log/proof/consistency?first=7&second={size}"))!;
        var hashes = proof["hashes"]!.AsArray().Select(h => Convert.FromBase64String(h!.GetValue<string>())).ToList();
        var root = node.Node.Log.Checkpoint.RootHash;
        var oldRoot = await node.Node.Log.RootAsync(7, CancellationToken.None);
        CyberAccord.Log.Merkle.ProofVerifier.VerifyConsistency(7, size, hashes, oldRoot, root);
        Assert.Throws<CyberAccord.Log.ProofException>(
            () => CyberAccord.Log.Merkle.ProofVerifier.VerifyConsistency(7, size, hashes, new byte[32], root));
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/log/proof/consistency?first={size + 1}")).StatusCode);
    }

    [Fact]
    public async Task Checkpoint_and_hash_tiles_are_public_and_entry_bundles_need_entitlement()
    {
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };
        var checkpoint = await anonymous.GetStringAsync("/log/checkpoint");
        var config = System.Text.Json.JsonDocument.Parse(await anonymous.GetStringAsync("/log/log.json")).RootElement;
        var keys = NoteVerifierSet.FromVerifierKeys(config.GetProperty("verifierKeys").EnumerateArray().Select(k => k.GetString()!));
        var size = CyberAccord.Log.Checkpoints.Checkpoint.Parse(keys.Open(Encoding.UTF8.GetBytes(checkpoint)).Note.Text).Size;
        var width = (int)(size % 256);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/log/tile/0/000.p/{width}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/log/tile/entries/000.p/{width}")).StatusCode);

        var proof = JsonNode.Parse(await anonymous.GetStringAsync($"/log/proof/inclusion?index=3&size={size}"))!;
        Assert.Equal(size, proof["tree_size"]!.GetValue<long>());
        Assert.NotEmpty(proof["hashes"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/log/proof/inclusion?index={size}")).StatusCode);
    }

    [Fact]
    public async Task A_party_entitled_to_every_record_verifies_the_log_over_http()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", NodeServerFixture.Token("US"));
        var config = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(node.BaseAddress, "/log/log.json"))).RootElement;
        var keys = NoteVerifierSet.FromVerifierKeys(config.GetProperty("verifierKeys").EnumerateArray().Select(k => k.GetString()!));
        var tiles = new HttpTileSource(http, new Uri(node.BaseAddress, "/log/"));
        var verifier = new LogVerifier(tiles, keys, config.GetProperty("origin").GetString());
        var result = await verifier.VerifyAsync(null, CancellationToken.None);
        Assert.Equal(node.Node.Log.Checkpoint.Size, result.Checkpoint.Size);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints()
    {
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/accord/records", paths);
        Assert.Contains("/api/collections/{id}/objects", paths);
        Assert.Contains("/log/proof/inclusion", paths);
        Assert.Equal("CyberAccord node", document["info"]!["title"]!.GetValue<string>());
    }
}
