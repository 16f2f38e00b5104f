using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>domain-name</c> object.</summary>
public sealed class DomainName : StixCyberObservable
{
    public const string TypeName = "domain-name";

    public DomainName(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new domain-name with a fresh identifier.</summary>
    public DomainName()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>value</c>.</summary>
    public string? Value { get => GetString("value"); set => SetString("value", value); }

    /// <summary>STIX property <c>resolves_to_refs</c>.</summary>
    public IReadOnlyList<string>? ResolvesToRefs { get => GetStrings("resolves_to_refs"); set => SetStrings("resolves_to_refs", value); }
}
