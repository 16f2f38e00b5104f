using System.Text.Json;
using CyberAccord.Stix.Json;
using CyberAccord.Stix.Model;

namespace CyberAccord.Stix.Validation;

/// <summary>
/// The extensions dictionary (§7.3): each key an extension-definition id, one STIX predefines for the type, or a
/// deprecated custom 'x-' name; each value a non-empty object.
/// </summary>
internal sealed partial class ObjectCheck
{
    private static readonly string ExtensionTypeNames = string.Join(", ", Vocabularies.ExtensionType.Order(StringComparer.Ordinal));

    private void CheckExtensions(JsonElement value, string relative)
    {
        if (!RequireKind(value, JsonValueKind.Object, relative, "a dictionary of extensions"))
        {
            return;
        }

        var count = 0;
        foreach (var extension in value.EnumerateObject())
        {
            count++;
            var at = relative + JsonPath.Member(extension.Name);
            if (extension.Value.ValueKind != JsonValueKind.Object)
            {
                Error("property-type", at, $"extension '{extension.Name}' must be an object, not {Describe(extension.Value)}");
                continue;
            }

            if (!extension.Value.EnumerateObject().Any())
            {
                Error("empty-dictionary", at, $"extension '{extension.Name}' must not be empty");
                continue;
            }

            if (extension.Name.StartsWith("extension-definition--", StringComparison.Ordinal))
            {
                CheckDefinedExtension(extension, at);
            }
            else if (_spec is not null && _spec.PredefinedExtensions.Contains(extension.Name))
            {
                continue;
            }
            else if (extension.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                Warn(
                    "custom-extension",
                    at,
                    $"custom extension '{extension.Name}' is deprecated in STIX 2.1; define it with an extension-definition");
            }
            else
            {
                Error(
                    "extension-name",
                    at,
                    $"'{extension.Name}' is neither an extension-definition id nor an extension STIX 2.1 predefines for {_type}");
            }
        }

        if (count == 0)
        {
            Error("empty-dictionary", relative, "extensions must not be empty; leave it out");
        }
    }

    /// <summary>An extension keyed by the id of its extension-definition says which kind of extension it is.</summary>
    private void CheckDefinedExtension(JsonProperty extension, string at)
    {
        if (!StixIdentifier.TryParse(extension.Name, out _, out _, out _))
        {
            Error("extension-name", at, $"'{extension.Name}' is not a valid extension-definition identifier");
        }
        else if (!extension.Value.TryGetProperty("extension_type", out var extensionType))
        {
            Error("required-property", at + ".extension_type", "an extension keyed by its extension-definition requires extension_type");
        }
        else if (extensionType.ValueKind != JsonValueKind.String || !Vocabularies.ExtensionType.Contains(extensionType.GetString()!))
        {
            Error("vocab-closed", at + ".extension_type", $"extension_type must be one of {ExtensionTypeNames}");
        }
    }
}
