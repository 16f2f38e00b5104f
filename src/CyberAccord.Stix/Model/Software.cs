using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>software</c> object.</summary>
public sealed class Software : StixCyberObservable
{
    public const string TypeName = "software";

    public Software(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new software with a fresh identifier.</summary>
    public Software()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>cpe</c>.</summary>
    public string? Cpe { get => GetString("cpe"); set => SetString("cpe", value); }

    /// <summary>STIX property <c>swid</c>.</summary>
    public string? Swid { get => GetString("swid"); set => SetString("swid", value); }

    /// <summary>STIX property <c>languages</c>.</summary>
    public IReadOnlyList<string>? Languages { get => GetStrings("languages"); set => SetStrings("languages", value); }

    /// <summary>STIX property <c>vendor</c>.</summary>
    public string? Vendor { get => GetString("vendor"); set => SetString("vendor", value); }

    /// <summary>STIX property <c>version</c>.</summary>
    public string? Version { get => GetString("version"); set => SetString("version", value); }
}
