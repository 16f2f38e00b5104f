using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>autonomous-system</c> object.</summary>
public sealed class AutonomousSystem : StixCyberObservable
{
    public const string TypeName = "autonomous-system";

    public AutonomousSystem(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new autonomous-system with a fresh identifier.</summary>
    public AutonomousSystem()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>number</c>.</summary>
    public long? Number { get => GetInteger("number"); set => SetInteger("number", value); }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>rir</c>.</summary>
    public string? Rir { get => GetString("rir"); set => SetString("rir", value); }
}
