using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CyberAccord.Accord.State;
using CyberAccord.Server.Taxii;

namespace CyberAccord.Server.Tests;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>Issue 11: TAXII status resources were kept forever, so invalid envelopes posted without end grew the node's memory.</summary>
public sealed class StatusStoreTests
{
    private static JsonObject Status(int failures, int successes = 0)
    {
        var status = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["status"] = "complete",
            ["total_count"] = failures + successes,
            ["success_count"] = successes,
            ["failure_count"] = failures,
            ["pending_count"] = 0,
        };
        if (failures > 0)
        {
            status["failures"] = new JsonArray([.. Enumerable.Range(0, failures)
                .Select(i => (JsonNode)new JsonObject { ["id"] = $"$.objects[{i}]", ["message"] = new string('x', 100) })]);
        }

        if (successes > 0)
        {
            status["successes"] = new JsonArray([.. Enumerable.Range(0, successes)
                .Select(i => (JsonNode)new JsonObject { ["id"] = $"indicator--{i}", ["message"] = "added" })]);
        }

        return status;
    }

    private static string Id(JsonObject status) => status["id"]!.GetValue<string>();

    [Fact]
    public void A_status_is_kept_for_its_lifetime_and_then_answers_as_unknown()
    {
        var clock = new ManualClock();
        var store = new StatusStore(clock, new StatusStoreLimits { Lifetime = TimeSpan.FromHours(24) });
        var status = Status(failures: 1);
        store.Add("party--a", status);

        clock.Advance(TimeSpan.FromHours(23));
        Assert.True(store.TryGet(Id(status), "party--a", out var kept));
        Assert.Equal(Id(status), JsonNode.Parse(kept)!["id"]!.GetValue<string>());
        Assert.False(store.TryGet(Id(status), "party--b", out _));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.False(store.TryGet(Id(status), "party--a", out _));
        Assert.Equal(0, store.Size.Count);
    }

    [Fact]
    public void Posting_statuses_without_end_keeps_at_most_the_cap_per_party_and_drops_the_oldest()
    {
        var store = new StatusStore(new ManualClock(), new StatusStoreLimits { MaxPerParty = 10 });
        var other = Status(failures: 1);
        store.Add("party--b", other);
        var ids = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            var status = Status(failures: 1);
            ids.Add(Id(status));
            store.Add("party--a", status);
        }

        Assert.Equal(11, store.Size.Count);
        Assert.All(ids[..40], id => Assert.False(store.TryGet(id, "party--a", out _)));
        Assert.All(ids[40..], id => Assert.True(store.TryGet(id, "party--a", out _)));
        Assert.True(store.TryGet(Id(other), "party--b", out _));
    }

    [Fact]
    public void Large_statuses_are_bounded_in_bytes_per_party()
    {
        var store = new StatusStore(new ManualClock(), new StatusStoreLimits { MaxBytesPerParty = 64 * 1024 });
        for (var i = 0; i < 100; i++)
        {
            store.Add("party--a", Status(failures: 500));
        }

        Assert.InRange(store.Size.Bytes, 1, 64 * 1024 + 100 * 1024);
        Assert.True(store.Size.Count < 100);
    }

    [Fact]
    public void A_status_with_many_failures_keeps_the_first_entries_and_exact_counts()
    {
        var store = new StatusStore(new ManualClock(), new StatusStoreLimits { MaxEntriesPerList = 5 });
        var status = Status(failures: 40, successes: 7);
        store.Add("party--a", status);

        Assert.True(store.TryGet(Id(status), "party--a", out var json));
        var kept = JsonNode.Parse(json)!;
        Assert.Equal(5, kept["failures"]!.AsArray().Count);
        Assert.Equal("$.objects[0]", kept["failures"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(5, kept["successes"]!.AsArray().Count);
        Assert.Equal(40, kept["failure_count"]!.GetValue<int>());
        Assert.Equal(7, kept["success_count"]!.GetValue<int>());
        Assert.Equal(47, kept["total_count"]!.GetValue<int>());
    }
}

/// <summary>A node whose status clock the test moves.</summary>
public sealed class ClockedNodeFixture : NodeServerFixture
{
    public ManualClock Clock { get; } = new();

    protected override AccordServerOptions Configure(AccordServerOptions options) =>
        options with { Time = Clock, Statuses = new StatusStoreLimits { Lifetime = TimeSpan.FromHours(24), MaxEntriesPerList = 3 } };
}

public sealed class StatusExpiryOverHttpTests(ClockedNodeFixture node) : IClassFixture<ClockedNodeFixture>
{
    [Fact]
    public async Task An_expired_status_answers_404_in_the_taxii_error_format()
    {
        var invalid = string.Join(
            ',', Enumerable.Range(0, 10).Select(_ => """{"type":"indicator","spec_version":"2.1","id":"indicator--not-a-uuid"}"""));
        var content = new StringContent("{\"objects\":[" + invalid + "]}", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/taxii+json;version=2.1");
        var answer = await node.Taxii("US").PostAsync($"/api/collections/{CollectionDescriptor.IdFor("public")}/objects/", content);
        var posted = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        var id = posted["id"]!.GetValue<string>();
        Assert.Equal(10, posted["failure_count"]!.GetValue<int>());
        Assert.Equal(3, posted["failures"]!.AsArray().Count);

        var kept = await node.Taxii("US").GetAsync($"/api/status/{id}/");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal("application/taxii+json", kept.Content.Headers.ContentType?.MediaType);
        Assert.Equal(10, JsonNode.Parse(await kept.Content.ReadAsStringAsync())!["failure_count"]!.GetValue<int>());

        node.Clock.Advance(TimeSpan.FromHours(24));
        var expired = await node.Taxii("US").GetAsync($"/api/status/{id}/");
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal("application/taxii+json", expired.Content.Headers.ContentType?.MediaType);
        Assert.Equal("404", JsonNode.Parse(await expired.Content.ReadAsStringAsync())!["http_status"]!.GetValue<string>());
    }
}
