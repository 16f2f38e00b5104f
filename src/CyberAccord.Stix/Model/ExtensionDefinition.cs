using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>extension-definition</c> object.</summary>
public sealed class ExtensionDefinition : StixMetaObject
{
    public const string TypeName = "extension-definition";

    public ExtensionDefinition(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new extension-definition with a fresh identifier and creation time.</summary>
    public ExtensionDefinition()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>schema</c>.</summary>
    public string? Schema { get => GetString("schema"); set => SetString("schema", value); }

    /// <summary>STIX property <c>version</c>.</summary>
    public string? Version { get => GetString("version"); set => SetString("version", value); }

    /// <summary>STIX property <c>extension_types</c>.</summary>
    public IReadOnlyList<string>? ExtensionTypes { get => GetStrings("extension_types"); set => SetStrings("extension_types", value); }

    /// <summary>STIX property <c>extension_properties</c>.</summary>
    public IReadOnlyList<string>? ExtensionProperties
    {
        get => GetStrings("extension_properties");
        set => SetStrings("extension_properties", value);
    }
}
