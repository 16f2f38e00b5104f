using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CyberAccord.Server.Accord;

/// <summary>A record in a page of <c>/accord/records</c>: where it sits in the log, and its signed envelope.</summary>
public sealed record RecordEntry(
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("record")] JsonNode? Record);

/// <summary>A record the log took: its id and its index in the log.</summary>
public sealed record SubmittedRecord(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("log_index")] long LogIndex);

/// <summary>A request for assistance as the reader may see it, judged as of the time of the request.</summary>
public sealed record RequestView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("incident")] string? Incident,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("asks")] string Asks,
    [property: JsonPropertyName("tlp")] string Tlp,
    [property: JsonPropertyName("created")] DateTime Created,
    [property: JsonPropertyName("deadline")] DateTime Deadline,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("closed")] bool Closed,
    [property: JsonPropertyName("overdue")] bool Overdue,
    [property: JsonPropertyName("first_response")] DateTime? FirstResponse,
    [property: JsonPropertyName("updates")] IReadOnlyList<RequestUpdateView> Updates);

public sealed record RequestUpdateView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("author")] string Author,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("created")] DateTime Created);
