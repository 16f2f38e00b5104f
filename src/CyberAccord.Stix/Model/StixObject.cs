using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Stix.Json;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Stix.Model;

/// <summary>
/// A STIX object: typed access over its JSON, which is kept whole, so every custom (<c>x_</c>), extension
/// and unknown property survives a round trip untouched. <see cref="Parse(string)"/> returns the typed
/// class for each STIX 2.1 type, or a plain domain or observable object for custom types.
/// </summary>
public class StixObject
{
    protected internal StixObject(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Json = json;
    }

    /// <summary>The object's JSON; changes to it are changes to the object.</summary>
    public JsonObject Json { get; }

    /// <summary>Any property, by its JSON name, including custom ones.</summary>
    public JsonNode? this[string name]
    {
        get => Json[name];
        set => Json[name] = value;
    }

    public string Type => GetString("type") ?? string.Empty;

    public string Id { get => GetString("id") ?? string.Empty; set => SetString("id", value); }

    public string? SpecVersion { get => GetString("spec_version"); set => SetString("spec_version", value); }

    public IReadOnlyList<string>? ObjectMarkingRefs
    {
        get => GetStrings("object_marking_refs");
        set => SetStrings("object_marking_refs", value);
    }

    public IReadOnlyList<GranularMarking>? GranularMarkings
    {
        get => GetList("granular_markings", GranularMarking.From);
        set => SetList("granular_markings", value, m => m.ToJson());
    }

    /// <summary>The extensions dictionary: extension-definition ids or predefined names to their objects.</summary>
    public JsonObject? Extensions { get => GetObject("extensions"); set => SetNode("extensions", value); }

    /// <summary>Properties STIX 2.1 does not define for this type: custom ones and those of extensions at top level.</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> CustomProperties =>
        StixSpec.Types.TryGetValue(Type, out var spec) ? Json.Where(p => !spec.Properties.ContainsKey(p.Key)) : [];

    public static StixObject Parse(string json)
    {
        using var document = StixJson.Parse(json);
        return From(document.RootElement);
    }

    public static StixObject From(JsonElement element) =>
        From(JsonNode.Parse(element.GetRawText()) as JsonObject
            ?? throw new ArgumentException("a STIX object is a JSON object", nameof(element)));

    /// <summary>Wraps JSON in the typed class for its type (the JSON is used, not copied).</summary>
    public static StixObject From(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var type = json["type"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
        return StixTypes.Create(type, json)
            ?? (StixSpec.CategoryOf(type) == StixCategory.DomainObject &&
                (json.ContainsKey("created") || !json.ContainsKey("spec_version") || json.ContainsKey("modified"))
                ? new StixDomainObject(json)
                : new StixCyberObservable(json));
    }

    /// <summary>Checks this object against STIX 2.1.</summary>
    public List<ValidationIssue> Validate()
    {
        using var document = JsonDocument.Parse(ToJson());
        return StixValidator.ValidateObject(document.RootElement);
    }

    public string ToJson() => Json.ToJsonString();

    /// <summary>The RFC 8785 canonical form, which is what gets signed.</summary>
    public byte[] ToCanonicalJson()
    {
        using var document = JsonDocument.Parse(ToJson());
        return JsonCanonicalizer.Canonicalize(document.RootElement);
    }

    public override string ToString() => $"{Type} {Id}";

    protected string? GetString(string name) => Json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    protected void SetString(string name, string? value) => SetNode(name, value is null ? null : JsonValue.Create(value));

    protected bool? GetBoolean(string name) => Json[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    protected void SetBoolean(string name, bool? value) => SetNode(name, value is null ? null : JsonValue.Create(value.Value));

    protected long? GetInteger(string name) => Json[name] is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    protected void SetInteger(string name, long? value) => SetNode(name, value is null ? null : JsonValue.Create(value.Value));

    protected double? GetNumber(string name) => Json[name] is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;

    protected void SetNumber(string name, double? value) => SetNode(name, value is null ? null : JsonValue.Create(value.Value));

    protected DateTime? GetTimestamp(string name) =>
        GetString(name) is { } text && Timestamps.TryParse(text, out var time) >= 0 ? time : null;

    /// <summary>Written to the millisecond, as created and modified require.</summary>
    protected void SetTimestamp(string name, DateTime? value) => SetString(name, value is null ? null : Timestamps.Format(value.Value));

    protected IReadOnlyList<string>? GetStrings(string name) =>
        Json[name] is JsonArray array
            ? array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : item?.ToJsonString() ?? string.Empty)
                .ToList()
            : null;

    protected void SetStrings(string name, IEnumerable<string>? values) =>
        SetNode(name, values is null ? null : new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()));

    protected JsonObject? GetObject(string name) => Json[name] as JsonObject;

