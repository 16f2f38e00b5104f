using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using CyberAccord.Accord.State;

namespace CyberAccord.Accord.Matching;

/// <summary>
/// Which parties' critical-infrastructure scopes an observable falls in. IPv4 prefixes, which may nest and
/// overlap, are flattened once into sorted disjoint ranges, each with the set of owners covering it, so a
/// lookup is one binary search.
/// </summary>
public sealed class ScopeIndex
{
    private readonly uint[] _starts;
    private readonly int[] _owners;
    private readonly string[][] _ownerSets;
    private readonly Dictionary<string, string[]> _asns;
    private readonly List<(string Suffix, string Owner)> _domains;

    private ScopeIndex(uint[] starts, int[] owners, string[][] ownerSets, Dictionary<string, string[]> asns, List<(string, string)> domains)
    {
        _starts = starts;
        _owners = owners;
        _ownerSets = ownerSets;
        _asns = asns;
        _domains = domains;
    }

    public int RangeCount => _starts.Length;

    public static ScopeIndex Build(IEnumerable<Designation> designations)
    {
        var prefixes = new List<(uint Start, uint End, string Owner)>();
        var asns = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var domains = new List<(string, string)>();
        foreach (var designation in designations)
        {
            foreach (var scope in designation.Scopes)
            {
                var label = $"{designation.Party}:{scope.Sector}";
                foreach (var prefix in scope.Ipv4)
                {
                    var network = IPNetwork.Parse(prefix);
                    var start = BinaryPrimitives.ReadUInt32BigEndian(network.BaseAddress.GetAddressBytes());
                    var end = network.PrefixLength == 0 ? uint.MaxValue : start | (uint.MaxValue >> network.PrefixLength);
                    prefixes.Add((start, end, label));
                }

                foreach (var asn in scope.Asns)
                {
                    if (!asns.TryGetValue(asn, out var set))
                    {
                        asns[asn] = set = [];
                    }

                    set.Add(label);
                }

                domains.AddRange(scope.Domains.Select(d => (d.TrimStart('.').ToLowerInvariant(), label)));
            }
        }

        return FromPrefixes(prefixes, asns.ToDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal), domains);
    }

    /// <summary>Builds the range table from raw prefixes: a sweep over start and end events.</summary>
    public static ScopeIndex FromPrefixes(IReadOnlyList<(uint Start, uint End, string Owner)> prefixes, Dictionary<string, string[]>? asns = null, List<(string, string)>? domains = null)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        var events = new List<(ulong At, bool Open, string Owner)>(prefixes.Count * 2);
        foreach (var (start, end, owner) in prefixes)
        {
            events.Add((start, true, owner));
            events.Add(((ulong)end + 1, false, owner));
        }

        events.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Open.CompareTo(b.Open));
        var active = new Dictionary<string, int>(StringComparer.Ordinal);
        var starts = new List<uint>();
        var owners = new List<int>();
        var sets = new List<string[]> { Array.Empty<string>() };
        var setIndex = new Dictionary<string, int>(StringComparer.Ordinal) { [string.Empty] = 0 };
        var i = 0;
        while (i < events.Count)
        {
            var at = events[i].At;
            for (; i < events.Count && events[i].At == at; i++)
            {
                var (_, open, owner) = events[i];
                active[owner] = active.GetValueOrDefault(owner) + (open ? 1 : -1);
                if (active[owner] == 0)
                {
                    active.Remove(owner);
                }
            }

            if (at > uint.MaxValue)
            {
                break;
            }

            var members = active.Keys.Order(StringComparer.Ordinal).ToArray();
            var key = string.Join('\n', members);
            if (!setIndex.TryGetValue(key, out var index))
            {
                index = sets.Count;
                sets.Add(members);
                setIndex[key] = index;
            }

            if (owners.Count > 0 && owners[^1] == index)
            {
                continue;
            }

            starts.Add((uint)at);
            owners.Add(index);
        }

        return new ScopeIndex([.. starts], [.. owners], [.. sets], asns ?? [], domains ?? []);
    }

    /// <summary>The owners (party:sector) whose IPv4 scopes contain <paramref name="address"/>.</summary>
    public IReadOnlyList<string> Lookup(uint address)
    {
        var at = Array.BinarySearch(_starts, address);
        if (at < 0)
        {
            at = ~at - 1;
        }

        return at < 0 ? [] : _ownerSets[_owners[at]];
    }

    public IReadOnlyList<string> Matches(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        switch (asset.Kind)
        {
            case "ipv4" when IPAddress.TryParse(asset.Value, out var address) && address.AddressFamily == AddressFamily.InterNetwork:
                return Lookup(BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes()));
            case "asn":
                return _asns.TryGetValue(asset.Value.StartsWith("AS", StringComparison.OrdinalIgnoreCase) ? asset.Value[2..] : asset.Value, out var owners) || _asns.TryGetValue(asset.Value, out owners) ? owners : [];
            case "domain":
                var name = asset.Value.TrimEnd('.').ToLowerInvariant();
                return _domains.Where(d => name == d.Suffix || name.EndsWith("." + d.Suffix, StringComparison.Ordinal)).Select(d => d.Owner).Distinct().ToList();
            default:
                return [];
        }
    }
}
