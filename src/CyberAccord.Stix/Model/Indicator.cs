using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>indicator</c> object.</summary>
public sealed class Indicator : StixDomainObject
{
    public const string TypeName = "indicator";

    public Indicator(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new indicator with a fresh identifier and creation time.</summary>
    public Indicator()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>indicator_types</c>.</summary>
    public IReadOnlyList<string>? IndicatorTypes { get => GetStrings("indicator_types"); set => SetStrings("indicator_types", value); }

    /// <summary>STIX property <c>pattern</c>.</summary>
    public string? Pattern { get => GetString("pattern"); set => SetString("pattern", value); }

    /// <summary>STIX property <c>pattern_type</c>.</summary>
    public string? PatternType { get => GetString("pattern_type"); set => SetString("pattern_type", value); }

    /// <summary>STIX property <c>pattern_version</c>.</summary>
    public string? PatternVersion { get => GetString("pattern_version"); set => SetString("pattern_version", value); }

    /// <summary>STIX property <c>valid_from</c>.</summary>
    public DateTime? ValidFrom { get => GetTimestamp("valid_from"); set => SetTimestamp("valid_from", value); }

    /// <summary>STIX property <c>valid_until</c>.</summary>
    public DateTime? ValidUntil { get => GetTimestamp("valid_until"); set => SetTimestamp("valid_until", value); }

    /// <summary>STIX property <c>kill_chain_phases</c>.</summary>
    public IReadOnlyList<KillChainPhase>? KillChainPhases
    {
        get => GetList("kill_chain_phases", KillChainPhase.From);
        set => SetList("kill_chain_phases", value, p => p.ToJson());
    }
}
