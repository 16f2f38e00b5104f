using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>tool</c> object.</summary>
public sealed class Tool : StixDomainObject
{
    public const string TypeName = "tool";

    public Tool(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new tool with a fresh identifier and creation time.</summary>
    public Tool()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>tool_types</c>.</summary>
    public IReadOnlyList<string>? ToolTypes { get => GetStrings("tool_types"); set => SetStrings("tool_types", value); }

    /// <summary>STIX property <c>aliases</c>.</summary>
    public IReadOnlyList<string>? Aliases { get => GetStrings("aliases"); set => SetStrings("aliases", value); }

    /// <summary>STIX property <c>kill_chain_phases</c>.</summary>
    public IReadOnlyList<KillChainPhase>? KillChainPhases
    {
        get => GetList("kill_chain_phases", KillChainPhase.From);
        set => SetList("kill_chain_phases", value, p => p.ToJson());
    }

    /// <summary>STIX property <c>tool_version</c>.</summary>
    public string? ToolVersion { get => GetString("tool_version"); set => SetString("tool_version", value); }
}
