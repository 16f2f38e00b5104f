using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>relationship</c> object.</summary>
public sealed class Relationship : StixRelationshipObject
{
    public const string TypeName = "relationship";

    public Relationship(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new relationship with a fresh identifier and creation time.</summary>
    public Relationship()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>relationship_type</c>.</summary>
    public string? RelationshipType { get => GetString("relationship_type"); set => SetString("relationship_type", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>source_ref</c>.</summary>
    public string? SourceRef { get => GetString("source_ref"); set => SetString("source_ref", value); }

    /// <summary>STIX property <c>target_ref</c>.</summary>
    public string? TargetRef { get => GetString("target_ref"); set => SetString("target_ref", value); }

    /// <summary>STIX property <c>start_time</c>.</summary>
    public DateTime? StartTime { get => GetTimestamp("start_time"); set => SetTimestamp("start_time", value); }

    /// <summary>STIX property <c>stop_time</c>.</summary>
    public DateTime? StopTime { get => GetTimestamp("stop_time"); set => SetTimestamp("stop_time", value); }
}
