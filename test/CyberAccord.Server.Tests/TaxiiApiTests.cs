using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Accord.State;
using CyberAccord.Server.Taxii;

namespace CyberAccord.Server.Tests;

/// <summary>TAXII 2.1 over real HTTP on loopback, against a node holding the reference scenario.</summary>
public sealed class TaxiiApiTests(NodeServerFixture node) : IClassFixture<NodeServerFixture>
{
    private static string CollectionId(string alias) => CollectionDescriptor.IdFor(alias);

    private static StringContent Envelope(params string[] objects)
    {
        var content = new StringContent("{\"objects\":[" + string.Join(',', objects) + "]}", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/taxii+json;version=2.1");
        return content;
    }

    private static string Indicator(string name, string tlp = "", string? id = null, string modified = "2024-01-01T00:00:00.000Z") =>
        $$"""
        {"type":"indicator","spec_version":"2.1","id":"{{id ?? "indicator--" + Guid.NewGuid()}}","created":"2024-01-01T00:00:00.000Z",
        "modified":"{{modified}}","name":"{{name}}","pattern":"[ipv4-addr:value = '203.0.113.7']","pattern_type":"stix",
        "valid_from":"2024-01-01T00:00:00Z"{{(tlp.Length == 0 ? string.Empty : $",\"object_marking_refs\":[\"{tlp}\"]")}}}
        """;

    private static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        Assert.Equal("application/taxii+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("version=2.1", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Discovery_needs_credentials_and_the_taxii_media_type()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await node.Taxii(null).GetAsync("/taxii2/")).StatusCode);
        using var plain = node.Taxii("US");
        plain.DefaultRequestHeaders.Accept.Clear();
        plain.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        Assert.Equal(HttpStatusCode.NotAcceptable, (await plain.GetAsync("/taxii2/")).StatusCode);
        using var wrongPassword = node.Taxii(null);
        wrongPassword.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String("us:guess"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongPassword.GetAsync("/taxii2/")).StatusCode);

        var discovery = await Json(await node.Taxii("US").GetAsync("/taxii2/"));
        Assert.Equal("/api/", discovery["default"]!.GetValue<string>());
        var root = await Json(await node.Taxii("US").GetAsync("/api/"));
        Assert.Contains(root["versions"]!.AsArray(), v => v!.GetValue<string>() == "application/taxii+json;version=2.1");
        Assert.True(root["max_content_length"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task Each_party_lists_only_the_collections_it_belongs_to()
    {
        var cn = (await Json(await node.Taxii("CN").GetAsync("/api/collections/")))["collections"]!.AsArray()
            .Select(c => c!["alias"]!.GetValue<string>()).ToList();
        Assert.Contains("public", cn);
        Assert.Contains("cn-us", cn);
        Assert.Contains("cn-de", cn);
        Assert.DoesNotContain("de-us", cn);
        Assert.Equal(HttpStatusCode.NotFound, (await node.Taxii("CN").GetAsync($"/api/collections/{CollectionId("de-us")}/")).StatusCode);
        var collection = await Json(await node.Taxii("US").GetAsync($"/api/collections/{CollectionId("cn-us")}/"));
        Assert.True(collection["can_read"]!.GetValue<bool>());
        Assert.True(collection["can_write"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Posted_objects_are_validated_signed_into_the_log_and_read_back()
    {
        var sizeBefore = node.Node.Log.Checkpoint.Size;
        var good = Indicator("beacon to a government site");
        var bad = """
            {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
            "created":"2024-01-01T00:00:00.000Z","modified":"2023-01-01T00:00:00.000Z","pattern":"[x","pattern_type":"stix",
            "valid_from":"2024-01-01T00:00:00Z"}
            """;
        var response = await node.Taxii("US").PostAsync($"/api/collections/{CollectionId("cn-us")}/objects/", Envelope(good, bad));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await Json(response);
        Assert.Equal("complete", status["status"]!.GetValue<string>());
        Assert.Equal(2, status["total_count"]!.GetValue<int>());
        Assert.Equal(1, status["success_count"]!.GetValue<int>());
        Assert.Equal(1, status["failure_count"]!.GetValue<int>());
        Assert.Contains("modified-before-created", status["failures"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(sizeBefore + 1, node.Node.Log.Checkpoint.Size);
        var record = node.Node.CurrentState().CollectionObjects[^1];
        Assert.Equal("party--us", record.Poster);

        var statusAgain = await Json(await node.Taxii("US").GetAsync($"/api/status/{status["id"]!.GetValue<string>()}/"));
        Assert.Equal(1, statusAgain["success_count"]!.GetValue<int>());
        var statusPath = $"/api/status/{status["id"]!.GetValue<string>()}/";
        Assert.Equal(HttpStatusCode.NotFound, (await node.Taxii("DE").GetAsync(statusPath)).StatusCode);

        var id = JsonNode.Parse(good)!["id"]!.GetValue<string>();
        var read = await node.Taxii("CN").GetAsync($"/api/collections/{CollectionId("cn-us")}/objects/{id}/");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(read.Headers.Contains("X-TAXII-Date-Added-First"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", read.Headers.GetValues("X-TAXII-Date-Added-Last").Single());
        var objects = (await Json(read))["objects"]!.AsArray();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(good), objects.Single()));

        var again = await Json(await node.Taxii("US").PostAsync($"/api/collections/{CollectionId("cn-us")}/objects/", Envelope(good)));
        Assert.Equal(1, again["success_count"]!.GetValue<int>());
        Assert.Equal(sizeBefore + 1, node.Node.Log.Checkpoint.Size);
    }

    [Fact]
    public async Task A_third_party_never_sees_red_or_amber_strict_objects_of_two_others()
    {
        var red = Indicator("red between CN and US", Stix.Model.TlpMarkings.Tlp2Red);
        var strict = Indicator("strict on the public collection", Stix.Model.TlpMarkings.Tlp2AmberStrict);
        var clear = Indicator("clear for all", Stix.Model.TlpMarkings.Tlp2Clear);
        var posted = await node.Taxii("US").PostAsync($"/api/collections/{CollectionId("cn-us")}/objects/", Envelope(red));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var mixed = await node.Taxii("US").PostAsync($"/api/collections/{CollectionId("public")}/objects/", Envelope(strict, clear));
        Assert.Equal(HttpStatusCode.Accepted, mixed.StatusCode);

        // The public collection is CLEAR and GREEN only: the strict object is refused there, not stored for its poster alone.
        var mixedStatus = await Json(mixed);
        Assert.Equal(JsonNode.Parse(strict)!["id"]!.GetValue<string>(), mixedStatus["failures"]![0]!["id"]!.GetValue<string>());
        Assert.Contains(
            "TLP:CLEAR and TLP:GREEN only", mixedStatus["failures"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        async Task<string> Everything(string code)
        {
            var text = new StringBuilder();
            foreach (var alias in new[] { "public", "cn-us", "de-us", "cn-de", "us-cn-2015", "un-gge-2015" })
            {
                foreach (var path in new[] { "objects/", "manifest/" })
                {
                    var response = await node.Taxii(code).GetAsync($"/api/collections/{CollectionId(alias)}/{path}");
                    text.Append(await response.Content.ReadAsStringAsync());
                }
            }

            return text.ToString();
        }

        var de = await Everything("DE");
        Assert.DoesNotContain(JsonNode.Parse(red)!["id"]!.GetValue<string>(), de, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonNode.Parse(strict)!["id"]!.GetValue<string>(), de, StringComparison.Ordinal);
        Assert.Contains(JsonNode.Parse(clear)!["id"]!.GetValue<string>(), de, StringComparison.Ordinal);
        var cn = await Everything("CN");
        Assert.Contains(JsonNode.Parse(red)!["id"]!.GetValue<string>(), cn, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonNode.Parse(strict)!["id"]!.GetValue<string>(), cn, StringComparison.Ordinal);
        var redPath = $"/api/collections/{CollectionId("cn-us")}/objects/{JsonNode.Parse(red)!["id"]}/";
        Assert.Equal(HttpStatusCode.NotFound, (await node.Taxii("DE").GetAsync(redPath)).StatusCode);

        // Object by id, its versions, and id-matched pages hide the strict object from readers of the public collection too
        // (an error may repeat the id the reader asked for, so what is checked is that nothing of the object or its versions comes back).
        var strictId = JsonNode.Parse(strict)!["id"]!.GetValue<string>();
        var strictVersion = JsonNode.Parse(strict)!["modified"]!.GetValue<string>();
        string[] paths =
            [$"objects/{strictId}/", $"objects/{strictId}/versions/", $"objects/?match[id]={strictId}", $"manifest/?match[id]={strictId}"];
        foreach (var path in paths)
        {
            var response = await node.Taxii("DE").GetAsync($"/api/collections/{CollectionId("public")}/{path}");
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(
                response.StatusCode == HttpStatusCode.NotFound || !text.Contains(strictId, StringComparison.Ordinal),
                $"{path}: {(int)response.StatusCode} {text}");
            Assert.DoesNotContain("strict on the public collection", text, StringComparison.Ordinal);
            Assert.DoesNotContain(strictVersion, text, StringComparison.Ordinal);
        }

        var strictVersions = $"/api/collections/{CollectionId("public")}/objects/{strictId}/versions/";
        Assert.Equal(HttpStatusCode.NotFound, (await node.Taxii("US").GetAsync(strictVersions)).StatusCode);
    }

    [Fact]
    public async Task Paging_with_next_returns_every_object_once_in_date_added_order()
    {
        var alias = "cn-de";
        var ids = new List<string>();
        for (var batch = 0; batch < 3; batch++)
        {
            var objects = Enumerable.Range(0, 9).Select(i => Indicator($"page {batch}-{i}")).ToArray();
            ids.AddRange(objects.Select(o => JsonNode.Parse(o)!["id"]!.GetValue<string>()));
            var posted = await node.Taxii("DE").PostAsync($"/api/collections/{CollectionId(alias)}/objects/", Envelope(objects));
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        var seen = new List<string>();
        string? next = null;
        string? lastAdded = null;
        do
        {
            var response = await node.Taxii("CN").GetAsync(
                $"/api/collections/{CollectionId(alias)}/objects/?limit=10&match[type]=indicator"
                + (next is null ? string.Empty : "&next=" + next));
            var page = await Json(response);
            var objects = page["objects"]!.AsArray();
            Assert.True(objects.Count <= 10);
            var first = response.Headers.GetValues("X-TAXII-Date-Added-First").Single();
            Assert.True(lastAdded is null || string.CompareOrdinal(first, lastAdded) > 0);
            lastAdded = response.Headers.GetValues("X-TAXII-Date-Added-Last").Single();
            seen.AddRange(objects.Select(o => o!["id"]!.GetValue<string>()));
            next = page["more"]?.GetValue<bool>() == true ? page["next"]!.GetValue<string>() : null;
        }
        while (next is not null);

        Assert.Equal(ids, seen.Where(ids.Contains));
        Assert.Equal(seen.Count, seen.Distinct().Count());

        var manifest = await Json(await node.Taxii("CN").GetAsync($"/api/collections/{CollectionId(alias)}/manifest/?limit=5"));
        Assert.True(manifest["more"]!.GetValue<bool>());
        Assert.Equal("application/stix+json;version=2.1", manifest["objects"]![0]!["media_type"]!.GetValue<string>());
        foreach (var query in new[] { "limit=0", "added_after=yesterday", "next=garbage" })
        {
            var refused = await node.Taxii("CN").GetAsync($"/api/collections/{CollectionId(alias)}/objects/?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
    }

    [Fact]
    public async Task Versions_are_listed_and_match_version_selects_among_them()
    {
        var id = "indicator--" + Guid.NewGuid();
        var v1 = Indicator("v1", id: id, modified: "2024-01-01T00:00:00.000Z");
        var v2 = Indicator("v2", id: id, modified: "2024-02-01T00:00:00.000Z");
        await node.Taxii("US").PostAsync($"/api/collections/{CollectionId("de-us")}/objects/", Envelope(v1, v2));
        var versions = await Json(await node.Taxii("DE").GetAsync($"/api/collections/{CollectionId("de-us")}/objects/{id}/versions/"));
        Assert.Equal(
            ["2024-01-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z"], versions["versions"]!.AsArray().Select(v => v!.GetValue<string>()));
        var latest = await Json(await node.Taxii("DE").GetAsync($"/api/collections/{CollectionId("de-us")}/objects/{id}/"));
        Assert.Equal("v2", latest["objects"]!.AsArray().Single()!["name"]!.GetValue<string>());
        var first = await Json(
            await node.Taxii("DE").GetAsync($"/api/collections/{CollectionId("de-us")}/objects/{id}/?match[version]=first"));
        Assert.Equal("v1", first["objects"]!.AsArray().Single()!["name"]!.GetValue<string>());
        var all = await Json(await node.Taxii("DE").GetAsync($"/api/collections/{CollectionId("de-us")}/objects/{id}/?match[version]=all"));
        Assert.Equal(2, all["objects"]!.AsArray().Count);
    }

    [Fact]
    public async Task Delete_is_the_posters_alone_and_hides_the_object_without_erasing_the_log()
    {
        var item = Indicator("to be withdrawn");
        var id = JsonNode.Parse(item)!["id"]!.GetValue<string>();
        await node.Taxii("US").PostAsync($"/api/collections/{CollectionId("public")}/objects/", Envelope(item));
        var size = node.Node.Log.Checkpoint.Size;
        var objectPath = $"/api/collections/{CollectionId("public")}/objects/{id}/";
        Assert.Equal(HttpStatusCode.Forbidden, (await node.Taxii("CN").DeleteAsync(objectPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await node.Taxii("US").DeleteAsync(objectPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await node.Taxii("CN").GetAsync(objectPath)).StatusCode);
        var manifest = await node.Taxii("US").GetAsync($"/api/collections/{CollectionId("public")}/manifest/");
        Assert.DoesNotContain(id, await manifest.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(size + 1, node.Node.Log.Checkpoint.Size);
    }

    [Fact]
    public async Task Bad_requests_get_the_right_status_and_change_nothing()
    {
        var size = node.Node.Log.Checkpoint.Size;
        var url = $"/api/collections/{CollectionId("cn-us")}/objects/";
        var json = new StringContent("{\"objects\":[]}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await node.Taxii("US").PostAsync(url, json)).StatusCode);
        var broken = Envelope();
        broken = new StringContent("{\"objects\":[", Encoding.UTF8);
        broken.Headers.ContentType = MediaTypeHeaderValue.Parse("application/taxii+json;version=2.1");
        var response = await node.Taxii("US").PostAsync(url, broken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await Json(response);
        Assert.Equal("400", error["http_status"]!.GetValue<string>());
        Assert.Contains("line", error["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var huge = Envelope(Indicator(new string('x', 300 * 1024)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await node.Taxii("US").PostAsync(url, huge)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await node.Taxii("DE").PostAsync(url, Envelope(Indicator("intruder")))).StatusCode);
        Assert.Equal(size, node.Node.Log.Checkpoint.Size);
    }

    [Fact]
    public async Task The_reference_servers_fixture_objects_round_trip_through_a_collection()
    {
        using var fixture = JsonDocument.Parse(File.ReadAllBytes(TestData.PathOf("stix/medallion/default_data.json")));
        var source = fixture.RootElement.GetProperty("trustgroup1").GetProperty("collections").EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == "91a7b528-80eb-42ed-a74d-c6fbd5a26116");
        var objects = source.GetProperty("objects").EnumerateArray().Select(o =>
        {
            var node = JsonNode.Parse(o.GetRawText())!.AsObject();
            node.Remove("__meta");
            return node.ToJsonString();
        }).ToArray();
        var status = await Json(
            await node.Taxii("DE").PostAsync($"/api/collections/{CollectionId("un-gge-2015")}/objects/", Envelope(objects)));
        Assert.Equal(objects.Length, status["total_count"]!.GetValue<int>());
        var all = await Json(
            await node.Taxii("US").GetAsync($"/api/collections/{CollectionId("un-gge-2015")}/objects/?match[version]=all&limit=1000"));
        var returned = all["objects"]!.AsArray()
            .Select(o => o!["id"]!.GetValue<string>() + "@" + (o["modified"] ?? o["created"])?.GetValue<string>()).ToHashSet();
        var accepted = status["successes"]!.AsArray().Select(s => s!["id"]!.GetValue<string>() + "@" + s["version"]!.GetValue<string>());
        Assert.All(accepted, a => Assert.Contains(a, returned));
        Assert.True(status["success_count"]!.GetValue<int>() + status["failure_count"]!.GetValue<int>() == objects.Length);
    }

    [Fact]
    public async Task Concurrent_posts_all_land_and_date_added_follows_log_order()
    {
        var alias = "un-gge-2015";
        var posts = Enumerable.Range(0, 8).Select(async p =>
        {
            var objects = Enumerable.Range(0, 20).Select(i => Indicator($"concurrent {p}-{i}")).ToArray();
            var response = await node.Taxii(p % 2 == 0 ? "US" : "DE")
                .PostAsync($"/api/collections/{CollectionId(alias)}/objects/", Envelope(objects));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal(20, (await Json(response))["success_count"]!.GetValue<int>());
        });
        await Task.WhenAll(posts);

        var items = node.Node.CurrentState().Collections[CollectionId(alias)].Items;
        Assert.True(items.Count(i => i.Json["name"]!.GetValue<string>().StartsWith("concurrent", StringComparison.Ordinal)) == 160);
        for (var i = 1; i < items.Count; i++)
        {
            Assert.True(items[i].DateAdded > items[i - 1].DateAdded);
        }
    }
}
