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
    private UInt128[] _starts6 = [];
    private int[] _owners6 = [];
    private string[][] _ownerSets6 = [];
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
        var prefixes6 = new List<(UInt128 Start, UInt128 End, string Owner)>();
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

                foreach (var prefix in scope.Ipv6)
                {
                    var network = IPNetwork.Parse(prefix);
                    var start = BinaryPrimitives.ReadUInt128BigEndian(network.BaseAddress.GetAddressBytes());
                    var end = network.PrefixLength == 0 ? UInt128.MaxValue : start | (UInt128.MaxValue >> network.PrefixLength);
                    prefixes6.Add((start, end, label));
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

        var index = FromPrefixes(
            prefixes,
            asns.ToDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal),
            domains);
        (index._starts6, index._owners6, index._ownerSets6) =
            Sweep(prefixes6.Select(p => (p.Start, p.End, p.Owner)).ToList(), UInt128.MaxValue);
        return index;
    }

    /// <summary>Builds the range table from raw prefixes: a sweep over start and end events.</summary>
    public static ScopeIndex FromPrefixes(
        IReadOnlyList<(uint Start, uint End, string Owner)> prefixes,
        Dictionary<string, string[]>? asns = null,
        List<(string, string)>? domains = null)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        var (starts, owners, sets) = Sweep(prefixes.Select(p => ((UInt128)p.Start, (UInt128)p.End, p.Owner)).ToList(), uint.MaxValue);
        return new ScopeIndex(starts.Select(s => (uint)s).ToArray(), owners, sets, asns ?? [], domains ?? []);
    }

    /// <summary>
    /// Flattens possibly nested or overlapping ranges into sorted disjoint ranges, each with the set of owners covering it.
    /// Adjacent ranges with the same owners are merged.
    /// </summary>
    private static (UInt128[] Starts, int[] Owners, string[][] Sets) Sweep(
        List<(UInt128 Start, UInt128 End, string Owner)> ranges,
        UInt128 max)
    {
        var events = new List<(UInt128 At, bool Open, bool PastEnd, string Owner)>(ranges.Count * 2);
        foreach (var (start, end, owner) in ranges)
        {
            events.Add((start, true, false, owner));

            // A range ending at the top of the space closes "after" it; the flag stands in for max + 1, which does not fit.
            events.Add(end == max ? (max, false, true, owner) : (end + 1, false, false, owner));
        }

        events.Sort((a, b) => a.PastEnd != b.PastEnd
            ? a.PastEnd.CompareTo(b.PastEnd)
            : a.At != b.At ? a.At.CompareTo(b.At) : a.Open.CompareTo(b.Open));
        var active = new Dictionary<string, int>(StringComparer.Ordinal);
        var starts = new List<UInt128>();
        var owners = new List<int>();
        var sets = new List<string[]> { Array.Empty<string>() };
        var setIndex = new Dictionary<string, int>(StringComparer.Ordinal) { [string.Empty] = 0 };
        var i = 0;
        while (i < events.Count && !events[i].PastEnd)
        {
            var at = events[i].At;
            for (; i < events.Count && !events[i].PastEnd && events[i].At == at; i++)
            {
                var (_, open, _, owner) = events[i];
                active[owner] = active.GetValueOrDefault(owner) + (open ? 1 : -1);
                if (active[owner] == 0)
                {
                    active.Remove(owner);
                }
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

            starts.Add(at);
            owners.Add(index);
        }

        return ([.. starts], [.. owners], [.. sets]);
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
            case "ipv6" when IPAddress.TryParse(asset.Value, out var address6) && address6.AddressFamily == AddressFamily.InterNetworkV6:
                var value = BinaryPrimitives.ReadUInt128BigEndian(address6.GetAddressBytes());
                var at = Array.BinarySearch(_starts6, value);
                at = at < 0 ? ~at - 1 : at;
                return at < 0 ? [] : _ownerSets6[_owners6[at]];
            case "asn":
                return _asns.TryGetValue(
                        asset.Value.StartsWith("AS", StringComparison.OrdinalIgnoreCase) ? asset.Value[2..] : asset.Value,
                        out var owners)
                    || _asns.TryGetValue(asset.Value, out owners)
                    ? owners
                    : [];
            case "domain":
                var name = asset.Value.TrimEnd('.').ToLowerInvariant();
                return _domains
                    .Where(d => name == d.Suffix || name.EndsWith("." + d.Suffix, StringComparison.Ordinal))
                    .Select(d => d.Owner)
                    .Distinct()
                    .ToList();
            default:
                return [];
        }
    }
}
