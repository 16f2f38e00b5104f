using System.Collections.Frozen;
using CyberAccord.Stix.Model;

namespace CyberAccord.Stix.Validation;

/// <summary>
/// One STIX 2.1 object type: its category, its properties, the properties its deterministic id derives from, the
/// extensions STIX predefines for it, and the requirements on it that span properties.
/// </summary>
internal sealed record TypeSpec(string Type, StixCategory Category, FrozenDictionary<string, PropertySpec> Properties)
{
    public string[] IdContributing { get; init; } = [];

    public FrozenSet<string> PredefinedExtensions { get; init; } = FrozenSet<string>.Empty;

    /// <summary>At least one of these properties must be present.</summary>
    public AnyOfRequirement? RequiresAnyOf { get; init; }

    /// <summary>Two timestamps of the type that must come in order when both are present.</summary>
    public TimestampOrder? TimestampOrder { get; init; }
}

/// <summary>At least one of <paramref name="Properties"/>; when none is there, the error names <paramref name="Path"/>.</summary>
internal sealed record AnyOfRequirement(string[] Properties, string Path, string Message);

/// <summary><paramref name="Last"/> must not be earlier than <paramref name="First"/> (with Strict, must be later).</summary>
internal sealed record TimestampOrder(string First, string Last, bool Strict);
