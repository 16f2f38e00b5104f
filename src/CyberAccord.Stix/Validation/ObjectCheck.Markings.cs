using System.Globalization;
using System.Text.Json;
using CyberAccord.Stix.Model;

namespace CyberAccord.Stix.Validation;

/// <summary>
/// Data markings (§7.2): granular markings whose selectors must resolve within the object, and marking definitions,
/// whose TLP 1.0 and TLP 2.0 forms must use the fixed ids of <see cref="TlpMarkings"/>.
/// </summary>
internal sealed partial class ObjectCheck
{
    private void CheckGranularMarking(JsonElement value, string relative)
    {
        if (!RequireKind(value, JsonValueKind.Object, relative, "a granular marking (object)"))
        {
            return;
        }

        var hasRef = value.TryGetProperty("marking_ref", out var markingRef);
        var hasLang = value.TryGetProperty("lang", out _);
        if (hasRef == hasLang)
        {
            Error("granular-marking", relative, "a granular marking needs exactly one of marking_ref and lang");
        }

        if (hasRef)
        {
            CheckReference(markingRef, StixSpec.MarkingRef, relative + ".marking_ref", "marking_ref");
        }

        if (!value.TryGetProperty("selectors", out var selectors))
        {
            Error("required-property", relative + ".selectors", "a granular marking requires selectors");
            return;
        }

        if (selectors.ValueKind != JsonValueKind.Array || selectors.GetArrayLength() == 0)
        {
            Error("granular-selector", relative + ".selectors", "selectors must be a non-empty list");
            return;
        }

        var index = 0;
        foreach (var selector in selectors.EnumerateArray())
        {
            var at = index++;
            if (selector.ValueKind != JsonValueKind.String || !SelectorResolves(selector.GetString()!))
            {
                var what = selector.ValueKind == JsonValueKind.String ? "'" + selector.GetString() + "'" : Describe(selector);
                Error("granular-selector", $"{relative}.selectors[{at}]", $"selector {what} does not point to a property of this object");
            }
        }
    }

    /// <summary>A selector such as <c>external_references.[0].url</c> must name something the object holds.</summary>
    private bool SelectorResolves(string selector)
    {
        var current = element;
        foreach (var step in selector.Split('.'))
        {
            if (step.Length > 2 && step[0] == '[' && step[^1] == ']')
            {
                if (current.ValueKind != JsonValueKind.Array ||
                    !int.TryParse(step[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ||
                    i >= current.GetArrayLength())
                {
                    return false;
                }

                current = current[i];
            }
            else if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(step, out current))
            {
                return false;
            }
        }

        return true;
    }

    private void CheckMarkingDefinition()
    {
        var hasType = element.TryGetProperty("definition_type", out var definitionType);
        var hasExtensions = element.TryGetProperty("extensions", out var extensions);
        if (hasType)
        {
            if (!element.TryGetProperty("definition", out var definition))
            {
                Error("required-property", ".definition", "a marking definition with definition_type requires definition");
            }
            else if (definition.ValueKind == JsonValueKind.Object && definitionType.ValueKind == JsonValueKind.String)
            {
                if (definitionType.ValueEquals("tlp"))
                {
                    CheckTlp1Definition(definition);
                }
                else if (definitionType.ValueEquals("statement") &&
                         (!definition.TryGetProperty("statement", out var statement) || statement.ValueKind != JsonValueKind.String))
                {
                    Error("required-property", ".definition.statement", "a statement marking's definition requires statement (a string)");
                }
            }
        }
        else if (!hasExtensions)
        {
            Error("required-property", ".definition_type", "a marking definition requires definition_type and definition, or an extension");
        }

        if (hasExtensions && extensions.ValueKind == JsonValueKind.Object &&
            extensions.TryGetProperty(TlpMarkings.Tlp2ExtensionDefinition, out var tlp2) && tlp2.ValueKind == JsonValueKind.Object)
        {
            CheckTlp2Extension(tlp2);
        }
    }

    private void CheckTlp1Definition(JsonElement definition)
    {
        var level = definition.TryGetProperty("tlp", out var tlp) && tlp.ValueKind == JsonValueKind.String ? tlp.GetString() : null;
        if (level is null || !Vocabularies.TlpLevel.Contains(level))
        {
            Error("tlp-definition", ".definition.tlp", "a TLP 1.0 definition's tlp must be white, green, amber or red");
        }
        else if (_id is null || !TlpMarkings.Tlp1Levels.TryGetValue(_id, out var fixedLevel) || fixedLevel != level)
        {
            Error(
                "tlp-definition",
                ".id",
                $"TLP 1.0 markings are predefined; TLP:{level.ToUpperInvariant()} must use its fixed id, not '{_id}'");
        }
        else if (element.TryGetProperty("created", out var created) && created.ValueKind == JsonValueKind.String &&
                 !created.ValueEquals(TlpMarkings.Tlp1Created))
        {
            Error("tlp-definition", ".created", $"the predefined TLP 1.0 markings were created {TlpMarkings.Tlp1Created}");
        }
    }

    private void CheckTlp2Extension(JsonElement tlp2)
    {
        var level = tlp2.TryGetProperty("tlp_2_0", out var levelElement) && levelElement.ValueKind == JsonValueKind.String
            ? levelElement.GetString()
            : null;
        if (level is null || !TlpMarkings.Tlp2Levels.Values.Contains(level))
        {
            Error(
                "tlp-definition",
                $".extensions['{TlpMarkings.Tlp2ExtensionDefinition}'].tlp_2_0",
                "tlp_2_0 must be clear, green, amber, amber+strict or red");
        }
        else if (_id is null || !TlpMarkings.Tlp2Levels.TryGetValue(_id, out var fixedLevel) || fixedLevel != level)
        {
            Error("tlp-definition", ".id", $"TLP 2.0 markings are predefined; TLP:{level.ToUpperInvariant()} must use its fixed id");
        }
    }
}
