using System.Reflection;
using System.Text.Json.Nodes;
using CyberAccord.Stix.Model;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Stix.Tests.Model;

/// <summary>
/// The typed classes are written by hand from the spec table (<see cref="StixSpec"/>), which stays the one source of
/// what each type holds. These tests hold the two together: every type in the table has its class and every class its
/// type, in the right category, with a typed property for each of the type's properties and for nothing else, each
/// reading and writing the JSON name it stands for, as a .NET type that fits the property's kind.
/// </summary>
public sealed class TypedModelMatchesSpecTests
{
    public static TheoryData<string> SpecTypes() => [.. StixSpec.Types.Keys.Order(StringComparer.Ordinal)];

    private static readonly DateTime SampleTime = new(2016, 4, 6, 20, 3, 0, DateTimeKind.Utc);

    [Fact]
    public void Every_typed_class_stands_for_a_type_in_the_spec_table()
    {
        var classes = typeof(StixObject).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(StixObject)) && t.IsSealed)
            .ToList();
        Assert.NotEmpty(classes);
        foreach (var type in classes)
        {
            var typeName = type.GetField("TypeName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
            Assert.True(typeName is not null, $"{type.Name} has no TypeName");
            Assert.True(StixSpec.Types.ContainsKey(typeName), $"{type.Name} stands for '{typeName}', which the spec table does not have");
            Assert.IsType(type, StixTypes.Create(typeName, new JsonObject()));
        }

        Assert.Equal(StixSpec.Types.Count, classes.Count);
    }

    [Theory]
    [MemberData(nameof(SpecTypes))]
    public void Each_type_has_a_class_of_its_category(string type)
    {
        var spec = StixSpec.Types[type];
        var model = StixTypes.Create(type, new JsonObject());
        Assert.True(model is not null, $"no typed class for {type}");
        Assert.Equal(type, model.GetType().GetField("TypeName")!.GetRawConstantValue());

        // A marking definition has no modified and cannot be revoked, so it is no core object: its class says so.
        var expectedBase = type == MarkingDefinition.TypeName ? typeof(StixObject) : spec.Category switch
        {
            StixCategory.DomainObject => typeof(StixDomainObject),
            StixCategory.RelationshipObject => typeof(StixRelationshipObject),
            StixCategory.CyberObservable => typeof(StixCyberObservable),
            StixCategory.MetaObject => typeof(StixMetaObject),
            _ => throw new InvalidOperationException($"{type} is a {spec.Category}"),
        };
        Assert.Equal(expectedBase, model.GetType().BaseType);
    }

    [Theory]
    [MemberData(nameof(SpecTypes))]
    public void Each_class_has_a_typed_property_for_exactly_the_types_properties(string type)
    {
        var spec = StixSpec.Types[type];
        var covered = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (var property in TypedProperties(type))
        {
            var name = JsonNameOf(type, property);
            Assert.True(
                covered.TryAdd(name, property),
                $"{type}: {property.Name} and {covered.GetValueOrDefault(name)?.Name} both stand for '{name}'");
        }

        // type is read-only: set by the constructor, never changed.
        covered["type"] = typeof(StixObject).GetProperty(nameof(StixObject.Type))!;
        var missing = spec.Properties.Keys.Where(name => !covered.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var extra = covered.Keys.Where(name => !spec.Properties.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{type}: no typed property for {string.Join(", ", missing)}");
        Assert.True(extra.Count == 0, $"{type}: typed properties for {string.Join(", ", extra)}, which the spec table does not have");
        foreach (var (name, property) in covered)
        {
            var expected = ClrTypeOf(spec.Properties[name]);
            Assert.True(
                property.PropertyType == expected,
                $"{type}.{name} is {spec.Properties[name].Kind}, " +
                $"so {property.Name} should be {expected.Name}, not {property.PropertyType.Name}");
        }
    }

    /// <summary>The settable typed properties of a type's class, its own and those of its bases.</summary>
    private static IEnumerable<PropertyInfo> TypedProperties(string type) =>
        StixTypes.Create(type, new JsonObject())!.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.SetMethod is { IsPublic: true });

    /// <summary>The one JSON member a typed property writes, found by writing it; it must read back what it wrote.</summary>
    private static string JsonNameOf(string type, PropertyInfo property)
    {
        var json = new JsonObject();
        var model = StixTypes.Create(type, json)!;
        property.SetValue(model, SampleOf(property.PropertyType));
        Assert.True(json.Count == 1, $"{type}: setting {property.Name} wrote {json.Count} members: {json.ToJsonString()}");
        var name = json.Single().Key;
        Assert.True(property.GetValue(model) is not null, $"{type}: {property.Name} does not read back '{name}', which it writes");
        return name;
    }

    private static object SampleOf(Type clrType) => clrType switch
    {
        _ when clrType == typeof(string) => "x",
        _ when clrType == typeof(bool?) => true,
        _ when clrType == typeof(long?) => 1L,
        _ when clrType == typeof(double?) => 1.5,
        _ when clrType == typeof(DateTime?) => SampleTime,
        _ when clrType == typeof(IReadOnlyList<string>) => new[] { "x" },
        _ when clrType == typeof(IReadOnlyList<KillChainPhase>) => new[] { new KillChainPhase("k", "p") },
        _ when clrType == typeof(IReadOnlyList<ExternalReference>) => new[] { new ExternalReference("s", Url: "u") },
        _ when clrType == typeof(IReadOnlyList<GranularMarking>) => new[] { new GranularMarking(["name"], Lang: "en") },
        _ when clrType == typeof(IReadOnlyDictionary<string, string>) => new Dictionary<string, string> { ["MD5"] = "x" },
        _ when clrType == typeof(JsonObject) => new JsonObject { ["x"] = 1 },
        _ when clrType == typeof(JsonArray) => new JsonArray(1),
        _ when clrType == typeof(JsonNode) => JsonValue.Create(1),
        _ => throw new InvalidOperationException($"no sample value of {clrType}"),
    };

    /// <summary>The .NET type a typed property of this kind has (nullable, as every property may be absent).</summary>
    private static Type ClrTypeOf(PropertySpec spec) => spec.Kind switch
    {
        PropertyKind.String or PropertyKind.Identifier or PropertyKind.OpenVocab or PropertyKind.ClosedVocab
            or PropertyKind.Binary or PropertyKind.Hex => typeof(string),
        PropertyKind.Boolean => typeof(bool?),
        PropertyKind.Integer => typeof(long?),
        PropertyKind.Float => typeof(double?),
        PropertyKind.Timestamp => typeof(DateTime?),
        PropertyKind.Hashes => typeof(IReadOnlyDictionary<string, string>),
        PropertyKind.Dictionary or PropertyKind.Object or PropertyKind.Extensions => typeof(JsonObject),
        PropertyKind.Any => typeof(JsonNode),
        PropertyKind.List => spec.Item!.Kind switch
        {
            PropertyKind.KillChainPhase => typeof(IReadOnlyList<KillChainPhase>),
            PropertyKind.ExternalReference => typeof(IReadOnlyList<ExternalReference>),
            PropertyKind.GranularMarking => typeof(IReadOnlyList<GranularMarking>),
            PropertyKind.Object => typeof(JsonArray),
            _ => typeof(IReadOnlyList<string>),
        },
        _ => throw new InvalidOperationException($"no typed property stands for a bare {spec.Kind}"),
    };
}
