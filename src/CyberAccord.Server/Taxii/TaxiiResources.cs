using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CyberAccord.Server.Taxii;

// The TAXII 2.1 resources this node answers with, as they go out on the wire: members in the order the spec lists them,
// optional ones left out when absent (as TAXII asks of empty lists and of more/next on a last page).

/// <summary>Discovery (section 4.1.1).</summary>
public sealed record TaxiiDiscovery(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("contact")] string Contact,
    [property: JsonPropertyName("default")] string Default,
    [property: JsonPropertyName("api_roots")] IReadOnlyList<string> ApiRoots);

/// <summary>API root (section 4.2.1).</summary>
public sealed record TaxiiApiRoot(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("versions")] IReadOnlyList<string> Versions,
    [property: JsonPropertyName("max_content_length")] long MaxContentLength);

/// <summary>Collections (section 5.1.1): the collections the reader may read.</summary>
public sealed record TaxiiCollections(
    [property: JsonPropertyName("collections"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<TaxiiCollectionResource>? Collections);

/// <summary>Collection (section 5.2.1), as the reader may use it.</summary>
public sealed record TaxiiCollectionResource(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("alias")] string Alias,
    [property: JsonPropertyName("can_read")] bool CanRead,
    [property: JsonPropertyName("can_write")] bool CanWrite,
    [property: JsonPropertyName("media_types")] IReadOnlyList<string> MediaTypes);

/// <summary>Envelope (section 3.7): a page of STIX objects, each as it was posted.</summary>
public sealed record TaxiiEnvelope(
    [property: JsonPropertyName("more"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? More,
    [property: JsonPropertyName("next"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Next,
    [property: JsonPropertyName("objects"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<JsonObject>? Objects);

/// <summary>Manifest (section 5.4.1): a page of the versions in a collection, without their content.</summary>
public sealed record TaxiiManifest(
    [property: JsonPropertyName("more"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? More,
    [property: JsonPropertyName("next"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Next,
    [property: JsonPropertyName("objects"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<TaxiiManifestRecord>? Objects);

public sealed record TaxiiManifestRecord(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("date_added")] string DateAdded,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("media_type")] string MediaType);

/// <summary>Versions (section 5.8.1): a page of an object's versions.</summary>
public sealed record TaxiiVersions(
    [property: JsonPropertyName("more"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? More,
    [property: JsonPropertyName("next"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Next,
    [property: JsonPropertyName("versions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<string>? Versions);

/// <summary>Status (section 4.3.1) of a POST; this node adds objects before it answers, so a status is always complete.</summary>
public sealed record TaxiiStatus(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("request_timestamp")] string RequestTimestamp,
    [property: JsonPropertyName("total_count")] int TotalCount,
    [property: JsonPropertyName("success_count")] int SuccessCount,
    [property: JsonPropertyName("failure_count")] int FailureCount,
    [property: JsonPropertyName("pending_count")] int PendingCount,
    [property: JsonPropertyName("successes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<TaxiiStatusDetails>? Successes,
    [property: JsonPropertyName("failures"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<TaxiiStatusDetails>? Failures);

public sealed record TaxiiStatusDetails(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("message")] string Message);

/// <summary>Error (section 3.6.1); http_status is a string in TAXII.</summary>
public sealed record TaxiiErrorResource(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("http_status")] string HttpStatus)
{
    public static TaxiiErrorResource Of(int status, string title, string description) =>
        new(title, description, status.ToString(CultureInfo.InvariantCulture));
}

[JsonSerializable(typeof(TaxiiDiscovery))]
[JsonSerializable(typeof(TaxiiApiRoot))]
[JsonSerializable(typeof(TaxiiCollections))]
[JsonSerializable(typeof(TaxiiCollectionResource))]
[JsonSerializable(typeof(TaxiiEnvelope))]
[JsonSerializable(typeof(TaxiiManifest))]
[JsonSerializable(typeof(TaxiiVersions))]
[JsonSerializable(typeof(TaxiiStatus))]
[JsonSerializable(typeof(TaxiiErrorResource))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class TaxiiJsonContext : JsonSerializerContext;

/// <summary>TAXII JSON as this node writes it: generated serializers, and no escaping beyond what JSON needs.</summary>
internal static class TaxiiJson
{
    // STIX text (patterns, names) goes out as posted: the default encoder would turn ' < > + & into \uXXXX escapes.
    public static readonly TaxiiJsonContext Context = new(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>.Value);

    public static string Serialize(JsonObject body) => JsonSerializer.Serialize(body, Context.JsonObject);

    public static JsonObject ToJsonObject<T>(T value) => JsonSerializer.SerializeToNode(value, TypeInfo<T>.Value)!.AsObject();

    /// <summary>Each resource's serializer, looked up once per type rather than per request.</summary>
    private static class TypeInfo<T>
    {
        public static readonly JsonTypeInfo<T> Value = (JsonTypeInfo<T>)Context.GetTypeInfo(typeof(T))!;
    }
}
