using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>grouping</c> object.</summary>
public sealed class Grouping : StixDomainObject
{
    public const string TypeName = "grouping";

    public Grouping(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new grouping with a fresh identifier and creation time.</summary>
    public Grouping()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>context</c>.</summary>
    public string? Context { get => GetString("context"); set => SetString("context", value); }

    /// <summary>STIX property <c>object_refs</c>.</summary>
    public IReadOnlyList<string>? ObjectRefs { get => GetStrings("object_refs"); set => SetStrings("object_refs", value); }
}
