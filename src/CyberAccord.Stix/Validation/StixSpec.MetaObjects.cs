using System.Collections.Frozen;
using CyberAccord.Stix.Model;
using V = CyberAccord.Stix.Validation.Vocabularies;

namespace CyberAccord.Stix.Validation;

/// <summary>The STIX Meta Objects (§7): language content, extension definitions and marking definitions.</summary>
internal static partial class StixSpec
{
    private static IEnumerable<TypeSpec> MetaObjects()
    {
        yield return Meta("language-content", new()
        {
            ["object_ref"] = Ref().Req(),
            ["object_modified"] = Ts(ms: true),
            ["contents"] = Dict().Req(),
        });

        yield return Meta("extension-definition", new()
        {
            ["created_by_ref"] = Ref("identity").Req(),
            ["name"] = Str().Req(),
            ["description"] = Str(),
            ["schema"] = Str().Req(),
            ["version"] = Str().Req(),
            ["extension_types"] = ListOf(Closed("extension-type-enum", V.ExtensionType)).Req(),
            ["extension_properties"] = StringList,
        });

        // A marking definition is immutable once published: of the common properties it has no modified, revoked,
        // labels, confidence or lang.
        var marking = new Dictionary<string, PropertySpec>(StringComparer.Ordinal)
        {
            ["type"] = Str().Req(),
            ["spec_version"] = Str().Req(),
            ["id"] = Ref().Req(),
            ["created_by_ref"] = Ref("identity"),
            ["created"] = Ts(ms: true).Req(),
            ["external_references"] = CommonDomain["external_references"],
            ["object_marking_refs"] = CommonDomain["object_marking_refs"],
            ["granular_markings"] = CommonDomain["granular_markings"],
            ["extensions"] = CommonDomain["extensions"],
            ["name"] = Str(),
            ["definition_type"] = Open("marking-definition-type", V.MarkingDefinitionType),
            ["definition"] = Obj(),
        };
        yield return new TypeSpec("marking-definition", StixCategory.MetaObject, marking.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
