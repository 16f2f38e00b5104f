using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CyberAccord.Accord.State;

namespace CyberAccord.Server.Tests;

/// <summary>Issue 11: TAXII errors that went out with empty bodies, and can_write promising what POST refuses.</summary>
public sealed class TaxiiErrorBodyTests(NodeServerFixture node) : IClassFixture<NodeServerFixture>
{
    private static async Task<JsonNode> TaxiiError(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/taxii+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("version=2.1", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture), error["http_status"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error["title"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(error["description"]!.GetValue<string>()));
        return error;
    }

    [Theory]
    [InlineData("/taxii2/")]
    [InlineData("/api/")]
    [InlineData("/api/collections/")]
    public async Task A_request_without_credentials_gets_a_taxii_error_with_the_challenge(string path)
    {
        var response = await node.Taxii(null).GetAsync(path);

        await TaxiiError(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
    }

    [Fact]
    public async Task A_wrong_password_gets_a_taxii_error_saying_so()
    {
        using var client = node.Taxii(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("us:guess"u8.ToArray()));

        var error = await TaxiiError(await client.GetAsync("/taxii2/"), HttpStatusCode.Unauthorized);
        Assert.Contains("password", error["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_to_the_accord_api_without_credentials_gets_problem_details()
    {
        using var client = new HttpClient { BaseAddress = node.BaseAddress };
        var response = await client.GetAsync("/accord/records");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<int>());
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    [Theory]
    [InlineData("/api/nothing-here/")]
    [InlineData("/api2/")]
    [InlineData("/taxii2/extra/")]
    [InlineData("/api/collections/some-id/objects/some-object/versions/extra/")]
    public async Task An_unknown_path_under_the_taxii_roots_gets_a_taxii_404(string path)
    {
        // /api2/ is not under a TAXII root, but must not be answered as one either: it is only checked not to be empty.
        var response = await node.Taxii("US").GetAsync(path);
        if (path.StartsWith("/api2", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            return;
        }

        await TaxiiError(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_method_a_taxii_endpoint_does_not_accept_gets_a_taxii_error()
    {
        var response = await node.Taxii("US").PutAsync("/taxii2/", new StringContent("{}"));

        await TaxiiError(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task A_party_that_is_not_in_the_accord_is_told_it_cannot_write_and_its_post_is_refused_alike()
    {
        var listed = await node.Taxii(NodeServerFixture.StrangerCode).GetStringAsync("/api/collections/");
        var collections = JsonNode.Parse(listed)!["collections"]!.AsArray();
        var publicCollection = Assert.Single(collections, c => c!["alias"]!.GetValue<string>() == "public")!;
        Assert.True(publicCollection["can_read"]!.GetValue<bool>());
        Assert.False(publicCollection["can_write"]!.GetValue<bool>());

        var content = new StringContent(
            """
            {"objects":[{"type":"indicator","spec_version":"2.1","id":"indicator--3f0e3a8c-6c39-4f7e-9d1c-2c4d4b8a9e11",
            "created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","pattern":"[ipv4-addr:value = '203.0.113.7']",
            "pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z"}]}
            """,
            Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/taxii+json;version=2.1");
        var posted = await node.Taxii(NodeServerFixture.StrangerCode)
            .PostAsync($"/api/collections/{CollectionDescriptor.IdFor("public")}/objects/", content);
        await TaxiiError(posted, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Every_collection_a_member_may_post_to_says_can_write_and_accepts_a_post()
    {
        foreach (var collection in JsonNode.Parse(await node.Taxii("US").GetStringAsync("/api/collections/"))!["collections"]!.AsArray())
        {
            Assert.True(collection!["can_write"]!.GetValue<bool>(), collection["alias"]!.GetValue<string>());
        }
    }
}
