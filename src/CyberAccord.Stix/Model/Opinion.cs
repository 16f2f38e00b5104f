using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>opinion</c> object.</summary>
public sealed class Opinion : StixDomainObject
{
    public const string TypeName = "opinion";

    public Opinion(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new opinion with a fresh identifier and creation time.</summary>
    public Opinion()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>explanation</c>.</summary>
    public string? Explanation { get => GetString("explanation"); set => SetString("explanation", value); }

    /// <summary>STIX property <c>authors</c>.</summary>
    public IReadOnlyList<string>? Authors { get => GetStrings("authors"); set => SetStrings("authors", value); }

    /// <summary>STIX property <c>opinion</c>.</summary>
    public string? OpinionValue { get => GetString("opinion"); set => SetString("opinion", value); }

    /// <summary>STIX property <c>object_refs</c>.</summary>
    public IReadOnlyList<string>? ObjectRefs { get => GetStrings("object_refs"); set => SetStrings("object_refs", value); }
}
