using System.Globalization;
using System.Text.Json;

namespace CyberAccord.Stix.Validation;

/// <summary>A property's value against its kind in the spec table; compound kinds go to the part that knows them.</summary>
internal sealed partial class ObjectCheck
{
    private void CheckValue(JsonElement value, PropertySpec spec, string relative, string name)
    {
        switch (spec.Kind)
        {
            case PropertyKind.String:
                RequireKind(value, JsonValueKind.String, relative, "a string");
                if (name == "spec_version" && value.ValueKind == JsonValueKind.String && !value.ValueEquals("2.1"))
                {
                    Error("spec-version", relative, $"spec_version must be \"2.1\", not \"{value.GetString()}\"");
                }

                break;
            case PropertyKind.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    Error("property-type", relative, $"'{name}' must be a boolean, not {Describe(value)}");
                }

                break;
            case PropertyKind.Integer:
                CheckInteger(value, spec, relative, name);
                break;
            case PropertyKind.Float:
                CheckFloat(value, spec, relative, name);
                break;
            case PropertyKind.Timestamp:
                CheckTimestamp(value, relative, name, spec.Milliseconds);
                break;
            case PropertyKind.Identifier:
                CheckReference(value, spec, relative, name);
                break;
            case PropertyKind.List:
                CheckList(value, spec, relative, name);
                break;
            case PropertyKind.OpenVocab:
                CheckOpenVocabulary(value, spec, relative);
                break;
            case PropertyKind.ClosedVocab:
                CheckClosedVocabulary(value, spec, relative);
                break;
            case PropertyKind.Dictionary:
                CheckDictionary(value, relative, name);
                break;
            case PropertyKind.Hashes:
                CheckHashes(value, relative);
                break;
            case PropertyKind.Binary:
                if (RequireKind(value, JsonValueKind.String, relative, "a base64 string") && !IsBase64(value.GetString()!))
                {
                    Error("binary-format", relative, $"'{name}' must be base64 (RFC 4648)");
                }

                break;
            case PropertyKind.Hex:
                if (RequireKind(value, JsonValueKind.String, relative, "a hex string") && !IsHex(value.GetString()!))
                {
                    Error("hex-format", relative, $"'{name}' must be an even number of hex digits");
                }

                break;
            case PropertyKind.ExternalReference:
                CheckExternalReference(value, relative);
                break;
            case PropertyKind.KillChainPhase:
                CheckKillChainPhase(value, relative);
                break;
            case PropertyKind.GranularMarking:
                CheckGranularMarking(value, relative);
                break;
            case PropertyKind.Extensions:
                CheckExtensions(value, relative);
                break;
            case PropertyKind.Object:
                RequireKind(value, JsonValueKind.Object, relative, "an object");
                break;
            case PropertyKind.Any:
                break;
        }
    }

    private bool RequireKind(JsonElement value, JsonValueKind kind, string relative, string what)
    {
        if (value.ValueKind == kind)
        {
            return true;
        }

        Error("property-type", relative, $"must be {what}, not {Describe(value)}");
        return false;
    }

    private void CheckInteger(JsonElement value, PropertySpec spec, string relative, string name)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var integer))
        {
            var actual = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Describe(value);
            Error("property-type", relative, $"'{name}' must be an integer, not {actual}");
        }
        else if ((spec.Min is { } min && integer < min) || (spec.Max is { } max && integer > max))
        {
            var low = spec.Min?.ToString(CultureInfo.InvariantCulture) ?? "−∞";
            var high = spec.Max?.ToString(CultureInfo.InvariantCulture) ?? "∞";
            var code = name == "confidence" ? "confidence-range" : "value-range";
            Error(code, relative, $"'{name}' is {integer}; it must be between {low} and {high}");
        }
    }

    private void CheckFloat(JsonElement value, PropertySpec spec, string relative, string name)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            Error("property-type", relative, $"'{name}' must be a number, not {Describe(value)}");
        }
        else if ((spec.Min is { } min && value.GetDouble() < min) || (spec.Max is { } max && value.GetDouble() > max))
        {
            Error("value-range", relative, $"'{name}' is {value.GetRawText()}; it must be between {spec.Min} and {spec.Max}");
        }
    }

    private void CheckTimestamp(JsonElement value, string relative, string name, bool milliseconds)
    {
        if (!RequireKind(value, JsonValueKind.String, relative, "a timestamp string"))
        {
            return;
        }

        var text = value.GetString()!;
        var fraction = Timestamps.TryParse(text, out _);
        if (fraction < 0)
        {
            Error("timestamp-format", relative, $"'{text}' is not an RFC 3339 UTC timestamp such as 2016-05-12T08:17:27.000Z");
        }
        else if (milliseconds && fraction < 3)
        {
            Error(
                "timestamp-precision",
                relative,
                $"'{name}' must be precise to at least the millisecond (three fractional digits), not '{text}'");
        }
    }

    private void CheckList(JsonElement value, PropertySpec spec, string relative, string name)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Error("property-type", relative, $"'{name}' must be a list, not {Describe(value)}");
            return;
        }

        if (value.GetArrayLength() == 0)
        {
            Error("empty-list", relative, $"'{name}' must not be an empty list; leave it out");
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            CheckValue(item, spec.Item!, $"{relative}[{index++}]", name);
        }
    }

    private static bool IsHex(string text)
    {
        if (text.Length == 0 || text.Length % 2 != 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return text.Length % 4 == 0 && Convert.TryFromBase64String(text, buffer, out _);
    }
}
