using System.Collections.Frozen;
using System.Text.Json;

namespace CyberAccord.Accord.Catalogue;

/// <summary>One commitment of an accord framework, with its source and how well that source confirms it.</summary>
public sealed record Commitment(string Id, string Framework, string ShortTitle, string Paraphrase, string Source, string Status);

/// <summary>A national critical-infrastructure taxonomy from the catalogue.</summary>
public sealed record CiTaxonomy(string Framework, string Jurisdiction, IReadOnlyList<(string Id, string Name)> Sectors);

/// <summary>The commitments, taxonomies and vocabularies shipped with the product (see Catalogue/SOURCES.md).</summary>
public sealed class CommitmentCatalogue
{
    private CommitmentCatalogue(
        FrozenDictionary<string, Commitment> commitments,
        IReadOnlyList<CiTaxonomy> taxonomies,
        FrozenDictionary<string, IReadOnlyList<string>> vocabularies)
    {
        Commitments = commitments;
        Taxonomies = taxonomies;
        Vocabularies = vocabularies;
    }

    public FrozenDictionary<string, Commitment> Commitments { get; }

    public IReadOnlyList<CiTaxonomy> Taxonomies { get; }

    public FrozenDictionary<string, IReadOnlyList<string>> Vocabularies { get; }

    public static CommitmentCatalogue Default { get; } = Load();

    private static CommitmentCatalogue Load()
    {
        using var stream = typeof(CommitmentCatalogue).Assembly.GetManifestResourceStream("CyberAccord.Accord.norms-and-sectors.json")
            ?? throw new InvalidOperationException("the commitment catalogue is not embedded");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var commitments = root.GetProperty("commitments").EnumerateArray()
            .Select(c => new Commitment(
                S(c, "id"),
                S(c, "framework"),
                S(c, "short_title"),
                S(c, "paraphrase"),
                S(c, "source"),
                S(c, "status")))
            .ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        var taxonomies = root.GetProperty("ci_taxonomies").EnumerateArray()
            .Select(t => new CiTaxonomy(
                S(t, "framework"),
                S(t, "jurisdiction"),
                t.GetProperty("sectors").EnumerateArray()
                    .Select(s => s.ValueKind == JsonValueKind.String ? (s.GetString()!, s.GetString()!) : (S(s, "id"), S(s, "name")))
                    .ToList()))
            .ToList();
        var vocabularies = root.GetProperty("vocabularies").EnumerateArray()
            .ToFrozenDictionary(
                v => S(v, "name"),
                v => (IReadOnlyList<string>)v.GetProperty("values").EnumerateArray()
                    .Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText())
                    .ToList(),
                StringComparer.Ordinal);
        return new CommitmentCatalogue(commitments, taxonomies, vocabularies);
    }

    private static string S(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
