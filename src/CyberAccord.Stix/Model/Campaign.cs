using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>campaign</c> object.</summary>
public sealed class Campaign : StixDomainObject
{
    public const string TypeName = "campaign";

    public Campaign(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new campaign with a fresh identifier and creation time.</summary>
    public Campaign()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>aliases</c>.</summary>
    public IReadOnlyList<string>? Aliases { get => GetStrings("aliases"); set => SetStrings("aliases", value); }

    /// <summary>STIX property <c>first_seen</c>.</summary>
    public DateTime? FirstSeen { get => GetTimestamp("first_seen"); set => SetTimestamp("first_seen", value); }

    /// <summary>STIX property <c>last_seen</c>.</summary>
    public DateTime? LastSeen { get => GetTimestamp("last_seen"); set => SetTimestamp("last_seen", value); }

    /// <summary>STIX property <c>objective</c>.</summary>
    public string? Objective { get => GetString("objective"); set => SetString("objective", value); }
}
