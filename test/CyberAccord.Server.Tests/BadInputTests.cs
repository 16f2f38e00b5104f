using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CyberAccord.Accord.State;

namespace CyberAccord.Server.Tests;

/// <summary>Issue 11: inputs that were answered with empty 500s (or signed as something else) get a 4xx naming the problem.</summary>
public sealed partial class BadInputTests(NodeServerFixture node) : IClassFixture<NodeServerFixture>
{
    public static TheoryData<string, byte[]> BadJsonBodies => new()
    {
        { "a number out of range", Encoding.UTF8.GetBytes("""{"title":"t","text":"x","weight":1e400}""") },
        { "a lone surrogate escape", Encoding.UTF8.GetBytes("""{"title":"\ud800","text":"x"}""") },
        { "invalid UTF-8", [.. Encoding.UTF8.GetBytes("{\"title\":\"t"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\",\"text\":\"x\"}")] },
    };

    private static ByteArrayContent Json(byte[] body, string contentType = "application/json") =>
        new(body) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } };

    private static async Task<JsonNode> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        return problem;
    }

    [Theory]
    [MemberData(nameof(BadJsonBodies))]
    public async Task A_record_body_for_the_node_to_sign_is_refused_with_a_problem_naming_the_fault(string name, byte[] body)
    {
        var size = node.Node.Log.Checkpoint.Size;
        var problem = await Problem(await node.Api("DE").PostAsync("/accord/records/statement", Json(body)), HttpStatusCode.BadRequest);

        var detail = problem["detail"]!.GetValue<string>();
        Assert.True(detail.Contains("line 1, byte", StringComparison.Ordinal), $"{name}: {detail}");
        Assert.Equal(size, node.Node.Log.Checkpoint.Size);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_record_body_is_refused_naming_its_byte_offset_not_signed_as_a_replacement_character()
    {
        var body = BadJsonBodies.Single(row => (string)row[0] == "invalid UTF-8")[1];
        var problem = await Problem(
            await node.Api("DE").PostAsync("/accord/records/statement", Json((byte[])body)), HttpStatusCode.BadRequest);

        Assert.Contains("offset 11", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a number out of range", """{"accord_record":1e400}""")]
    [InlineData("a lone surrogate escape", """{"accord_record":"\ud800"}""")]
    public async Task A_signed_record_with_json_no_reader_can_use_is_refused_with_a_problem(string name, string body)
    {
        var problem = await Problem(
            await node.Api("DE").PostAsync("/accord/records", Json(Encoding.UTF8.GetBytes(body))), HttpStatusCode.BadRequest);

        Assert.False(string.IsNullOrEmpty(problem["detail"]?.GetValue<string>()), name);
    }

    [Theory]
    [InlineData("a number out of range", "1e400", "IEEE 754")]
    [InlineData("a lone surrogate escape", "\"\\ud800\"", "lone surrogate")]
    public async Task A_taxii_envelope_with_json_no_reader_can_use_is_refused_with_a_taxii_error(string name, string value, string expected)
    {
        var envelope = $$"""
            {"objects":[{"type":"indicator","spec_version":"2.1","id":"indicator--{{Guid.NewGuid()}}","created":"2024-01-01T00:00:00.000Z",
            "modified":"2024-01-01T00:00:00.000Z","name":{{value}},"pattern":"[ipv4-addr:value = '203.0.113.7']","pattern_type":"stix",
            "valid_from":"2024-01-01T00:00:00Z","x_n":{{value}}}]}
            """;
        var content = new StringContent(envelope, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/taxii+json;version=2.1");
        var response = await node.Taxii("US").PostAsync($"/api/collections/{CollectionDescriptor.IdFor("public")}/objects/", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/taxii+json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(error["description"]!.GetValue<string>().Contains(expected, StringComparison.Ordinal), $"{name}: {error}");
    }

    [Theory]
    [InlineData("/accord/records", "text/plain")]
    [InlineData("/accord/records", "application/x-www-form-urlencoded")]
    [InlineData("/accord/records/statement", "text/plain")]
    [InlineData("/accord/records/statement", "application/json; charset=latin1")]
    public async Task An_accord_post_that_is_not_json_is_refused_with_415(string path, string contentType)
    {
        var problem = await Problem(
            await node.Api("DE").PostAsync(path, Json("""{"title":"t","text":"x"}"""u8.ToArray(), contentType)),
            HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("application/json", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/accord/records?kind=incidnt", "kind")]
    [InlineData("/accord/records?author=atlantis", "author")]
    [InlineData("/accord/requests?status=pending", "status")]
    [InlineData("/accord/requests?to=atlantis", "to")]
    [InlineData("/accord/requests?from=party--atlantis", "from")]
    public async Task A_filter_naming_no_known_value_is_refused_naming_the_parameter(string path, string parameter)
    {
        var problem = await Problem(await node.Api("US").GetAsync(path), HttpStatusCode.BadRequest);

        Assert.Equal(parameter, problem["path"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/accord/records?kind=incident")]
    [InlineData("/accord/records?author=US")]
    [InlineData("/accord/requests?status=open")]
    [InlineData("/accord/requests?status=responded&to=CN")]
    public async Task A_filter_naming_known_values_is_answered(string path) =>
        Assert.Equal(HttpStatusCode.OK, (await node.Api("US").GetAsync(path)).StatusCode);

    [Theory]
    [InlineData("a limit that is not a number", "/accord/records?limit=ten")]
    [InlineData("a cursor that is not a number", "/accord/records?after=x")]
    [InlineData("an overdue flag that is not a boolean", "/accord/requests?overdue=maybe")]
    public async Task A_query_parameter_of_the_wrong_type_gets_a_problem_not_an_empty_400(string name, string path)
    {
        var problem = await Problem(await node.Api("US").GetAsync(path), HttpStatusCode.BadRequest);

        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()), name);
    }

    /// <summary>A client with its own cookies, signed in to the dashboard as <paramref name="code"/>, redirects not followed.</summary>
    private async Task<HttpClient> SignedInAsync(string code, string returnUrl)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        var client = new HttpClient(handler) { BaseAddress = node.BaseAddress };
        var form = await client.GetStringAsync("/signin?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var answer = await client.PostAsync("/signin?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["_handler"] = "signin",
                ["__RequestVerificationToken"] = token,
                ["Input.User"] = code.ToLowerInvariant(),
                ["Input.Password"] = NodeServerFixture.Password(code),
            }));
        Assert.True(
            answer.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        LastRedirect = answer.Headers.Location;
        return client;
    }

    private Uri? LastRedirect { get; set; }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Theory]
    [InlineData("/incidents/é")]
    [InlineData("/log?x=日本")]
    public async Task A_non_ascii_return_url_after_sign_in_redirects_to_the_same_local_path(string returnUrl)
    {
        using var client = await SignedInAsync("US", returnUrl);

        Assert.NotNull(LastRedirect);
        var target = new Uri(node.BaseAddress, LastRedirect!);
        Assert.Equal(node.BaseAddress.Authority, target.Authority);
        Assert.Equal(returnUrl, Uri.UnescapeDataString(target.PathAndQuery));
    }

    [Theory]
    [InlineData("a sort direction that is not a boolean", "/requests?desc=maybe")]
    [InlineData("a log position that is not a number", "/log?before=yesterday")]
    public async Task A_dashboard_query_parameter_of_the_wrong_type_gets_400_naming_it(string name, string path)
    {
        using var client = await SignedInAsync("US", "/");
        var response = await client.GetAsync(path);
        var page = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {page}");
        Assert.Contains(path.Split('?')[1].Split('=')[0], page, StringComparison.Ordinal);
    }
}
