using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>
/// A marking definition (§7.2): statement, TLP 1.0, or an extension such as TLP 2.0. Immutable once published, so it
/// has no modified.
/// </summary>
public sealed class MarkingDefinition : StixObject
{
    public const string TypeName = "marking-definition";

    public MarkingDefinition(JsonObject json)
        : base(json)
    {
    }

    public string? Name { get => GetString("name"); set => SetString("name", value); }

    public string? CreatedByRef { get => GetString("created_by_ref"); set => SetString("created_by_ref", value); }

    public DateTime? Created { get => GetTimestamp("created"); set => SetTimestamp("created", value); }

    public string? DefinitionType { get => GetString("definition_type"); set => SetString("definition_type", value); }

    public JsonObject? Definition { get => GetObject("definition"); set => SetNode("definition", value); }

    public IReadOnlyList<ExternalReference>? ExternalReferences
    {
        get => GetList("external_references", ExternalReference.From);
        set => SetList("external_references", value, r => r.ToJson());
    }

    /// <summary>The statement of a statement marking.</summary>
    public string? Statement => Definition?["statement"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>
    /// The TLP level this marking stands for ("clear", "green", "amber", "amber+strict", "red"; TLP 1.0 "white" reads
    /// as "clear"), or null.
    /// </summary>
    public string? TlpLevel =>
        TlpMarkings.Tlp2Levels.TryGetValue(Id, out var tlp2) ? tlp2
        : TlpMarkings.Tlp1Levels.TryGetValue(Id, out var tlp1) ? (tlp1 == "white" ? "clear" : tlp1)
        : null;

    /// <summary>A statement marking (for example a copyright or a handling caveat).</summary>
    public static MarkingDefinition CreateStatement(string statement, string? createdByRef = null)
    {
        var json = StixTypes.NewObject(TypeName, core: false);
        json["created"] = Validation.Timestamps.Format(DateTime.UtcNow);
        json["definition_type"] = "statement";
        json["definition"] = new JsonObject { ["statement"] = statement };
        var marking = new MarkingDefinition(json);
        if (createdByRef is not null)
        {
            marking.CreatedByRef = createdByRef;
        }

        return marking;
    }
}
