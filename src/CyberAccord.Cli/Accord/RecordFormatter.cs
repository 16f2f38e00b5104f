using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Cli.Accord;

/// <summary>
/// How <c>&lt;kind&gt; list</c> and <c>show</c> print a record, locally and from a remote node alike: from what both have,
/// the record as the API serves it (<c>{"sequence": …, "record": envelope}</c>), the parties' codes and each request's
/// status in the reader's view. Nothing else a local state could add (a claim's support, say) goes in, so that a line
/// reads the same wherever it was made.
/// </summary>
internal static class RecordFormatter
{
    // Indented for people, with the record's text unescaped where JSON allows it.
    private static readonly JsonSerializerOptions s_indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A stored record in the API's shape, as <c>GET /accord/records</c> lists it.</summary>
    public static JsonObject ToJson(StoredRecord stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return ToJson(stored.Sequence, stored.Record.ToEntry());
    }

    /// <summary>A record in the API's shape from a remote node's answer to <c>GET /accord/records/{id}</c>.</summary>
    public static JsonObject ToJson(long? sequence, byte[] envelope) =>
        new() { ["sequence"] = sequence, ["record"] = JsonNode.Parse(envelope) };

    /// <summary>A signed envelope as <c>show</c> prints it: its log index, then the envelope indented.</summary>
    public static string Envelope(long? sequence, byte[] envelope)
    {
        var text = JsonNode.Parse(envelope)!.ToJsonString(s_indented);
        return sequence is null ? text : $"# log index {sequence}\n{text}";
    }

    /// <summary>Each request's status in a state (a party's view, or the whole), by request id.</summary>
    public static Dictionary<string, string> RequestStatuses(AccordState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Requests.Values.ToDictionary(r => r.Id, r => r.Status, StringComparer.Ordinal);
    }

    /// <summary>One line: id, date, author's code, and what the record is about.</summary>
    /// <param name="item">A record in the API's shape (see <see cref="ToJson(StoredRecord)"/>).</param>
    public static string Line(
        JsonObject item, IReadOnlyDictionary<string, string> codes, IReadOnlyDictionary<string, string> requestStatuses)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(codes);
        var record = item["record"]!.AsObject();
        var body = record["body"] as JsonObject ?? [];
        var id = Text(record, "id") ?? string.Empty;
        var author = Text(record, "author") ?? string.Empty;
        return $"{id}  {Date(Text(record, "created"))}  {codes.GetValueOrDefault(author, author),-4} "
            + Describe(Text(record, "kind"), id, body, codes, requestStatuses);
    }

    private static string Describe(
        string? kind, string id, JsonObject body, IReadOnlyDictionary<string, string> codes, IReadOnlyDictionary<string, string> statuses)
    {
        string Field(string name) => Text(body, name) ?? string.Empty;
        return kind switch
        {
            RecordKinds.Party => $"{Field("name")} ({Field("kind")})",
            RecordKinds.Incident => $"{Field("title")} [{string.Join(", ", Strings(body["effects"]))}]",
            RecordKinds.Claim => $"→ {Attributed(body)}: {Field("likelihood")}/{Field("confidence")}",
            RecordKinds.Request => $"→ {codes.GetValueOrDefault(Field("to"), Field("to"))} {Field("type")}, "
                + $"deadline {Date(Text(body, "deadline"))}, {statuses.GetValueOrDefault(id, string.Empty)}",
            RecordKinds.Statement or RecordKinds.Accord => Field("title"),
            RecordKinds.Evidence => Field("description"),
            RecordKinds.Position => $"{Field("stance")} on {Field("subject")}",
            RecordKinds.Designation => Field("framework"),
            _ => Field("status"),
        };
    }

    /// <summary>Whom a claim attributes to: the party if it names one, else the actor.</summary>
    private static string Attributed(JsonObject body) =>
        body["attributed_to"] is JsonObject target ? Text(target, "party") ?? Text(target, "actor") ?? string.Empty : string.Empty;

    private static string Date(string? timestamp) =>
        timestamp is not null && Timestamps.TryParse(timestamp, out var time) >= 0
            ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : timestamp ?? string.Empty;

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IEnumerable<string> Strings(JsonNode? list) =>
        list is JsonArray array ? array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty) : [];
}
