using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>ipv6-addr</c> object.</summary>
public sealed class Ipv6Addr : StixCyberObservable
{
    public const string TypeName = "ipv6-addr";

    public Ipv6Addr(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new ipv6-addr with a fresh identifier.</summary>
    public Ipv6Addr()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>value</c>.</summary>
    public string? Value { get => GetString("value"); set => SetString("value", value); }

    /// <summary>STIX property <c>resolves_to_refs</c>.</summary>
    public IReadOnlyList<string>? ResolvesToRefs { get => GetStrings("resolves_to_refs"); set => SetStrings("resolves_to_refs", value); }

    /// <summary>STIX property <c>belongs_to_refs</c>.</summary>
    public IReadOnlyList<string>? BelongsToRefs { get => GetStrings("belongs_to_refs"); set => SetStrings("belongs_to_refs", value); }
}
