using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>threat-actor</c> object.</summary>
public sealed class ThreatActor : StixDomainObject
{
    public const string TypeName = "threat-actor";

    public ThreatActor(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new threat-actor with a fresh identifier and creation time.</summary>
    public ThreatActor()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>threat_actor_types</c>.</summary>
    public IReadOnlyList<string>? ThreatActorTypes
    {
        get => GetStrings("threat_actor_types");
        set => SetStrings("threat_actor_types", value);
    }

    /// <summary>STIX property <c>aliases</c>.</summary>
    public IReadOnlyList<string>? Aliases { get => GetStrings("aliases"); set => SetStrings("aliases", value); }

    /// <summary>STIX property <c>first_seen</c>.</summary>
    public DateTime? FirstSeen { get => GetTimestamp("first_seen"); set => SetTimestamp("first_seen", value); }

    /// <summary>STIX property <c>last_seen</c>.</summary>
    public DateTime? LastSeen { get => GetTimestamp("last_seen"); set => SetTimestamp("last_seen", value); }

    /// <summary>STIX property <c>roles</c>.</summary>
    public IReadOnlyList<string>? Roles { get => GetStrings("roles"); set => SetStrings("roles", value); }

    /// <summary>STIX property <c>goals</c>.</summary>
    public IReadOnlyList<string>? Goals { get => GetStrings("goals"); set => SetStrings("goals", value); }

    /// <summary>STIX property <c>sophistication</c>.</summary>
    public string? Sophistication { get => GetString("sophistication"); set => SetString("sophistication", value); }

    /// <summary>STIX property <c>resource_level</c>.</summary>
    public string? ResourceLevel { get => GetString("resource_level"); set => SetString("resource_level", value); }

    /// <summary>STIX property <c>primary_motivation</c>.</summary>
    public string? PrimaryMotivation { get => GetString("primary_motivation"); set => SetString("primary_motivation", value); }

    /// <summary>STIX property <c>secondary_motivations</c>.</summary>
    public IReadOnlyList<string>? SecondaryMotivations
    {
        get => GetStrings("secondary_motivations");
        set => SetStrings("secondary_motivations", value);
    }

    /// <summary>STIX property <c>personal_motivations</c>.</summary>
    public IReadOnlyList<string>? PersonalMotivations
    {
        get => GetStrings("personal_motivations");
        set => SetStrings("personal_motivations", value);
    }
}
