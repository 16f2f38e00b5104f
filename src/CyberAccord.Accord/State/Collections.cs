using CyberAccord.Accord.Records;

namespace CyberAccord.Accord.State;

/// <summary>
/// A collection of shared STIX objects (served as a TAXII collection): public, one per multilateral group (accord), one per
/// pair of states. Who may read it, and who may see each object in it, is part of the accord's visibility rules.
/// </summary>
public sealed partial record CollectionDescriptor(string Id, string Alias, string Title, string Description, IReadOnlySet<string>? Members)
{
    public bool IsPublic => Members is null;

    /// <summary>
    /// Only a pair collection can hold AMBER and RED objects: it has one possible recipient. The public collection is CLEAR
    /// and GREEN by definition, and in a group such an object could reach nobody but its poster, so both refuse them.
    /// </summary>
    public bool HoldsRestricted => Members is { Count: 2 };

    /// <summary>What a TAXII status says of an object added here.</summary>
    public string AddedMessage { get; } = "added to collection " + Alias;

    public bool CanWrite(string party) => Members is null ? party.Length > 0 : Members.Contains(party);

    public bool CanRead(string party) => Members is null || Members.Contains(party);

    /// <summary>
    /// Who may see an object in this collection: CLEAR and GREEN, every reader; AMBER, AMBER+STRICT and RED, the poster and,
    /// in a pair collection, the other member (the only named recipient). In a group or the public collection such objects
    /// reach only their poster: post them to the pair collection.
    /// </summary>
    public bool CanSee(string party, CollectionObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return CanSee(party, item.Poster, item.Tlp);
    }

    public bool CanSee(string party, string poster, string tlp) =>
        CanRead(party) && (tlp is "clear" or "green" || poster == party || (Members is { Count: 2 } && Members.Contains(poster)));

    /// <summary>
    /// The collections that follow from these parties and accords. Aliases cannot collide by construction: a pair's alias is
    /// two party codes (capital letters only) joined by a hyphen, and an accord whose id would give such an alias, or
    /// "public", is refused (<see cref="AccordAliasProblem"/>); the caller still refuses any list with a repeated id or alias.
    /// </summary>
    public static List<CollectionDescriptor> For(IEnumerable<Party> parties, IEnumerable<AccordInfo> accords)
    {
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(accords);
        var collections = new List<CollectionDescriptor>
        {
            new(IdFor("public"), "public", "Public", "Records any party may read (TLP:CLEAR and TLP:GREEN).", null),
        };
        foreach (var accord in accords.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var alias = accord.Id["accord--".Length..];
            collections.Add(new(
                IdFor(alias),
                alias,
                accord.Title,
                $"Exchange among the parties of {accord.Title}.",
                accord.Parties.ToHashSet(StringComparer.Ordinal)));
        }

        var states = parties.Where(p => p.Kind is "state" or "cert").OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        for (var i = 0; i < states.Count; i++)
        {
            for (var j = i + 1; j < states.Count; j++)
            {
                var alias = $"{states[i].Code}-{states[j].Code}".ToLowerInvariant();
                collections.Add(new(
                    IdFor(alias),
                    alias,
                    $"{states[i].Code} – {states[j].Code}",
                    $"Bilateral exchange between {states[i].Name} and {states[j].Name}.",
                    new HashSet<string>([states[i].Id, states[j].Id], StringComparer.Ordinal)));
            }
        }

        return collections;
    }

    /// <summary>The first collection id or alias that two collections share, or null when every one is unique.</summary>
    public static string? Collision(IReadOnlyList<CollectionDescriptor> collections)
    {
        ArgumentNullException.ThrowIfNull(collections);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var collection in collections)
        {
            if (!seen.Add("id:" + collection.Id) || !seen.Add("alias:" + collection.Alias))
            {
                return collection.Alias;
            }
        }

        return null;
    }

    /// <summary>Why an accord id cannot name a group collection, or null when it can.</summary>
    public static string? AccordAliasProblem(string accordId)
    {
        ArgumentNullException.ThrowIfNull(accordId);
        var alias = accordId.StartsWith("accord--", StringComparison.Ordinal) ? accordId["accord--".Length..] : accordId;
        if (alias.Length == 0 || !alias.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return "an accord id is accord--<lowercase letters, digits and hyphens>: its suffix names its collection";
        }

        if (alias == "public" || PairAlias().IsMatch(alias))
        {
            return $"'{alias}' has the form of another collection's alias (public, or two party codes such as cn-us); add a year or a word";
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]{2,12}-[a-z]{2,12}$")]
    private static partial System.Text.RegularExpressions.Regex PairAlias();

    /// <summary>A stable UUIDv4-shaped id per alias, so collection ids survive restarts and rebuilds.</summary>
    public static string IdFor(string alias) => StableUuids.For("cyberaccord-taxii-collection", alias).ToString();
}
