using System.Text.Json;
using CyberAccord.Stix.Model;
using CyberAccord.Stix.Patterns;

namespace CyberAccord.Stix.Validation;

/// <summary>
/// Checks STIX 2.1 content against the specification, reporting every violation at once: errors for
/// MUSTs, warnings for SHOULDs and best practices. Stateless and thread-safe.
/// </summary>
public static class StixValidator
{
    /// <summary>Validates a document: a bundle, or a single object.</summary>
    public static List<ValidationIssue> ValidateDocument(JsonElement root)
    {
        var issues = new List<ValidationIssue>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            issues.Add(new ValidationIssue(Severity.Error, "not-an-object", null, "$", $"a STIX document is a JSON object, not {Describe(root)}"));
            return issues;
        }

        if (root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals("bundle"))
        {
            ValidateBundleEnvelope(root, issues);
            if (root.TryGetProperty("objects", out var objects) && objects.ValueKind == JsonValueKind.Array)
            {
                var seen = new HashSet<(string, string)>();
                var index = 0;
                foreach (var item in objects.EnumerateArray())
                {
                    var path = $"$.objects[{index++}]";
                    ValidateObject(item, path, issues);
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                    {
                        var version = item.TryGetProperty("modified", out var modified) && modified.ValueKind == JsonValueKind.String ? modified.GetString()! : string.Empty;
                        if (!seen.Add((id.GetString()!, version)))
                        {
                            issues.Add(new ValidationIssue(Severity.Warning, "duplicate-object", id.GetString(), path, "the bundle holds this id and modified time more than once"));
                        }
                    }
                }
            }

            return issues;
        }

