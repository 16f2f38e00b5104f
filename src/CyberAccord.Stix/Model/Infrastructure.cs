using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>infrastructure</c> object.</summary>
public sealed class Infrastructure : StixDomainObject
{
    public const string TypeName = "infrastructure";

    public Infrastructure(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new infrastructure with a fresh identifier and creation time.</summary>
    public Infrastructure()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>infrastructure_types</c>.</summary>
    public IReadOnlyList<string>? InfrastructureTypes
    {
        get => GetStrings("infrastructure_types");
        set => SetStrings("infrastructure_types", value);
    }

    /// <summary>STIX property <c>aliases</c>.</summary>
    public IReadOnlyList<string>? Aliases { get => GetStrings("aliases"); set => SetStrings("aliases", value); }

    /// <summary>STIX property <c>kill_chain_phases</c>.</summary>
    public IReadOnlyList<KillChainPhase>? KillChainPhases
    {
        get => GetList("kill_chain_phases", KillChainPhase.From);
        set => SetList("kill_chain_phases", value, p => p.ToJson());
    }

    /// <summary>STIX property <c>first_seen</c>.</summary>
    public DateTime? FirstSeen { get => GetTimestamp("first_seen"); set => SetTimestamp("first_seen", value); }

    /// <summary>STIX property <c>last_seen</c>.</summary>
    public DateTime? LastSeen { get => GetTimestamp("last_seen"); set => SetTimestamp("last_seen", value); }
}
