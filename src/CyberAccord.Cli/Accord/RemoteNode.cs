using System.Net.Http.Headers;
using System.Text.Json;
using CyberAccord.Accord.Records;
using CyberAccord.Cli.Console;

namespace CyberAccord.Cli.Accord;

/// <summary>The CLI as a remote client of a node's accord API: records are signed here and submitted over HTTP.</summary>
internal static class RemoteNode
{
    public static async Task<int> SubmitAsync(Uri node, string? token, AccordRecord record, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return CliOutput.Error("--node needs your API token: pass --token or set ACCORD_TOKEN");
        }

        if (node.Scheme is not ("http" or "https"))
        {
            return CliOutput.Error($"--node '{node}' is not an http(s) URL");
        }

        // A base without a trailing slash would lose its last path segment when the API path is resolved against it.
        node = node.AbsoluteUri.EndsWith('/') ? node : new Uri(node.AbsoluteUri + "/");
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var content = new ByteArrayContent(record.ToEntry());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(new Uri(node, "accord/records"), content, cancellationToken).ConfigureAwait(false);
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
                System.Console.Out.WriteLine($"accepted {record.Id} at log index {answer.RootElement.GetProperty("log_index").GetInt64()} on {node}");
                return ExitCodes.Ok;
            }

            var reason = Describe(text) ?? text;
            var message = $"{node} answered {(int)response.StatusCode} {response.ReasonPhrase}: {reason}";

            // The node judged the record (not yours, malformed, refused by the accord): a failure of the input, as locally.
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
