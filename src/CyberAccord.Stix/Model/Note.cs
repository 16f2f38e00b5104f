using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>note</c> object.</summary>
public sealed class Note : StixDomainObject
{
    public const string TypeName = "note";

    public Note(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new note with a fresh identifier and creation time.</summary>
    public Note()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>abstract</c>.</summary>
    public string? Abstract { get => GetString("abstract"); set => SetString("abstract", value); }

    /// <summary>STIX property <c>content</c>.</summary>
    public string? Content { get => GetString("content"); set => SetString("content", value); }

    /// <summary>STIX property <c>authors</c>.</summary>
    public IReadOnlyList<string>? Authors { get => GetStrings("authors"); set => SetStrings("authors", value); }

    /// <summary>STIX property <c>object_refs</c>.</summary>
    public IReadOnlyList<string>? ObjectRefs { get => GetStrings("object_refs"); set => SetStrings("object_refs", value); }
}
