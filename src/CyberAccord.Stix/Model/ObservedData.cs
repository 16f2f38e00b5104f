using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>observed-data</c> object.</summary>
public sealed class ObservedData : StixDomainObject
{
    public const string TypeName = "observed-data";

    public ObservedData(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new observed-data with a fresh identifier and creation time.</summary>
    public ObservedData()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>first_observed</c>.</summary>
    public DateTime? FirstObserved { get => GetTimestamp("first_observed"); set => SetTimestamp("first_observed", value); }

    /// <summary>STIX property <c>last_observed</c>.</summary>
    public DateTime? LastObserved { get => GetTimestamp("last_observed"); set => SetTimestamp("last_observed", value); }

    /// <summary>STIX property <c>number_observed</c>.</summary>
    public long? NumberObserved { get => GetInteger("number_observed"); set => SetInteger("number_observed", value); }

    /// <summary>STIX property <c>objects</c>.</summary>
    public JsonObject? Objects { get => GetObject("objects"); set => SetNode("objects", value); }

    /// <summary>STIX property <c>object_refs</c>.</summary>
    public IReadOnlyList<string>? ObjectRefs { get => GetStrings("object_refs"); set => SetStrings("object_refs", value); }
}
