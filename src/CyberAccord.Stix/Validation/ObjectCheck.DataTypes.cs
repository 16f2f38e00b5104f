using System.Text.Json;
using System.Text.RegularExpressions;
using CyberAccord.Stix.Json;

namespace CyberAccord.Stix.Validation;

/// <summary>The common data types of §2 that properties hold: dictionaries, hashes, external references, kill chain phases.</summary>
internal sealed partial class ObjectCheck
{
    private static readonly string[] KillChainPhaseMembers = ["kill_chain_name", "phase_name"];

    private static readonly string HashAlgorithmNames = string.Join(", ", Vocabularies.HashAlgorithm.Order(StringComparer.Ordinal));

    [GeneratedRegex(@"^CAPEC-\d+$")]
    private static partial Regex CapecId();

    [GeneratedRegex(@"^CVE-\d{4}-(0\d{3}|[1-9]\d{3,})$")]
    private static partial Regex CveId();

    private void CheckDictionary(JsonElement value, string relative, string name)
    {
        if (!RequireKind(value, JsonValueKind.Object, relative, "a dictionary (object)"))
        {
            return;
        }

        var count = 0;
        foreach (var entry in value.EnumerateObject())
        {
            count++;
            if (entry.Name.Length > 250 || entry.Name.Any(c => c > 127))
            {
                Error("dictionary-key", relative + JsonPath.Member(entry.Name), "dictionary keys must be ASCII and at most 250 characters");
            }
        }

        if (count == 0)
        {
            Error("empty-dictionary", relative, $"'{name}' must not be an empty dictionary; leave it out");
        }
    }

    private void CheckHashes(JsonElement value, string relative)
    {
        if (!RequireKind(value, JsonValueKind.Object, relative, "a hashes dictionary"))
        {
            return;
        }

        var count = 0;
        foreach (var hash in value.EnumerateObject())
        {
            count++;
            var at = relative + JsonPath.Member(hash.Name);
            if (hash.Name.Length > 250 || !hash.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                Error(
                    "hash-algorithm",
                    at,
                    $"hash algorithm name '{hash.Name}' must be at most 250 characters of letters, digits, '-' and '_'");
                continue;
            }

            if (!Vocabularies.HashAlgorithm.Contains(hash.Name))
            {
                Warn("hash-algorithm", at, $"'{hash.Name}' is not in the hash-algorithm-ov vocabulary ({HashAlgorithmNames})");
            }

            if (hash.Value.ValueKind != JsonValueKind.String)
            {
                Error("property-type", at, $"a hash value must be a string, not {Describe(hash.Value)}");
            }
            else if (Vocabularies.HashHexLength.TryGetValue(hash.Name, out var length))
            {
                var text = hash.Value.GetString()!;
                if (text.Length != length || !IsHex(text))
                {
                    Error("hash-value", at, $"a {hash.Name} hash is {length} hex digits; '{text}' is not");
                }
            }
        }

        if (count == 0)
        {
            Error("empty-dictionary", relative, "hashes must not be empty; leave it out");
        }
    }

    private void CheckExternalReference(JsonElement value, string relative)
    {
        if (!RequireKind(value, JsonValueKind.Object, relative, "an external reference (object)"))
        {
            return;
        }

        string? source = null;
        string? externalId = null;
        var hasDetail = false;
        foreach (var property in value.EnumerateObject())
        {
            var at = relative + JsonPath.Member(property.Name);
            switch (property.Name)
            {
                case "source_name":
                    if (RequireKind(property.Value, JsonValueKind.String, at, "a string"))
                    {
                        source = property.Value.GetString();
                    }

                    break;
                case "description" or "url":
                    hasDetail = true;
                    RequireKind(property.Value, JsonValueKind.String, at, "a string");
                    break;
                case "external_id":
                    hasDetail = true;
                    if (RequireKind(property.Value, JsonValueKind.String, at, "a string"))
                    {
                        externalId = property.Value.GetString();
                    }

                    break;
                case "hashes":
                    CheckHashes(property.Value, at);
                    break;
                default:
                    CustomPropertyNames.Check(property.Name, _id, path + at, issues);
                    break;
            }
        }

        if (source is null)
        {
            Error("required-property", relative + ".source_name", "an external reference requires source_name");
        }
        else if (!hasDetail)
        {
            Error(
                "external-reference-detail",
                relative,
                "an external reference needs at least one of description, url or external_id besides source_name");
        }

        if (source == "capec" && externalId is not null && !CapecId().IsMatch(externalId))
        {
            Error("external-id-format", relative + ".external_id", $"a capec external_id must look like CAPEC-123, not '{externalId}'");
        }
        else if (source == "cve" && externalId is not null && !CveId().IsMatch(externalId))
        {
            Error("external-id-format", relative + ".external_id", $"a cve external_id must look like CVE-2016-0001, not '{externalId}'");
        }
    }

    private void CheckKillChainPhase(JsonElement value, string relative)
    {
        if (!RequireKind(value, JsonValueKind.Object, relative, "a kill chain phase (object)"))
        {
            return;
        }

        foreach (var required in KillChainPhaseMembers)
        {
            if (!value.TryGetProperty(required, out var text))
            {
                Error("required-property", relative + "." + required, $"a kill chain phase requires {required}");
            }
            else if (RequireKind(text, JsonValueKind.String, relative + "." + required, "a string") &&
                     text.GetString()!.Any(c => char.IsUpper(c) || c is ' ' or '_'))
            {
                Warn(
                    "kill-chain-format",
                    relative + "." + required,
                    $"{required} should be lowercase with hyphens, not '{text.GetString()}'");
            }
        }
    }
}
