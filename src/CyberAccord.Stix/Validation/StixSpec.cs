using System.Collections.Frozen;
using CyberAccord.Stix.Model;

namespace CyberAccord.Stix.Validation;

/// <summary>
/// The STIX 2.1 object types (§4–§7), as data the validator walks: the one place that says what each type holds and
/// requires. The types themselves are listed by category in the other parts of this class.
/// </summary>
internal static partial class StixSpec
{
    private static PropertySpec Str() => new(PropertyKind.String);

    private static PropertySpec Bool() => new(PropertyKind.Boolean);

    private static PropertySpec Int(double? min = null, double? max = null) => new(PropertyKind.Integer) { Min = min, Max = max };

    private static PropertySpec Float(double? min = null, double? max = null) => new(PropertyKind.Float) { Min = min, Max = max };

    private static PropertySpec Ts(bool ms = false) => new(PropertyKind.Timestamp) { Milliseconds = ms };

    private static PropertySpec Ref(params string[] types) =>
        new(PropertyKind.Identifier) { RefTypes = types.Length == 0 ? null : types.ToFrozenSet(StringComparer.Ordinal) };

    private static PropertySpec RefTo(params StixCategory[] categories) => new(PropertyKind.Identifier) { RefCategories = categories };

    private static PropertySpec ListOf(PropertySpec item) => new(PropertyKind.List) { Item = item };

    private static PropertySpec Open(string name, FrozenSet<string> values) =>
        new(PropertyKind.OpenVocab) { Vocabulary = values, VocabularyName = name };

    private static PropertySpec Closed(string name, FrozenSet<string> values) =>
        new(PropertyKind.ClosedVocab) { Vocabulary = values, VocabularyName = name };

    private static PropertySpec Dict() => new(PropertyKind.Dictionary);

    private static PropertySpec Hashes() => new(PropertyKind.Hashes);

    private static PropertySpec Bin() => new(PropertyKind.Binary);

    private static PropertySpec Hex() => new(PropertyKind.Hex);

    private static PropertySpec Obj() => new(PropertyKind.Object);

    private static PropertySpec Any() => new(PropertyKind.Any);

    /// <summary>Extensions STIX 2.1 predefines for cyber-observables (§6).</summary>
    private static FrozenSet<string> Ext(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);

    // Every static field that Build reads is declared here, before Types: static fields initialize in textual order
    // within one file, but in no promised order across the files of a partial class.
    private static readonly PropertySpec StringList = ListOf(Str());

    private static readonly StixCategory[] SdoOrSco = [StixCategory.DomainObject, StixCategory.CyberObservable];

    private static readonly TimestampOrder SeenOrder = new("first_seen", "last_seen", Strict: false);

    /// <summary>What object_marking_refs lists and a granular marking's marking_ref holds.</summary>
    public static readonly PropertySpec MarkingRef = Ref("marking-definition");

    public static readonly Dictionary<string, PropertySpec> CommonDomain = new(StringComparer.Ordinal)
    {
        ["type"] = Str().Req(),
        ["spec_version"] = Str().Req(),
        ["id"] = Ref().Req(),
        ["created_by_ref"] = Ref("identity"),
        ["created"] = Ts(ms: true).Req(),
        ["modified"] = Ts(ms: true).Req(),
        ["revoked"] = Bool(),
        ["labels"] = StringList,
        ["confidence"] = Int(0, 100),
        ["lang"] = Str(),
        ["external_references"] = ListOf(new PropertySpec(PropertyKind.ExternalReference)),
        ["object_marking_refs"] = ListOf(MarkingRef),
        ["granular_markings"] = ListOf(new PropertySpec(PropertyKind.GranularMarking)),
        ["extensions"] = new PropertySpec(PropertyKind.Extensions),
    };

    public static readonly Dictionary<string, PropertySpec> CommonObservable = new(StringComparer.Ordinal)
    {
        ["type"] = Str().Req(),
        ["spec_version"] = Str(),
        ["id"] = Ref().Req(),
        ["object_marking_refs"] = ListOf(MarkingRef),
        ["granular_markings"] = ListOf(new PropertySpec(PropertyKind.GranularMarking)),
        ["defanged"] = Bool(),
        ["extensions"] = new PropertySpec(PropertyKind.Extensions),
    };

    private static readonly PropertySpec KillChain = ListOf(new PropertySpec(PropertyKind.KillChainPhase));

    public static readonly FrozenDictionary<string, TypeSpec> Types = Build();

    /// <summary>The category of a type; unknown (custom) types are domain objects unless they look like observables.</summary>
    public static StixCategory CategoryOf(string type) =>
        type == "bundle" ? StixCategory.Bundle : Types.TryGetValue(type, out var spec) ? spec.Category : StixCategory.DomainObject;

    private static FrozenDictionary<string, TypeSpec> Build()
    {
        var types = new Dictionary<string, TypeSpec>(StringComparer.Ordinal);
        foreach (var spec in DomainObjects().Concat(RelationshipObjects()).Concat(MetaObjects()).Concat(Observables()))
        {
            types[spec.Type] = spec;
        }

        return types.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static TypeSpec Sdo(string type, Dictionary<string, PropertySpec> properties) =>
        Core(type, StixCategory.DomainObject, properties);

    private static TypeSpec Sro(string type, Dictionary<string, PropertySpec> properties) =>
        Core(type, StixCategory.RelationshipObject, properties);

    private static TypeSpec Meta(string type, Dictionary<string, PropertySpec> properties) =>
        Core(type, StixCategory.MetaObject, properties);

    /// <summary>A domain, relationship or meta object: the common properties of §3.2, then its own.</summary>
    private static TypeSpec Core(string type, StixCategory category, Dictionary<string, PropertySpec> properties) =>
        new(type, category, Merge(CommonDomain, properties));

    /// <summary>A cyber-observable: the common observable properties, then its own.</summary>
    private static TypeSpec Sco(string type, string[] idContributing, Dictionary<string, PropertySpec> properties) =>
        new(type, StixCategory.CyberObservable, Merge(CommonObservable, properties)) { IdContributing = idContributing };

    private static FrozenDictionary<string, PropertySpec> Merge(
        Dictionary<string, PropertySpec> common, Dictionary<string, PropertySpec> properties)
    {
        var all = new Dictionary<string, PropertySpec>(common, StringComparer.Ordinal);
        foreach (var (name, spec) in properties)
        {
            all[name] = spec;
        }

        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
