using System.Text.Json;
using CyberAccord.Stix.Json;
using CyberAccord.Stix.Patterns;

namespace CyberAccord.Stix.Validation;

/// <summary>
/// Rules that span properties. Those the spec table states as data (at least one of some properties, two timestamps
/// in order) come first; the rules of particular types that take more than data follow.
/// </summary>
internal sealed partial class ObjectCheck
{
    private DateTime? Time(string name)
    {
        if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String &&
            Timestamps.TryParse(value.GetString()!, out var time) >= 0)
        {
            return time;
        }

        return null;
    }

    private void CheckVersionTimestamps()
    {
        if (Time("created") is { } created && Time("modified") is { } modified && modified < created)
        {
            Error("modified-before-created", ".modified", "modified must not be earlier than created");
        }
    }

    private void CheckTypeRules()
    {
        if (_spec is null)
        {
            return;
        }

        if (_spec.RequiresAnyOf is { } anyOf && !HasAny(anyOf.Properties))
        {
            Error("required-property", anyOf.Path, anyOf.Message);
        }

        if (_spec.TimestampOrder is { } order)
        {
            CheckTimestampOrder(order);
        }

        switch (_type)
        {
            case "malware":
                if (element.TryGetProperty("is_family", out var family) && family.ValueKind == JsonValueKind.True && !Has("name"))
                {
                    Error("required-property", ".name", "a malware family (is_family true) requires a name");
                }

                break;
            case "indicator":
                CheckIndicatorPattern();
                break;
            case "observed-data":
                if (Has("objects") == Has("object_refs"))
                {
                    Error("observed-data-content", string.Empty, "observed-data needs exactly one of object_refs and (deprecated) objects");
                }
                else if (Has("objects"))
                {
                    Warn("deprecated-property", ".objects", "objects is deprecated in STIX 2.1; use object_refs");
                }

                break;
            case "location":
                CheckLocation();
                break;
            case "marking-definition":
                CheckMarkingDefinition();
                break;
            case "artifact":
                if (Has("payload_bin") && Has("url"))
                {
                    Error("mutually-exclusive", ".url", "an artifact has payload_bin or url, not both");
                }

                if (Has("url") && !Has("hashes"))
                {
                    Error("required-property", ".hashes", "an artifact given by url requires hashes");
                }

                break;
            case "network-traffic":
                if (element.TryGetProperty("is_active", out var active) && active.ValueKind == JsonValueKind.True && Has("end"))
                {
                    Error("mutually-exclusive", ".end", "active network traffic (is_active true) has no end");
                }

                break;
            case "email-message":
                CheckEmailBody();
                break;
            case "windows-registry-key":
                CheckRegistryValueTypes();
                break;
        }
    }

    private bool HasAny(string[] names)
    {
        foreach (var name in names)
        {
            if (Has(name))
            {
                return true;
            }
        }

        return false;
    }

    private void CheckTimestampOrder(TimestampOrder order)
    {
        if (Time(order.First) is { } first && Time(order.Last) is { } last && (order.Strict ? last <= first : last < first))
        {
            var relation = order.Strict ? "later than" : "no earlier than";
            Error("timestamp-order", JsonPath.Member(order.Last), $"{order.Last} must be {relation} {order.First}");
        }
    }

    private void CheckIndicatorPattern()
    {
        if (element.TryGetProperty("pattern_type", out var patternType) && patternType.ValueKind == JsonValueKind.String &&
            patternType.ValueEquals("stix") &&
            element.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String &&
            StixPattern.Check(pattern.GetString()!) is { } patternError)
        {
            Error("pattern-syntax", ".pattern", $"not a valid STIX pattern: {patternError.Message}");
        }
    }

    private void CheckLocation()
    {
        var latitude = Has("latitude");
        var longitude = Has("longitude");
        if (latitude != longitude)
        {
            Error("location-coordinates", latitude ? ".longitude" : ".latitude", "latitude and longitude go together");
        }

        if (Has("precision") && !(latitude && longitude))
        {
            Error("location-coordinates", ".precision", "precision requires latitude and longitude");
        }

        if (!Has("region") && !Has("country") && !(latitude && longitude))
        {
            Error("required-property", ".region", "a location requires region, country, or latitude and longitude");
        }
    }

    private void CheckEmailBody()
    {
        if (!element.TryGetProperty("is_multipart", out var multipart))
        {
            return;
        }

        if (multipart.ValueKind == JsonValueKind.True && Has("body"))
        {
            Error("mutually-exclusive", ".body", "a multipart message (is_multipart true) uses body_multipart, not body");
        }
        else if (multipart.ValueKind == JsonValueKind.False && Has("body_multipart"))
        {
            Error("mutually-exclusive", ".body_multipart", "body_multipart requires is_multipart true");
        }
    }

    private void CheckRegistryValueTypes()
    {
        if (!element.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var index = 0;
        foreach (var registryValue in values.EnumerateArray())
        {
            if (registryValue.ValueKind == JsonValueKind.Object && registryValue.TryGetProperty("data_type", out var dataType) &&
                (dataType.ValueKind != JsonValueKind.String || !Vocabularies.WindowsRegistryDatatype.Contains(dataType.GetString()!)))
            {
                Error(
                    "vocab-closed",
                    $".values[{index}].data_type",
                    "data_type must be a windows-registry-datatype-enum value such as REG_SZ");
            }

            index++;
        }
    }
}
