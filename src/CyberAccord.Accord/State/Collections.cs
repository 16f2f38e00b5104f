using System.Security.Cryptography;
using System.Text;
namespace CyberAccord.Accord.State;

/// <summary>
/// A collection of shared STIX objects (served as a TAXII collection): public, one per multilateral group (accord), one per
/// pair of states. Who may read it, and who may see each object in it, is part of the accord's visibility rules.
/// </summary>
public sealed record CollectionDescriptor(string Id, string Alias, string Title, string Description, IReadOnlySet<string>? Members)
{
    public bool IsPublic => Members is null;

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

    public static IReadOnlyList<CollectionDescriptor> For(AccordState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var collections = new List<CollectionDescriptor> { new(IdFor("public"), "public", "Public", "Records any party may read (TLP:CLEAR and TLP:GREEN).", null) };
        foreach (var accord in state.Accords.Values.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var alias = accord.Id["accord--".Length..];
            collections.Add(new(IdFor(alias), alias, accord.Title, $"Exchange among the parties of {accord.Title}.", accord.Parties.ToHashSet(StringComparer.Ordinal)));
        }

        var states = state.Parties.Values.Where(p => p.Kind is "state" or "cert").OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        for (var i = 0; i < states.Count; i++)
        {
            for (var j = i + 1; j < states.Count; j++)
            {
                var alias = $"{states[i].Code}-{states[j].Code}".ToLowerInvariant();
                collections.Add(new(IdFor(alias), alias, $"{states[i].Code} – {states[j].Code}", $"Bilateral exchange between {states[i].Name} and {states[j].Name}.",
                    new HashSet<string>([states[i].Id, states[j].Id], StringComparer.Ordinal)));
            }
        }

        return collections;
    }

    /// <summary>A stable UUIDv4-shaped id per alias, so collection ids survive restarts and rebuilds.</summary>
    public static string IdFor(string alias)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("cyberaccord-taxii-collection|" + alias));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
