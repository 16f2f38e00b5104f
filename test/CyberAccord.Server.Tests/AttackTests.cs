using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.Scenario;
using CyberAccord.Accord.State;

namespace CyberAccord.Server.Tests;

/// <summary>Attacks a party can make over HTTP, signing as itself: each is refused, leaves nothing behind, and breaks no reader.</summary>
public sealed class AttackTests(NodeServerFixture node) : IClassFixture<NodeServerFixture>
{
    private const string Red = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";

    private static ByteArrayContent JsonBody(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static ByteArrayContent JsonBody(string text) => JsonBody(Encoding.UTF8.GetBytes(text));

    private static StringContent Envelope(params string[] objects)
    {
        var content = new StringContent($$"""{"objects":[{{string.Join(',', objects)}}]}""", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/taxii+json;version=2.1");
        return content;
    }

    private static string Indicator(
        string name, string? id = null, string modified = "2024-01-01T00:00:00.000Z", string? marking = null, string? granular = null)
    {
        var markings = marking is null ? "" : $",\"object_marking_refs\":[\"{marking}\"]";
        var granularMarkings = granular is null
            ? ""
            : $",\"granular_markings\":[{{\"marking_ref\":\"{granular}\",\"selectors\":[\"name\",\"pattern\"]}}]";
        return $$"""
            {"type":"indicator","spec_version":"2.1","id":"{{id ?? "indicator--" + Guid.NewGuid()}}","created":"2024-01-01T00:00:00.000Z",
            "modified":"{{modified}}","name":"{{name}}","pattern":"[ipv4-addr:value = '203.0.113.7']","pattern_type":"stix",
            "valid_from":"2024-01-01T00:00:00Z"{{markings}}{{granularMarkings}}}
            """;
    }

    private static string Objects(string alias) => $"/api/collections/{CollectionDescriptor.IdFor(alias)}/objects/";

    private static async Task<JsonNode> Read(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private async Task<string> EverythingSeenBy(string code, string marker)
    {
        var text = new StringBuilder();
        foreach (var path in new[] { "/accord/records?limit=10000", "/accord/requests", "/accord/scorecards", "/accord/assessment" })
        {
            var response = await node.Api(code).GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text.Append(await response.Content.ReadAsStringAsync());
        }

        foreach (var collection in node.Node.CurrentState().CollectionList)
        {
            foreach (var path in new[] { "objects/", "manifest/" })
            {
                var response = await node.Taxii(code).GetAsync($"/api/collections/{collection.Id}/{path}");
                text.Append(await response.Content.ReadAsStringAsync());
            }
        }

        return text.ToString().Contains(marker, StringComparison.Ordinal) ? marker : string.Empty;
    }

    [Fact]
    public async Task Publishing_an_accord_under_a_pair_collections_alias_is_refused_and_every_reader_still_gets_answers()
    {
        var size = node.Node.Log.Checkpoint.Size;
        var forged = await node.Api("DE").PostAsync("/accord/records/accord?id=accord--cn-us",
            JsonBody($$"""
                {"title":"forged","parties":["{{ReferenceScenario.De}}","{{ReferenceScenario.Us}}"],"commitments":["USCN-2015-1"]}
                """));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Equal("$.id", (await Read(forged))["path"]!.GetValue<string>());
        Assert.Equal(size, node.Node.Log.Checkpoint.Size);
        foreach (var code in new[] { "CN", "US", "DE", "UN" })
        {
            Assert.Equal(HttpStatusCode.OK, (await node.Api(code).GetAsync("/accord/records")).StatusCode);
        }

        var ids = node.Node.CurrentState().CollectionList.Select(c => c.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Re_signing_a_party_record_with_another_partys_code_and_name_is_refused()
    {
        var key = Convert.ToBase64String(node.Key(ReferenceScenario.De).PublicKey);
        var forged = await node.Api("DE").PostAsync($"/accord/records/party?id={ReferenceScenario.De}",
            JsonBody($$"""{"code":"US","name":"United States of America","kind":"state","keys":[{"public_key":"{{key}}"}],"version":2}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Equal("$.body.code", (await Read(forged))["path"]!.GetValue<string>());
        Assert.Equal("DE", node.Node.CurrentState().Parties[ReferenceScenario.De].Code);
    }

    [Fact]
    public async Task A_client_signed_stix_object_record_passes_the_same_checks_as_a_taxii_post()
    {
        // CN's RED object between CN and the US.
        var red = Indicator("RED-OF-CN", marking: Red);
        Assert.Equal(HttpStatusCode.Accepted, (await node.Taxii("CN").PostAsync(Objects("cn-us"), Envelope(red))).StatusCode);

        AccordRecord Signed(string alias, string stix, string dateAdded, bool deleted = false) => AccordRecord.Sign(RecordKinds.StixObject,
            "stix-object--" + Guid.NewGuid(), ReferenceScenario.De, DateTime.UtcNow, JsonNode.Parse($$"""
                {"collection":"{{CollectionDescriptor.IdFor(alias)}}","date_added":"{{dateAdded}}"{{(deleted ? ",\"deleted\":true" : "")}},
                "object":{{stix}}}
                """)!.AsObject(), node.Key(ReferenceScenario.De));
        var now = DateTime.UtcNow.AddSeconds(1)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var size = node.Node.Log.Checkpoint.Size;
        foreach (var (record, path) in new[]
        {
            (Signed("cn-us", Indicator("DE-INTO-CN-US"), now), "$.body.collection"),
            (Signed("cn-us", red, now, deleted: true), "$.body.collection"),
            (Signed("public", Indicator("FUTURE"), "9999-12-31T00:00:00.000000Z"), "$.body.date_added"),
        })
        {
            var answer = await node.Api("DE").PostAsync("/accord/records", JsonBody(record.ToEntry()));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
            Assert.Equal(path, (await Read(answer))["path"]!.GetValue<string>());
        }

        Assert.Equal(size, node.Node.Log.Checkpoint.Size);
        var stillFine = await node.Taxii("US").PostAsync(Objects("cn-us"), Envelope(Indicator("still fine")));
        Assert.Equal(HttpStatusCode.Accepted, stillFine.StatusCode);
        var cn = await Read(await node.Taxii("CN").GetAsync(Objects("cn-us") + $"{JsonNode.Parse(red)!["id"]}/"));
        Assert.Equal("RED-OF-CN", cn["objects"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_red_update_on_a_green_request_reaches_no_third_party_through_any_derived_view()
    {
        var request = await Read(await node.Api("CN").PostAsync("/accord/records/request",
            JsonBody($$"""
                {"to":"{{ReferenceScenario.Us}}","type":"information","asks":"GREEN-ASK","deadline":"2030-01-01T00:00:00Z","tlp":"green"}
                """)));
        var id = request["id"]!.GetValue<string>();
        var update = await node.Api("US").PostAsync("/accord/records/request-update",
            JsonBody($$"""{"request":"{{id}}","status":"responded","note":"SECRET-UPDATE-NOTE","tlp":"red"}"""));
        Assert.Equal(HttpStatusCode.Created, update.StatusCode);
        foreach (var third in new[] { "DE", "UN" })
        {
            Assert.Equal(string.Empty, await EverythingSeenBy(third, "SECRET-UPDATE-NOTE"));
            var state = await Read(await node.Api(third).GetAsync($"/accord/requests/{id}"));
            Assert.Equal("open", state["status"]!.GetValue<string>());
            Assert.Null(state["first_response"]);
        }

        Assert.Equal("SECRET-UPDATE-NOTE", await EverythingSeenBy("CN", "SECRET-UPDATE-NOTE"));
        Assert.Equal("responded", (await Read(await node.Api("CN").GetAsync($"/accord/requests/{id}")))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_misspelled_label_is_refused_and_not_published_as_green()
    {
        var size = node.Node.Log.Checkpoint.Size;
        var answer = await node.Api("CN").PostAsync("/accord/records/incident",
            JsonBody($$"""
                {"title":"MISSPELT","affected_party":"{{ReferenceScenario.Cn}}","window":{"start":"2024-01-01T00:00:00Z"},
                "effects":["espionage"],"tpl":"red"}
                """));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        var problem = await Read(answer);
        Assert.Equal("$.body.tpl", problem["path"]!.GetValue<string>());
        Assert.Contains("did you mean 'tlp'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(size, node.Node.Log.Checkpoint.Size);
        Assert.Equal(string.Empty, await EverythingSeenBy("DE", "MISSPELT"));
    }

    [Fact]
    public async Task A_granular_red_marking_keeps_an_indicator_from_every_third_party_on_every_read_path()
    {
        var marked = Indicator("GRANULAR-RED-NAME", granular: Red);
        foreach (var alias in new[] { "un-gge-2015", "public" })
        {
            var status = await Read(await node.Taxii("CN").PostAsync(Objects(alias), Envelope(marked)));
            Assert.Equal(1, status["failure_count"]!.GetValue<int>());
        }

        var posted = await Read(await node.Taxii("CN").PostAsync(Objects("cn-us"), Envelope(marked)));
        Assert.Equal(1, posted["success_count"]!.GetValue<int>());
        foreach (var third in new[] { "DE", "UN" })
        {
            Assert.Equal(string.Empty, await EverythingSeenBy(third, "GRANULAR-RED-NAME"));
        }

        Assert.Equal("GRANULAR-RED-NAME", await EverythingSeenBy("US", "GRANULAR-RED-NAME"));
    }

    [Fact]
    public async Task A_party_cannot_take_over_another_partys_object_by_posting_a_newer_version()
    {
        var id = "indicator--" + Guid.NewGuid();
        var original = await node.Taxii("CN").PostAsync(Objects("cn-us"), Envelope(Indicator("CN-ORIGINAL", id, marking: Red)));
        Assert.Equal(HttpStatusCode.Accepted, original.StatusCode);
        var takeover = await Read(
            await node.Taxii("US").PostAsync(Objects("cn-us"), Envelope(Indicator("US-TAKEOVER", id, "2025-01-01T00:00:00.000Z"))));
        Assert.Equal(1, takeover["failure_count"]!.GetValue<int>());
        Assert.Contains("another poster's object", takeover["failures"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var read = await Read(await node.Taxii("CN").GetAsync(Objects("cn-us") + $"{id}/"));
        Assert.Equal("CN-ORIGINAL", read["objects"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await node.Taxii("CN").DeleteAsync(Objects("cn-us") + $"{id}/")).StatusCode);
    }

    [Fact]
    public async Task Re_posting_a_deleted_version_or_other_content_under_a_version_is_a_failure_in_the_status()
    {
        var id = "indicator--" + Guid.NewGuid();
        var first = Indicator("FIRST", id);
        var posted = await Read(await node.Taxii("US").PostAsync(Objects("public"), Envelope(first)));
        Assert.Equal(1, posted["success_count"]!.GetValue<int>());
        var changed = await Read(await node.Taxii("US").PostAsync(Objects("public"), Envelope(Indicator("CHANGED", id))));
        Assert.Equal(1, changed["failure_count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await node.Taxii("US").DeleteAsync(Objects("public") + $"{id}/")).StatusCode);
        var again = await Read(await node.Taxii("US").PostAsync(Objects("public"), Envelope(first)));
        Assert.Equal(1, again["failure_count"]!.GetValue<int>());
        Assert.Contains("was deleted", again["failures"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_on_a_hidden_request_is_answered_as_if_the_request_did_not_exist()
    {
        var request = await Read(await node.Api("CN").PostAsync("/accord/records/request",
            JsonBody($$"""
                {"to":"{{ReferenceScenario.Us}}","type":"information","asks":"hidden","deadline":"2030-01-01T00:00:00Z","tlp":"red"}
                """)));
        var id = request["id"]!.GetValue<string>();
        var probe = await node.Api("DE").PostAsync(
            "/accord/records/request-update", JsonBody($$"""{"request":"{{id}}","status":"responded"}"""));
        var missing = await node.Api("DE").PostAsync(
            "/accord/records/request-update", JsonBody($$"""{"request":"request--{{Guid.NewGuid()}}","status":"responded"}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, probe.StatusCode);
        var detail = (await Read(probe))["detail"]!.GetValue<string>();
        Assert.DoesNotContain(ReferenceScenario.Us, detail, StringComparison.Ordinal);
        var absent = (await Read(missing))["detail"]!.GetValue<string>();
        Assert.Contains("which does not exist", detail, StringComparison.Ordinal);
        Assert.Equal(
            absent[..absent.IndexOf("request--", StringComparison.Ordinal)],
            detail[..detail.IndexOf("request--", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task An_old_accord_version_resubmitted_byte_for_byte_is_refused()
    {
        var id = "accord--replay-" + Guid.NewGuid().ToString("N")[..8];
        var body = $$"""{"title":"v1","parties":["{{ReferenceScenario.Us}}","{{ReferenceScenario.De}}"],"commitments":["USCN-2015-1"]}""";
        var published = await node.Api("US").PostAsync($"/accord/records/accord?id={id}", JsonBody(body));
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var v1 = await node.Api("US").GetByteArrayAsync($"/accord/records/{id}");
        var v2 = body.Replace("\"v1\"", "\"v2\",\"version\":2", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await node.Api("US").PostAsync($"/accord/records/accord?id={id}", JsonBody(v2))).StatusCode);
        var replay = await node.Api("US").PostAsync("/accord/records", JsonBody(v1));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, replay.StatusCode);
        Assert.Equal("$.body.version", (await Read(replay))["path"]!.GetValue<string>());
        Assert.Equal("v2", node.Node.CurrentState().Accords[id].Title);
    }

    [Fact]
    public async Task A_record_too_large_for_a_log_entry_is_refused_with_a_clear_error_on_both_faces()
    {
        var size = node.Node.Log.Checkpoint.Size;
        var big = new string('x', 70_000);
        var statement = await node.Api("CN").PostAsync("/accord/records/statement", JsonBody($$"""{"title":"big","text":"{{big}}"}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, statement.StatusCode);
        Assert.Contains("65,535", (await Read(statement))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var stix = await Read(await node.Taxii("CN").PostAsync(Objects("public"), Envelope(Indicator(big))));
        Assert.Equal(1, stix["failure_count"]!.GetValue<int>());
        Assert.Contains("65,535", stix["failures"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(size, node.Node.Log.Checkpoint.Size);
    }

    [Fact]
    public async Task Two_parties_racing_to_post_one_id_get_one_owner_and_every_post_an_answer()
    {
        var id = "indicator--" + Guid.NewGuid();
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            var code = i % 2 == 0 ? "CN" : "US";
            using var response = await node.Taxii(code)
                .PostAsync(Objects("cn-us"), Envelope(Indicator($"RACE-{code}", id, $"2024-01-01T00:00:{i:00}.000Z")));
            return (code, response.StatusCode, Status: await Read(response));
        }));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        var owner = node.Node.CurrentState().Collections[CollectionDescriptor.IdFor("cn-us")].OwnerOf(id);
        var ownerCode = owner == ReferenceScenario.Cn ? "CN" : "US";
        Assert.All(answers, a => Assert.Equal(a.code == ownerCode ? 1 : 0, a.Status["success_count"]!.GetValue<int>()));
    }
}
