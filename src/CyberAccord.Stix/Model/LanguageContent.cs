using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>language-content</c> object.</summary>
public sealed class LanguageContent : StixMetaObject
{
    public const string TypeName = "language-content";

    public LanguageContent(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new language-content with a fresh identifier and creation time.</summary>
    public LanguageContent()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>object_ref</c>.</summary>
    public string? ObjectRef { get => GetString("object_ref"); set => SetString("object_ref", value); }

    /// <summary>STIX property <c>object_modified</c>.</summary>
    public DateTime? ObjectModified { get => GetTimestamp("object_modified"); set => SetTimestamp("object_modified", value); }

    /// <summary>STIX property <c>contents</c>.</summary>
    public JsonObject? Contents { get => GetObject("contents"); set => SetNode("contents", value); }
}
