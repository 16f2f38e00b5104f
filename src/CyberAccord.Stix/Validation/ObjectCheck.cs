using System.Text.Json;
using CyberAccord.Stix.Model;

namespace CyberAccord.Stix.Validation;

/// <summary>
/// The checks of one object; holds its id and path so that every finding names them. Each concern is a part of its
/// own: the object's properties, their values, identifiers, references, vocabularies, common data types, markings,
/// extensions and the rules of particular types.
/// </summary>
internal sealed partial class ObjectCheck(JsonElement element, string path, List<ValidationIssue> issues)
{
    private string? _id;
    private string _type = string.Empty;
    private TypeSpec? _spec;

    private void Error(string code, string relative, string message) =>
        issues.Add(new ValidationIssue(Severity.Error, code, _id, path + relative, message));

    private void Warn(string code, string relative, string message) =>
        issues.Add(new ValidationIssue(Severity.Warning, code, _id, path + relative, message));

    private static string Describe(JsonElement value) => StixValidator.Describe(value);

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
            Error(
                "type-name",
                ".type",
                $"type '{_type}' must be 3–250 characters of a–z, 0–9 and single hyphens, starting with a letter");
            return;
        }

        if (_type == "bundle")
        {
            Error("nested-bundle", ".type", "a bundle cannot be an object inside a bundle");
            return;
        }

        StixSpec.Types.TryGetValue(_type, out _spec);
        var category = _spec?.Category ?? GuessCategory();
        if (_spec is null && !_type.StartsWith("x-", StringComparison.Ordinal))
        {
            Warn(
                "custom-object-prefix",
                ".type",
                $"'{_type}' is not a STIX 2.1 type; custom object types should start with 'x-' or be defined by an extension-definition");
        }

        var properties = _spec?.Properties ?? (category == StixCategory.CyberObservable ? FrozenCommonObservable : FrozenCommonDomain);
        CheckIdentifier(category);
        CheckProperties(properties, category);
        CheckRequired(properties);
        CheckVersionTimestamps();
        CheckTypeRules();
    }

    /// <summary>A custom type is a domain object when it has created or no spec_version, else an observable.</summary>
    private StixCategory GuessCategory() =>
        element.TryGetProperty("created", out _) || !element.TryGetProperty("spec_version", out _)
            ? StixCategory.DomainObject
            : StixCategory.CyberObservable;

    private bool Has(string name) => element.TryGetProperty(name, out _);
}
