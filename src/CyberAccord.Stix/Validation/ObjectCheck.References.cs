using System.Text.Json;
using CyberAccord.Stix.Model;

namespace CyberAccord.Stix.Validation;

/// <summary>Identifier-valued properties: a well-formed id of a type (or category) the spec table allows there.</summary>
internal sealed partial class ObjectCheck
{
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
            var allowed = string.Join(" or ", types.Order(StringComparer.Ordinal));
            Error("ref-target-type", relative, $"'{name}' must point to {allowed}, not {targetType}");
        }
        else if (spec.RefCategories is { } categories && Array.IndexOf(categories, StixSpec.CategoryOf(targetType)) < 0)
        {
            var allowed = string.Join(" or ", categories.Select(DescribeCategory));
            Error("ref-target-type", relative, $"'{name}' must point to {allowed}, not a {targetType}");
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
}
