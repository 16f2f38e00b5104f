using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>sighting</c> object.</summary>
public sealed class Sighting : StixRelationshipObject
{
    public const string TypeName = "sighting";

    public Sighting(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new sighting with a fresh identifier and creation time.</summary>
    public Sighting()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>first_seen</c>.</summary>
    public DateTime? FirstSeen { get => GetTimestamp("first_seen"); set => SetTimestamp("first_seen", value); }

    /// <summary>STIX property <c>last_seen</c>.</summary>
    public DateTime? LastSeen { get => GetTimestamp("last_seen"); set => SetTimestamp("last_seen", value); }

    /// <summary>STIX property <c>count</c>.</summary>
    public long? Count { get => GetInteger("count"); set => SetInteger("count", value); }

    /// <summary>STIX property <c>sighting_of_ref</c>.</summary>
    public string? SightingOfRef { get => GetString("sighting_of_ref"); set => SetString("sighting_of_ref", value); }

    /// <summary>STIX property <c>observed_data_refs</c>.</summary>
    public IReadOnlyList<string>? ObservedDataRefs
    {
        get => GetStrings("observed_data_refs");
        set => SetStrings("observed_data_refs", value);
    }

    /// <summary>STIX property <c>where_sighted_refs</c>.</summary>
    public IReadOnlyList<string>? WhereSightedRefs
    {
        get => GetStrings("where_sighted_refs");
        set => SetStrings("where_sighted_refs", value);
    }

    /// <summary>STIX property <c>summary</c>.</summary>
    public bool? Summary { get => GetBoolean("summary"); set => SetBoolean("summary", value); }
}