    protected IReadOnlyDictionary<string, string>? GetHashes(string name) =>
        Json[name] is JsonObject hashes
            ? hashes.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal)
            : null;

    protected void SetHashes(string name, IReadOnlyDictionary<string, string>? hashes)
    {
        if (hashes is null)
        {
            SetNode(name, null);
            return;
        }

        var json = new JsonObject();
        foreach (var (algorithm, value) in hashes)
        {
            json[algorithm] = value;
        }

        SetNode(name, json);
    }

    protected IReadOnlyList<T>? GetList<T>(string name, Func<JsonObject, T> read) =>
        Json[name] is JsonArray array ? array.OfType<JsonObject>().Select(read).ToList() : null;

    protected void SetList<T>(string name, IEnumerable<T>? items, Func<T, JsonObject> write) =>
        SetNode(name, items is null ? null : new JsonArray(items.Select(i => (JsonNode?)write(i)).ToArray()));

    protected void SetNode(string name, JsonNode? value)
    {
        if (value is null)
        {
            Json.Remove(name);
        }
        else
        {
            Json[name] = value;
        }
    }
}

/// <summary>Common properties of domain, relationship and meta objects (§3.2).</summary>
public class StixCoreObject : StixObject
{
    protected internal StixCoreObject(JsonObject json)
        : base(json)
    {
    }

    public string? CreatedByRef { get => GetString("created_by_ref"); set => SetString("created_by_ref", value); }

    public DateTime? Created { get => GetTimestamp("created"); set => SetTimestamp("created", value); }

    public DateTime? Modified { get => GetTimestamp("modified"); set => SetTimestamp("modified", value); }

    public bool? Revoked { get => GetBoolean("revoked"); set => SetBoolean("revoked", value); }

    public IReadOnlyList<string>? Labels { get => GetStrings("labels"); set => SetStrings("labels", value); }

    public long? Confidence { get => GetInteger("confidence"); set => SetInteger("confidence", value); }

    public string? Lang { get => GetString("lang"); set => SetString("lang", value); }

    public IReadOnlyList<ExternalReference>? ExternalReferences
    {
        get => GetList("external_references", ExternalReference.From);
        set => SetList("external_references", value, r => r.ToJson());
    }
}

/// <summary>A STIX Domain Object, including custom objects.</summary>
public class StixDomainObject : StixCoreObject
{
    protected internal StixDomainObject(JsonObject json)
        : base(json)
    {
    }
}

/// <summary>A STIX Relationship Object.</summary>
public class StixRelationshipObject : StixCoreObject
{
    protected internal StixRelationshipObject(JsonObject json)
        : base(json)
    {
    }
}

/// <summary>A STIX Meta Object (language content, extension definition; marking definitions have their own base).</summary>
public class StixMetaObject : StixCoreObject
{
    protected internal StixMetaObject(JsonObject json)
        : base(json)
    {
    }
}

/// <summary>A STIX Cyber-observable Object, including custom observables.</summary>
public class StixCyberObservable : StixObject
{
    protected internal StixCyberObservable(JsonObject json)
        : base(json)
    {
    }

    public bool? Defanged { get => GetBoolean("defanged"); set => SetBoolean("defanged", value); }
}

public sealed record ExternalReference(
    string SourceName,
    string? Description = null,
    string? Url = null,
    string? ExternalId = null,
    IReadOnlyDictionary<string, string>? Hashes = null)
{
    internal static ExternalReference From(JsonObject json) => new(
        json["source_name"]?.GetValue<string>() ?? string.Empty,
        json["description"]?.GetValue<string>(),
        json["url"]?.GetValue<string>(),
        json["external_id"]?.GetValue<string>(),
        json["hashes"] is JsonObject hashes
            ? hashes.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal)
            : null);

    internal JsonObject ToJson()
    {
        var json = new JsonObject { ["source_name"] = SourceName };
        if (Description is not null)
        {
            json["description"] = Description;
        }

        if (Url is not null)
        {
            json["url"] = Url;
        }

        if (ExternalId is not null)
        {
            json["external_id"] = ExternalId;
        }

        if (Hashes is not null)
        {
            var hashes = new JsonObject();
            foreach (var (algorithm, value) in Hashes)
            {
                hashes[algorithm] = value;
            }

            json["hashes"] = hashes;
        }

        return json;
    }
}

public sealed record KillChainPhase(string KillChainName, string PhaseName)
{
    internal static KillChainPhase From(JsonObject json) =>
        new(json["kill_chain_name"]?.GetValue<string>() ?? string.Empty, json["phase_name"]?.GetValue<string>() ?? string.Empty);

    internal JsonObject ToJson() => new() { ["kill_chain_name"] = KillChainName, ["phase_name"] = PhaseName };
}

public sealed record GranularMarking(IReadOnlyList<string> Selectors, string? MarkingRef = null, string? Lang = null)
{
    internal static GranularMarking From(JsonObject json) => new(
        json["selectors"] is JsonArray selectors ? selectors.Select(s => s!.GetValue<string>()).ToList() : [],
        json["marking_ref"]?.GetValue<string>(),
        json["lang"]?.GetValue<string>());

    internal JsonObject ToJson()
    {
        var json = new JsonObject { ["selectors"] = new JsonArray(Selectors.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()) };
        if (MarkingRef is not null)
        {
            json["marking_ref"] = MarkingRef;
        }

        if (Lang is not null)
        {
            json["lang"] = Lang;
        }

        return json;
    }
}
