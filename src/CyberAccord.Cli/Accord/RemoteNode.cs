using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Cli.Terminal;

namespace CyberAccord.Cli.Accord;

/// <summary>The CLI as a remote client of a node's accord API: records are signed here and submitted over HTTP.</summary>
internal static class RemoteNode
{
    public static async Task<int> SubmitAsync(string node, string? token, AccordRecord record, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(record.ToEntry());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await SendAsync(node, token, HttpMethod.Post, "accord/records", content, answer =>
        {
            Console.Out.WriteLine($"accepted {record.Id} at log index {answer.GetProperty("log_index").GetInt64()} on {node}");
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the records of one kind that the token's party may see on the node, one per line, following every page.</summary>
    public static async Task<int> ListAsync(string node, string? token, string kind, CancellationToken cancellationToken)
    {
        string? next = null;
        do
        {
            var path = $"accord/records?kind={Uri.EscapeDataString(kind)}{(next is null ? string.Empty : $"&after={next}")}";
            next = null;
            var status = await SendAsync(node, token, HttpMethod.Get, path, null, (answer, response) =>
            {
                foreach (var item in answer.EnumerateArray())
                {
                    var record = item.GetProperty("record");
                    var body = record.GetProperty("body");
                    string? Text(string name) => body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                    Console.Out.WriteLine($"{record.GetProperty("id").GetString()}  {record.GetProperty("created").GetString()?[..10]}  {record.GetProperty("author").GetString()}  {Text("title") ?? Text("name") ?? Text("type") ?? Text("stance") ?? string.Empty}");
                }

                next = response.Headers.TryGetValues("X-Accord-Next", out var values) ? values.FirstOrDefault() : null;
            }, cancellationToken).ConfigureAwait(false);
            if (status != ExitCodes.Ok)
            {
                return status;
            }
        }
        while (next is not null);

        return ExitCodes.Ok;
    }

    /// <summary>Prints one record as signed, with its log index, if the token's party may see it.</summary>
    public static Task<int> ShowAsync(string node, string? token, string id, CancellationToken cancellationToken) =>
        SendAsync(node, token, HttpMethod.Get, $"accord/records/{Uri.EscapeDataString(id)}", null, (answer, response) =>
        {
            long? index = response.Headers.TryGetValues("X-Accord-Log-Index", out var values) && long.TryParse(values.FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;
            AccordCommands.PrintEnvelope(index, System.Text.Encoding.UTF8.GetBytes(answer.GetRawText()));
        }, cancellationToken);

    public static async Task<int> AssessmentAsync(string node, string? token, string? at, CancellationToken cancellationToken)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var status = await SendAsync(node, token, HttpMethod.Get, "accord/records?kind=party", null, (answer, _) => ReadCodes(answer, codes), cancellationToken).ConfigureAwait(false);
        return status != ExitCodes.Ok ? status : await SendAsync(node, token, HttpMethod.Get, $"accord/assessment{At(at)}", null, (answer, _) =>
        {
            foreach (var finding in JsonNode.Parse(answer.GetRawText())!.AsArray())
            {
                Console.Out.WriteLine(Summary.Finding(finding!.AsObject(), codes));
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<int> ScorecardsAsync(string node, string? token, string? at, bool json, CancellationToken cancellationToken)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var status = json ? ExitCodes.Ok : await SendAsync(node, token, HttpMethod.Get, "accord/records?kind=party", null, (answer, _) => ReadCodes(answer, codes), cancellationToken).ConfigureAwait(false);
        return status != ExitCodes.Ok ? status : await SendAsync(node, token, HttpMethod.Get, $"accord/scorecards{At(at)}", null,
            (answer, _) => Summary.PrintScorecards(JsonNode.Parse(answer.GetRawText())!.AsArray(), codes, json), cancellationToken).ConfigureAwait(false);
    }

    private static string At(string? at) => at is null ? string.Empty : $"?at={Uri.EscapeDataString(at)}";

    /// <summary>Party id to code, from the party records the node lists.</summary>
    private static void ReadCodes(JsonElement parties, Dictionary<string, string> codes)
    {
        foreach (var item in parties.EnumerateArray())
        {
            var record = item.GetProperty("record");
            if (record.GetProperty("body").TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
            {
                codes[record.GetProperty("id").GetString()!] = code.GetString()!;
            }
        }
    }

    private static async Task<int> SendAsync(string nodeUrl, string? token, HttpMethod method, string path, HttpContent? content, Action<JsonElement> onSuccess, CancellationToken cancellationToken) =>
        await SendAsync(nodeUrl, token, method, path, content, (answer, _) => onSuccess(answer), cancellationToken).ConfigureAwait(false);

    private static async Task<int> SendAsync(string nodeUrl, string? token, HttpMethod method, string path, HttpContent? content, Action<JsonElement, HttpResponseMessage> onSuccess, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return CliOutput.Error("--node needs your API token: pass --token or set ACCORD_TOKEN");
        }

        if (!Uri.TryCreate(nodeUrl, UriKind.Absolute, out var node) || node.Scheme is not ("http" or "https"))
        {
            return CliOutput.Error($"--node '{nodeUrl}' is not an http(s) URL such as http://127.0.0.1:8400");
        }

        // A base without a trailing slash would lose its last path segment when the API path is resolved against it.
        node = node.AbsoluteUri.EndsWith('/') ? node : new Uri(node.AbsoluteUri + "/");
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        using var request = new HttpRequestMessage(method, new Uri(node, path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return CliOutput.Error($"{node}: {e.Message}");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                using var answer = JsonDocument.Parse(text);
                onSuccess(answer.RootElement, response);
                return ExitCodes.Ok;
            }

            var reason = Describe(text) ?? text;
            var message = $"{node} answered {(int)response.StatusCode} {response.ReasonPhrase}: {reason}";

            // The node judged the input (not yours, malformed, refused by the accord): a failure of the input, as locally.
            return (int)response.StatusCode is 400 or 403 or 409 or 422 ? CliOutput.Failure(message) : CliOutput.Error(message);
        }
    }

    /// <summary>The title, detail and JSON path of an RFC 9457 problem, when the body is one.</summary>
    private static string? Describe(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var path = Text("path");
            return $"{Text("title")}: {Text("detail")}{(path is null ? string.Empty : $" (at {path})")}";
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
