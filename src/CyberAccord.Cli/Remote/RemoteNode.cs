using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;

namespace CyberAccord.Cli.Remote;

/// <summary>
/// The CLI as a remote client of a node's accord API: records are signed here and submitted over HTTP, and what the node
/// answers comes back in its own JSON shape for the verbs to print. A failed request throws <see cref="RemoteNodeException"/>.
/// </summary>
internal sealed class RemoteNode(string url, string? token)
{
    public string Url { get; } = url;

    /// <summary>Submits a record signed here; returns its log index on the node.</summary>
    public async Task<long> SubmitAsync(AccordRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var content = new ByteArrayContent(record.ToEntry());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var answer = await SendAsync(HttpMethod.Post, "accord/records", content, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(answer.Body);
        return document.RootElement.GetProperty("log_index").GetInt64();
    }

    /// <summary>
    /// The records of one kind that the token's party may see, following every page: each as the API lists it,
    /// <c>{"sequence": …, "record": envelope}</c>.
    /// </summary>
    public async Task<List<JsonObject>> ListAsync(string kind, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        string? next = null;
        do
        {
            var path = $"accord/records?kind={Uri.EscapeDataString(kind)}{(next is null ? string.Empty : $"&after={next}")}";
            var answer = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            var page = JsonNode.Parse(answer.Body)!.AsArray();
            items.AddRange(page.Select(item => item!.AsObject()));

            // Each item leaves its page, so that it can go into another array.
            page.Clear();
            next = answer.Headers.GetValueOrDefault("X-Accord-Next");
        }
        while (next is not null);

        return items;
    }

    /// <summary>One record, if the token's party may see it: the signed envelope as the node holds it, and its log index.</summary>
    public async Task<(long? Index, byte[] Envelope)> RecordAsync(string id, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Get, $"accord/records/{Uri.EscapeDataString(id)}", null, cancellationToken)
            .ConfigureAwait(false);
        long? index = long.TryParse(answer.Headers.GetValueOrDefault("X-Accord-Log-Index"), CultureInfo.InvariantCulture, out var i)
            ? i
            : null;
        return (index, Encoding.UTF8.GetBytes(answer.Body));
    }

    public Task<JsonArray> AssessmentAsync(string? at, CancellationToken cancellationToken) =>
        GetArrayAsync($"accord/assessment{At(at)}", cancellationToken);

    public Task<JsonArray> ScorecardsAsync(string? at, CancellationToken cancellationToken) =>
        GetArrayAsync($"accord/scorecards{At(at)}", cancellationToken);

    /// <summary>Each request's status as the token's party's view derives it, by request id.</summary>
    public async Task<Dictionary<string, string>> RequestStatusesAsync(CancellationToken cancellationToken)
    {
        var requests = await GetArrayAsync("accord/requests", cancellationToken).ConfigureAwait(false);
        return requests.Select(r => r!.AsObject()).ToDictionary(r => (string)r["id"]!, r => (string)r["status"]!, StringComparer.Ordinal);
    }

    /// <summary>Party id to code, from the party records the node lists.</summary>
    public async Task<Dictionary<string, string>> PartyCodesAsync(CancellationToken cancellationToken)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in await ListAsync(RecordKinds.Party, cancellationToken).ConfigureAwait(false))
        {
            var record = item["record"]!.AsObject();
            if (record["body"]?["code"] is JsonValue code && code.TryGetValue<string>(out var text))
            {
                codes[(string)record["id"]!] = text;
            }
        }

        return codes;
    }

    private static string At(string? at) => at is null ? string.Empty : $"?at={Uri.EscapeDataString(at)}";

    private async Task<JsonArray> GetArrayAsync(string path, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        return JsonNode.Parse(answer.Body)!.AsArray();
    }

    /// <summary>A successful answer: its JSON text and its headers (a header named twice keeps its first value).</summary>
    private sealed record Answer(string Body, IReadOnlyDictionary<string, string> Headers);

    private async Task<Answer> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new RemoteNodeException("--node needs your API token: pass --token or set ACCORD_TOKEN");
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var node) || node.Scheme is not ("http" or "https"))
        {
            throw new RemoteNodeException($"--node '{Url}' is not an http(s) URL such as http://127.0.0.1:8400");
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
            throw new RemoteNodeException($"{node}: {e.Message}");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                // Not JSON: the node is not an accord node, or broken (JsonException, exit 2).
                using (JsonDocument.Parse(text))
                {
                }

                return new Answer(text, response.Headers.ToDictionary(
                    h => h.Key, h => h.Value.FirstOrDefault() ?? string.Empty, StringComparer.OrdinalIgnoreCase));
            }

            var reason = Describe(text) ?? text;
            var message = $"{node} answered {(int)response.StatusCode} {response.ReasonPhrase}: {reason}";

            // The node judged the input (not yours, malformed, refused by the accord): a failure of the input, as locally.
            throw new RemoteNodeException(message, inputRefused: (int)response.StatusCode is 400 or 403 or 409 or 422);
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

            string? Text(string name) =>
                root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var path = Text("path");
            return $"{Text("title")}: {Text("detail")}{(path is null ? string.Empty : $" (at {path})")}";
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