        ValidateObject(root, "$", issues);
        return issues;
    }

    private static void ValidateBundleEnvelope(JsonElement bundle, List<ValidationIssue> issues) =>
        ValidateBundleEnvelope(bundle, bundle.TryGetProperty("objects", out var objects) ? (objects.ValueKind == JsonValueKind.Array ? objects.GetArrayLength() : -2) : -1, issues);

    /// <summary>
    /// Checks a bundle's own members. <paramref name="objectCount"/> is the length of its objects list, -1 when there is
    /// none, -2 when objects is not a list; the members of <paramref name="envelope"/> other than objects are checked.
    /// </summary>
    public static void ValidateBundleEnvelope(JsonElement envelope, long objectCount, List<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var id = envelope.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        if (id is null)
        {
            issues.Add(new ValidationIssue(Severity.Error, "required-property", null, "$.id", "a bundle must have an id"));
        }
        else if (!StixIdentifier.TryParse(id, out var idType, out _, out _) || idType != "bundle")
        {
            issues.Add(new ValidationIssue(Severity.Error, "id-format", id, "$.id", $"'{id}' is not a bundle identifier (bundle--<UUID>)"));
        }

        if (objectCount == -2)
        {
            issues.Add(new ValidationIssue(Severity.Error, "property-type", id, "$.objects", "objects must be a list"));
        }
        else if (objectCount == 0)
        {
            issues.Add(new ValidationIssue(Severity.Error, "empty-list", id, "$.objects", "objects must not be an empty list; leave it out"));
        }

        foreach (var property in envelope.EnumerateObject())
        {
            switch (property.Name)
            {
                case "type" or "id" or "objects":
                    break;
                case "spec_version":
                    issues.Add(new ValidationIssue(Severity.Error, "forbidden-property", id, "$.spec_version", "STIX 2.1 bundles have no spec_version (it marks a STIX 2.0 bundle)"));
                    break;
                default:
                    CheckCustomPropertyName(property.Name, id, "$" + Json.JsonPath.Member(property.Name), issues);
                    break;
            }
        }
    }

    /// <summary>Validates one STIX object found at <paramref name="path"/>, adding its issues.</summary>
    public static void ValidateObject(JsonElement element, string path, List<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        new ObjectCheck(element, path, issues).Run();
    }

    public static List<ValidationIssue> ValidateObject(JsonElement element)
    {
        var issues = new List<ValidationIssue>();
        ValidateObject(element, "$", issues);
        return issues;
    }

    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    internal static bool IsCustomPropertyName(string name)
    {
        if (name.Length is < 3 or > 250)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    internal static void CheckCustomPropertyName(string name, string? id, string path, List<ValidationIssue> issues)
    {
        if (!IsCustomPropertyName(name))
        {
            issues.Add(new ValidationIssue(Severity.Error, "custom-property-name", id, path, $"property '{name}' is not defined by STIX 2.1, and custom property names must be 3–250 characters of a–z, 0–9 and '_'"));
        }
        else if (!name.StartsWith("x_", StringComparison.Ordinal))
        {
            issues.Add(new ValidationIssue(Severity.Warning, "custom-property-prefix", id, path, $"custom property '{name}' should start with 'x_' (or be defined by an extension)"));
        }
    }

    /// <summary>The checks of one object; holds its id and path so that every finding names them.</summary>
    private sealed class ObjectCheck(JsonElement element, string path, List<ValidationIssue> issues)
    {
        private string? _id;
        private string _type = string.Empty;
        private TypeSpec? _spec;

        private void Error(string code, string relative, string message) => issues.Add(new ValidationIssue(Severity.Error, code, _id, path + relative, message));

        private void Warn(string code, string relative, string message) => issues.Add(new ValidationIssue(Severity.Warning, code, _id, path + relative, message));

        public void Run()
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error("not-an-object", string.Empty, $"a STIX object is a JSON object, not {Describe(element)}");
                return;
            }

            if (element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String)
            {
                _id = idElement.GetString();
            }

            if (!element.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                Error("required-property", ".type", "every STIX object must have a type (a string)");
                return;
            }

            _type = typeElement.GetString()!;
            if (!StixIdentifier.IsValidTypeName(_type))
            {
                Error("type-name", ".type", $"type '{_type}' must be 3–250 characters of a–z, 0–9 and single hyphens, starting with a letter");
                return;
            }

            if (_type == "bundle")
            {
                Error("nested-bundle", ".type", "a bundle cannot be an object inside a bundle");
                return;
            }

            StixSpec.Types.TryGetValue(_type, out _spec);
            var category = _spec?.Category ?? (element.TryGetProperty("created", out _) || !element.TryGetProperty("spec_version", out _) ? StixCategory.DomainObject : StixCategory.CyberObservable);
            if (_spec is null && !_type.StartsWith("x-", StringComparison.Ordinal))
            {
                Warn("custom-object-prefix", ".type", $"'{_type}' is not a STIX 2.1 type; custom object types should start with 'x-' or be defined by an extension-definition");
            }

            var properties = _spec?.Properties ?? (category == StixCategory.CyberObservable ? FrozenCommonObservable : FrozenCommonDomain);
            CheckIdentifier(category);
            CheckProperties(properties, category);
            CheckRequired(properties);
            CheckVersionTimestamps();
            CheckTypeRules();
        }

        private static readonly System.Collections.Frozen.FrozenDictionary<string, PropertySpec> FrozenCommonDomain =
            System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(StixSpec.CommonDomain, StringComparer.Ordinal);

        private static readonly System.Collections.Frozen.FrozenDictionary<string, PropertySpec> FrozenCommonObservable =
            System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(StixSpec.CommonObservable, StringComparer.Ordinal);

        private void CheckIdentifier(StixCategory category)
        {
            if (_id is null)
            {
                return;
            }

            if (!StixIdentifier.TryParse(_id, out var idType, out _, out var version))
            {
                Error("id-format", ".id", $"'{_id}' is not a STIX identifier: <type>--<RFC 4122 UUID, version 1–5>");
                return;
            }

            if (idType != _type)
            {
                Error("id-type-mismatch", ".id", $"the id's type '{idType}' differs from the object's type '{_type}'");
            }

            if (category == StixCategory.CyberObservable && _spec is not null)
            {
                var expected = StixIdentifier.DeterministicScoId(_type, element, _spec.IdContributing);
                if (expected is null && version != 4)
                {
                    Error("sco-id-version", ".id", $"a {_type} with no id-contributing properties must have a UUIDv4 id, not version {version}");
                }
                else if (expected is not null && version == 5 && !string.Equals(expected, _id, StringComparison.OrdinalIgnoreCase))
                {
                    Warn("sco-id-deterministic", ".id", $"a UUIDv5 id of a {_type} should be computed from its id-contributing properties: expected {expected}");
                }
                else if (expected is not null && version != 5)
                {
                    Warn("sco-id-deterministic", ".id", $"a {_type} should have the deterministic UUIDv5 id {expected}");
                }
            }
            else if (category != StixCategory.CyberObservable && version != 4)
            {
                Warn("id-uuid-version", ".id", $"identifiers of {_type} objects should use UUIDv4, not version {version}");
            }
        }

        private void CheckProperties(System.Collections.Frozen.FrozenDictionary<string, PropertySpec> properties, StixCategory category)
        {
            foreach (var property in element.EnumerateObject())
            {
                var name = property.Name;
                var relative = Json.JsonPath.Member(name);
                if (properties.TryGetValue(name, out var spec))
                {
                    if (name == "id")
                    {
                        continue;
                    }

                    CheckValue(property.Value, spec, relative, name);
                    continue;
                }

                if (IsNotApplicableCommon(name, category))
                {
                    Error("forbidden-property", relative, $"'{name}' is not a property of {(category == StixCategory.CyberObservable ? "cyber-observable objects" : _type)}");
                    continue;
                }

                if (_spec is null)
                {
                    // A custom object's own properties are not custom properties: only the naming MUST applies.
                    if (!IsCustomPropertyName(name))
                    {
                        Error("custom-property-name", relative, $"property '{name}' must be 3–250 characters of a–z, 0–9 and '_'");
                    }

                    continue;
                }

                CheckCustomPropertyName(name, _id, path + relative, issues);
            }
        }

        private bool IsNotApplicableCommon(string name, StixCategory category) =>
            (category == StixCategory.CyberObservable && StixSpec.CommonDomain.ContainsKey(name)) ||
            (_type == "marking-definition" && StixSpec.CommonDomain.ContainsKey(name));

        private void CheckRequired(System.Collections.Frozen.FrozenDictionary<string, PropertySpec> properties)
        {
            foreach (var (name, spec) in properties)
            {
                if (spec.Required && !element.TryGetProperty(name, out _))
                {
                    Error("required-property", Json.JsonPath.Member(name), $"{_type} requires '{name}'");
                }
            }
        }

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
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var integer))
                    {
                        Error("property-type", relative, $"'{name}' must be an integer, not {(value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Describe(value))}");
                    }
                    else if ((spec.Min is { } min && integer < min) || (spec.Max is { } max && integer > max))
                    {
                        Error(name == "confidence" ? "confidence-range" : "value-range", relative, $"'{name}' is {integer}; it must be between {spec.Min?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "−∞"} and {spec.Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "∞"}");
                    }

                    break;
                case PropertyKind.Float:
                    if (value.ValueKind != JsonValueKind.Number)
                    {
                        Error("property-type", relative, $"'{name}' must be a number, not {Describe(value)}");
                    }
                    else if ((spec.Min is { } fmin && value.GetDouble() < fmin) || (spec.Max is { } fmax && value.GetDouble() > fmax))
                    {
                        Error("value-range", relative, $"'{name}' is {value.GetRawText()}; it must be between {spec.Min} and {spec.Max}");
                    }

                    break;
                case PropertyKind.Timestamp:
                    CheckTimestamp(value, relative, name, spec.Milliseconds);
                    break;
                case PropertyKind.Identifier:
                    CheckReference(value, spec, relative, name);
                    break;
                case PropertyKind.List:
                    if (value.ValueKind != JsonValueKind.Array)
                    {
                        Error("property-type", relative, $"'{name}' must be a list, not {Describe(value)}");
                        break;
                    }

                    if (value.GetArrayLength() == 0)
                    {
                        Error("empty-list", relative, $"'{name}' must not be an empty list; leave it out");
                        break;
                    }

                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        CheckValue(item, spec.Item!, $"{relative}[{index++}]", name);
                    }

                    break;
                case PropertyKind.OpenVocab:
                    if (RequireKind(value, JsonValueKind.String, relative, "a string") && !spec.Vocabulary!.Contains(value.GetString()!))
                    {
                        Warn("vocab-open", relative, $"'{value.GetString()}' is not in the {spec.VocabularyName} vocabulary");
                    }

                    break;
                case PropertyKind.ClosedVocab:
                    if (RequireKind(value, JsonValueKind.String, relative, "a string") && !spec.Vocabulary!.Contains(value.GetString()!))
                    {
                        Error("vocab-closed", relative, $"'{value.GetString()}' is not one of the {spec.VocabularyName} values: {string.Join(", ", spec.Vocabulary!.Order(StringComparer.Ordinal))}");
                    }

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
                Error("timestamp-precision", relative, $"'{name}' must be precise to at least the millisecond (three fractional digits), not '{text}'");
            }
        }

        private void CheckReference(JsonElement value, PropertySpec spec, string relative, string name)
        {
            if (!RequireKind(value, JsonValueKind.String, relative, "an identifier string"))
            {
                return;
            }

            var reference = value.GetString()!;
            if (!StixIdentifier.TryParse(reference, out var targetType, out _, out _))
            {
                Error("id-format", relative, $"'{reference}' is not a STIX identifier: <type>--<RFC 4122 UUID>");
                return;
            }

            if (spec.RefTypes is { } types && !types.Contains(targetType))
            {
                Error("ref-target-type", relative, $"'{name}' must point to {string.Join(" or ", types.Order(StringComparer.Ordinal))}, not {targetType}");
            }
            else if (spec.RefCategories is { } categories && Array.IndexOf(categories, StixSpec.CategoryOf(targetType)) < 0)
            {
                Error("ref-target-type", relative, $"'{name}' must point to {string.Join(" or ", categories.Select(DescribeCategory))}, not a {targetType}");
            }
        }

        private static string DescribeCategory(StixCategory category) => category switch
        {
            StixCategory.DomainObject => "a domain object",
            StixCategory.RelationshipObject => "a relationship object",
            StixCategory.CyberObservable => "a cyber-observable",
            StixCategory.MetaObject => "a meta object",
            _ => "a bundle",
        };

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
                    Error("dictionary-key", relative + Json.JsonPath.Member(entry.Name), $"dictionary keys must be ASCII and at most 250 characters");
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
                var at = relative + Json.JsonPath.Member(hash.Name);
                if (hash.Name.Length > 250 || !hash.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                {
                    Error("hash-algorithm", at, $"hash algorithm name '{hash.Name}' must be at most 250 characters of letters, digits, '-' and '_'");
                    continue;
                }

                if (!Vocabularies.HashAlgorithm.Contains(hash.Name))
                {
                    Warn("hash-algorithm", at, $"'{hash.Name}' is not in the hash-algorithm-ov vocabulary (MD5, SHA-1, SHA-256, SHA-512, SHA3-256, SHA3-512, SSDEEP, TLSH)");
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
                var at = relative + Json.JsonPath.Member(property.Name);
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
                        CheckCustomPropertyName(property.Name, _id, path + at, issues);
                        break;
                }
            }

            if (source is null)
            {
                Error("required-property", relative + ".source_name", "an external reference requires source_name");
            }
            else if (!hasDetail)
            {
                Error("external-reference-detail", relative, "an external reference needs at least one of description, url or external_id besides source_name");
            }

            if (source == "capec" && externalId is not null && !System.Text.RegularExpressions.Regex.IsMatch(externalId, @"^CAPEC-\d+$"))
            {
                Error("external-id-format", relative + ".external_id", $"a capec external_id must look like CAPEC-123, not '{externalId}'");
            }
            else if (source == "cve" && externalId is not null && !System.Text.RegularExpressions.Regex.IsMatch(externalId, @"^CVE-\d{4}-(0\d{3}|[1-9]\d{3,})$"))
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

            foreach (var required in (string[])["kill_chain_name", "phase_name"])
            {
                if (!value.TryGetProperty(required, out var text))
                {
                    Error("required-property", relative + "." + required, $"a kill chain phase requires {required}");
                }
                else if (RequireKind(text, JsonValueKind.String, relative + "." + required, "a string") &&
                         text.GetString()!.Any(c => char.IsUpper(c) || c is ' ' or '_'))
                {
                    Warn("kill-chain-format", relative + "." + required, $"{required} should be lowercase with hyphens, not '{text.GetString()}'");
                }
            }
        }

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
                CheckReference(markingRef, new PropertySpec(PropertyKind.Identifier) { RefTypes = System.Collections.Frozen.FrozenSet.ToFrozenSet(["marking-definition"], StringComparer.Ordinal) }, relative + ".marking_ref", "marking_ref");
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
                var at = $"{relative}.selectors[{index++}]";
                if (selector.ValueKind != JsonValueKind.String || !SelectorResolves(selector.GetString()!))
                {
                    Error("granular-selector", at, $"selector {(selector.ValueKind == JsonValueKind.String ? "'" + selector.GetString() + "'" : Describe(selector))} does not point to a property of this object");
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
                    if (current.ValueKind != JsonValueKind.Array || !int.TryParse(step[1..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) || i >= current.GetArrayLength())
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
                var at = relative + Json.JsonPath.Member(extension.Name);
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
                        Error("vocab-closed", at + ".extension_type", $"extension_type must be one of {string.Join(", ", Vocabularies.ExtensionType.Order(StringComparer.Ordinal))}");
                    }
                }
                else if (_spec is not null && _spec.PredefinedExtensions.Contains(extension.Name))
                {
                    continue;
                }
                else if (extension.Name.StartsWith("x-", StringComparison.Ordinal))
                {
                    Warn("custom-extension", at, $"custom extension '{extension.Name}' is deprecated in STIX 2.1; define it with an extension-definition");
                }
                else
                {
                    Error("extension-name", at, $"'{extension.Name}' is neither an extension-definition id nor an extension STIX 2.1 predefines for {_type}");
                }
            }

            if (count == 0)
            {
                Error("empty-dictionary", relative, "extensions must not be empty; leave it out");
            }
        }

        private DateTime? Time(string name)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && Timestamps.TryParse(value.GetString()!, out var time) >= 0)
            {
                return time;
            }

            return null;
        }

        private bool Has(string name) => element.TryGetProperty(name, out _);

        private void CheckVersionTimestamps()
        {
            if (Time("created") is { } created && Time("modified") is { } modified && modified < created)
            {
                Error("modified-before-created", ".modified", "modified must not be earlier than created");
            }
        }

        private void Order(string first, string last, bool strict, string code)
        {
            if (Time(first) is { } a && Time(last) is { } b && (strict ? b <= a : b < a))
            {
                Error(code, Json.JsonPath.Member(last), $"{last} must be {(strict ? "later than" : "no earlier than")} {first}");
            }
        }

        private void CheckTypeRules()
        {
            switch (_type)
            {
                case "campaign" or "infrastructure" or "intrusion-set" or "malware" or "threat-actor" or "sighting":
                    Order("first_seen", "last_seen", strict: false, "timestamp-order");
                    if (_type == "malware" && element.TryGetProperty("is_family", out var family) && family.ValueKind == JsonValueKind.True && !Has("name"))
                    {
                        Error("required-property", ".name", "a malware family (is_family true) requires a name");
                    }

                    break;
                case "indicator":
                    Order("valid_from", "valid_until", strict: true, "timestamp-order");
                    if (element.TryGetProperty("pattern_type", out var patternType) && patternType.ValueKind == JsonValueKind.String && patternType.ValueEquals("stix") &&
                        element.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String &&
                        StixPattern.Check(pattern.GetString()!) is { } patternError)
                    {
                        Error("pattern-syntax", ".pattern", $"not a valid STIX pattern: {patternError.Message}");
                    }

                    break;
                case "observed-data":
                    Order("first_observed", "last_observed", strict: false, "timestamp-order");
                    if (Has("objects") == Has("object_refs"))
                    {
                        Error("observed-data-content", string.Empty, "observed-data needs exactly one of object_refs and (deprecated) objects");
                    }
                    else if (Has("objects"))
                    {
                        Warn("deprecated-property", ".objects", "objects is deprecated in STIX 2.1; use object_refs");
                    }

                    break;
                case "relationship":
                    Order("start_time", "stop_time", strict: true, "timestamp-order");
                    break;
                case "malware-analysis":
                    if (!Has("result") && !Has("analysis_sco_refs"))
                    {
                        Error("required-property", ".result", "malware-analysis requires result or analysis_sco_refs");
                    }

                    break;
                case "location":
                    CheckLocation();
                    break;
                case "marking-definition":
                    CheckMarkingDefinition();
                    break;
                case "file":
                    if (!Has("hashes") && !Has("name"))
                    {
                        Error("required-property", ".name", "a file requires hashes or name");
                    }

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
                    if (!Has("src_ref") && !Has("dst_ref"))
                    {
                        Error("required-property", ".src_ref", "network-traffic requires src_ref or dst_ref");
                    }

                    Order("start", "end", strict: false, "timestamp-order");
                    if (element.TryGetProperty("is_active", out var active) && active.ValueKind == JsonValueKind.True && Has("end"))
                    {
                        Error("mutually-exclusive", ".end", "active network traffic (is_active true) has no end");
                    }

                    break;
                case "email-message":
                    if (element.TryGetProperty("is_multipart", out var multipart))
                    {
                        if (multipart.ValueKind == JsonValueKind.True && Has("body"))
                        {
                            Error("mutually-exclusive", ".body", "a multipart message (is_multipart true) uses body_multipart, not body");
                        }
                        else if (multipart.ValueKind == JsonValueKind.False && Has("body_multipart"))
                        {
                            Error("mutually-exclusive", ".body_multipart", "body_multipart requires is_multipart true");
                        }
                    }

                    break;
                case "windows-registry-key":
                    if (element.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array)
                    {
                        var index = 0;
                        foreach (var registryValue in values.EnumerateArray())
                        {
                            if (registryValue.ValueKind == JsonValueKind.Object && registryValue.TryGetProperty("data_type", out var dataType) &&
                                (dataType.ValueKind != JsonValueKind.String || !Vocabularies.WindowsRegistryDatatype.Contains(dataType.GetString()!)))
                            {
                                Error("vocab-closed", $".values[{index}].data_type", "data_type must be a windows-registry-datatype-enum value such as REG_SZ");
                            }

                            index++;
                        }
                    }

                    break;
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
                        var level = definition.TryGetProperty("tlp", out var tlp) && tlp.ValueKind == JsonValueKind.String ? tlp.GetString() : null;
                        if (level is null || !Vocabularies.TlpLevel.Contains(level))
                        {
                            Error("tlp-definition", ".definition.tlp", "a TLP 1.0 definition's tlp must be white, green, amber or red");
                        }
                        else if (_id is null || !TlpMarkings.Tlp1Levels.TryGetValue(_id, out var fixedLevel) || fixedLevel != level)
                        {
                            Error("tlp-definition", ".id", $"TLP 1.0 markings are predefined; TLP:{level.ToUpperInvariant()} must use its fixed id, not '{_id}'");
                        }
                        else if (element.TryGetProperty("created", out var created) && created.ValueKind == JsonValueKind.String && !created.ValueEquals(TlpMarkings.Tlp1Created))
                        {
                            Error("tlp-definition", ".created", $"the predefined TLP 1.0 markings were created {TlpMarkings.Tlp1Created}");
                        }
                    }
                    else if (definitionType.ValueEquals("statement") && (!definition.TryGetProperty("statement", out var statement) || statement.ValueKind != JsonValueKind.String))
                    {
                        Error("required-property", ".definition.statement", "a statement marking's definition requires statement (a string)");
                    }
                }
            }
            else if (!hasExtensions)
            {
                Error("required-property", ".definition_type", "a marking definition requires definition_type and definition, or an extension");
            }

            if (hasExtensions && extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty(TlpMarkings.Tlp2ExtensionDefinition, out var tlp2) && tlp2.ValueKind == JsonValueKind.Object)
            {
                var level = tlp2.TryGetProperty("tlp_2_0", out var levelElement) && levelElement.ValueKind == JsonValueKind.String ? levelElement.GetString() : null;
                if (level is null || !TlpMarkings.Tlp2Levels.Values.Contains(level))
                {
                    Error("tlp-definition", $".extensions['{TlpMarkings.Tlp2ExtensionDefinition}'].tlp_2_0", "tlp_2_0 must be clear, green, amber, amber+strict or red");
                }
                else if (_id is null || !TlpMarkings.Tlp2Levels.TryGetValue(_id, out var fixedLevel) || fixedLevel != level)
                {
                    Error("tlp-definition", ".id", $"TLP 2.0 markings are predefined; TLP:{level.ToUpperInvariant()} must use its fixed id");
                }
            }
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
