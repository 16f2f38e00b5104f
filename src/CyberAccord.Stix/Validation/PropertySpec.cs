using System.Collections.Frozen;
using CyberAccord.Stix.Model;

namespace CyberAccord.Stix.Validation;

internal enum PropertyKind
{
    String, Boolean, Integer, Float, Timestamp, Identifier, List, OpenVocab, ClosedVocab, Dictionary, Hashes, Binary, Hex,
    ExternalReference, KillChainPhase, GranularMarking, Extensions, Object, Any,
}

/// <summary>What a property must hold. Identifiers name the object types (or categories) they may point at.</summary>
internal sealed record PropertySpec(PropertyKind Kind)
{
    public bool Required { get; init; }

    public PropertySpec? Item { get; init; }

    public FrozenSet<string>? Vocabulary { get; init; }

    public string? VocabularyName { get; init; }

    public FrozenSet<string>? RefTypes { get; init; }

    public StixCategory[]? RefCategories { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>For created/modified: at least millisecond precision.</summary>
    public bool Milliseconds { get; init; }

    public PropertySpec Req() => this with { Required = true };
}
