using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CyberAccord.Accord.State;

namespace CyberAccord.Server.Tests;

/// <summary>Issue 11: paging that a client following next alone can finish, and cursors a client forged.</summary>
public sealed class TaxiiPagingAttackTests(NodeServerFixture node) : IClassFixture<NodeServerFixture>
{
    private static StringContent Envelope(IEnumerable<string> objects)
    {
        var content = new StringContent("{\"objects\":[" + string.Join(',', objects) + "]}", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/taxii+json;version=2.1");
        return content;
    }

    private static string Indicator(string id, string modified) =>
        $$"""
        {"type":"indicator","spec_version":"2.1","id":"{{id}}","created":"2024-01-01T00:00:00.000Z","modified":"{{modified}}",
        "name":"paged","pattern":"[ipv4-addr:value = '203.0.113.9']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z"}
        """;

    /// <summary>Follows next until more is false, as the OASIS reference client's as_pages does; fails rather than loop forever.</summary>
    private async Task<List<string>> FollowNextAsync(string path, Func<JsonNode, IEnumerable<string>> entries)
    {
        var seen = new List<string>();
        string? next = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = JsonNode.Parse(await node.Taxii("CN").GetStringAsync(path + (next is null ? string.Empty : "&next=" + next)))!;
            seen.AddRange(entries(page));
            if (page["more"]?.GetValue<bool>() != true)
            {
                return seen;
            }

            next = page["next"]?.GetValue<string>();
            Assert.False(string.IsNullOrEmpty(next), $"page {pages + 1} of {path} says more but carries no next");
        }

        Assert.Fail($"{path} did not end within 100 pages");
        return seen;
    }

    [Fact]
    public async Task Paging_the_manifest_with_next_returns_every_entry_once()
    {
        var collection = CollectionDescriptor.IdFor("cn-us");
        var ids = Enumerable.Range(0, 9).Select(_ => "indicator--" + Guid.NewGuid()).ToList();
        var posted = await node.Taxii("US").PostAsync(
            $"/api/collections/{collection}/objects/", Envelope(ids.Select(id => Indicator(id, "2024-01-01T00:00:00.000Z"))));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        var seen = await FollowNextAsync(
            $"/api/collections/{collection}/manifest/?limit=4&match[type]=indicator",
            page => page["objects"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()));

        Assert.Equal(ids, seen.Where(ids.Contains));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Paging_versions_with_next_returns_every_version_once()
    {
        var collection = CollectionDescriptor.IdFor("cn-us");
        var id = "indicator--" + Guid.NewGuid();
        var versions = Enumerable.Range(1, 7).Select(month => $"2024-{month:00}-01T00:00:00.000Z").ToList();
        var posted = await node.Taxii("US").PostAsync(
            $"/api/collections/{collection}/objects/", Envelope(versions.Select(v => Indicator(id, v))));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        var seen = await FollowNextAsync(
            $"/api/collections/{collection}/objects/{id}/versions/?limit=2",
            page => page["versions"]!.AsArray().Select(v => v!.GetValue<string>()));

        Assert.Equal(versions, seen);
    }

    [Theory]
    [InlineData("v1:9223372036854775807")]
    [InlineData("v1:3155378976000000000")]
    [InlineData("v2:0")]
    [InlineData("v1:-1")]
    public async Task A_forged_next_cursor_is_refused_with_a_taxii_error(string forged)
    {
        var cursor = Convert.ToBase64String(Encoding.UTF8.GetBytes(forged)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var response = await node.Taxii("CN").GetAsync($"/api/collections/{CollectionDescriptor.IdFor("public")}/objects/?next={cursor}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/taxii+json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("400", error["http_status"]!.GetValue<string>());
        Assert.Contains("next", error["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
