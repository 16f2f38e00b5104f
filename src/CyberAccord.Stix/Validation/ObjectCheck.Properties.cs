using System.Collections.Frozen;
using CyberAccord.Stix.Json;
using CyberAccord.Stix.Model;

namespace CyberAccord.Stix.Validation;

/// <summary>Which properties an object has: each known one checked by its kind, the rest as custom ones, none missing.</summary>
internal sealed partial class ObjectCheck
{
    /// <summary>The properties of a custom type: only the common ones are known.</summary>
    private static readonly FrozenDictionary<string, PropertySpec> FrozenCommonDomain =
        StixSpec.CommonDomain.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, PropertySpec> FrozenCommonObservable =
        StixSpec.CommonObservable.ToFrozenDictionary(StringComparer.Ordinal);

    private void CheckProperties(FrozenDictionary<string, PropertySpec> properties, StixCategory category)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            var relative = JsonPath.Member(name);
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
                var owner = category == StixCategory.CyberObservable ? "cyber-observable objects" : _type;
                Error("forbidden-property", relative, $"'{name}' is not a property of {owner}");
                continue;
            }

            if (_spec is null)
            {
                // A custom object's own properties are not custom properties: only the naming MUST applies.
                if (!CustomPropertyNames.IsValid(name))
                {
                    Error("custom-property-name", relative, $"property '{name}' must be 3–250 characters of a–z, 0–9 and '_'");
                }

                continue;
            }

            CustomPropertyNames.Check(name, _id, path + relative, issues);
        }
    }

    private bool IsNotApplicableCommon(string name, StixCategory category) =>
        (category == StixCategory.CyberObservable && StixSpec.CommonDomain.ContainsKey(name)) ||
        (_type == "marking-definition" && StixSpec.CommonDomain.ContainsKey(name));

    private void CheckRequired(FrozenDictionary<string, PropertySpec> properties)
    {
        foreach (var (name, spec) in properties)
        {
            if (spec.Required && !element.TryGetProperty(name, out _))
            {
                Error("required-property", JsonPath.Member(name), $"{_type} requires '{name}'");
            }
        }
    }
}
