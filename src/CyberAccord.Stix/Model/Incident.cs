using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>incident</c> object.</summary>
public sealed class Incident : StixDomainObject
{
    public const string TypeName = "incident";

    public Incident(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new incident with a fresh identifier and creation time.</summary>
    public Incident()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>kill_chain_phases</c>.</summary>
    public IReadOnlyList<KillChainPhase>? KillChainPhases
    {
        get => GetList("kill_chain_phases", KillChainPhase.From);
        set => SetList("kill_chain_phases", value, p => p.ToJson());
    }
}
