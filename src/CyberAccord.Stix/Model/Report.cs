using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>report</c> object.</summary>
public sealed class Report : StixDomainObject
{
    public const string TypeName = "report";

    public Report(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new report with a fresh identifier and creation time.</summary>
    public Report()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>report_types</c>.</summary>
    public IReadOnlyList<string>? ReportTypes { get => GetStrings("report_types"); set => SetStrings("report_types", value); }

    /// <summary>STIX property <c>published</c>.</summary>
    public DateTime? Published { get => GetTimestamp("published"); set => SetTimestamp("published", value); }

    /// <summary>STIX property <c>object_refs</c>.</summary>
    public IReadOnlyList<string>? ObjectRefs { get => GetStrings("object_refs"); set => SetStrings("object_refs", value); }
}
