using System.Buffers.Binary;
using System.Net;
using CyberAccord.Accord.Matching;
using CyberAccord.Accord.State;

namespace CyberAccord.Accord.Tests.Matching;

public sealed class ScopeIndexTests
{
    private static uint Ip(string address) => BinaryPrimitives.ReadUInt32BigEndian(IPAddress.Parse(address).GetAddressBytes());

    [Fact]
    public void Nested_and_overlapping_prefixes_report_every_owner()
    {
        var index = ScopeIndex.FromPrefixes(
        [
            (Ip("10.0.0.0"), Ip("10.255.255.255"), "a"),
            (Ip("10.1.0.0"), Ip("10.1.255.255"), "b"),
            (Ip("10.1.2.0"), Ip("10.1.2.255"), "a"),
        ]);
        Assert.Equal(["a"], index.Lookup(Ip("10.0.0.1")));
        Assert.Equal(["a", "b"], index.Lookup(Ip("10.1.0.0")));
        Assert.Equal(["a", "b"], index.Lookup(Ip("10.1.2.3")));
        Assert.Equal(["a"], index.Lookup(Ip("10.255.255.255")));
        Assert.Empty(index.Lookup(Ip("11.0.0.0")));
        Assert.Empty(index.Lookup(Ip("9.255.255.255")));
    }

    [Fact]
    public void Lookups_agree_with_brute_force_on_random_prefixes()
    {
        var random = new Random(11);
        var prefixes = new List<(uint, uint, string)>();
        for (var i = 0; i < 2_000; i++)
        {
            var length = random.Next(8, 33);
            var start = (uint)random.NextInt64(0, 1L << 32) & (length == 32 ? uint.MaxValue : ~(uint.MaxValue >> length));
            var end = length == 32 ? start : start | (uint.MaxValue >> length);
            prefixes.Add((start, end, "p" + random.Next(5)));
        }

        var index = ScopeIndex.FromPrefixes(prefixes);
        for (var i = 0; i < 20_000; i++)
        {
            var address = i % 2 == 0 ? (uint)random.NextInt64(0, 1L << 32) : prefixes[random.Next(prefixes.Count)].Item1;
            var expected = prefixes
                .Where(p => p.Item1 <= address && address <= p.Item2)
                .Select(p => p.Item3)
                .Distinct()
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected, index.Lookup(address));
        }
    }

    [Fact]
    public void Asns_and_domain_suffixes_match_their_owners()
    {
        var designation = new Designation(
            "ci-designation--x",
            "party--cn",
            "f",
            "l",
            DateTime.UnixEpoch,
            [new CiSector("gov", "Government", "government", null)],
            [new CiScope("gov", ["192.0.2.0/24"], [], ["4134"], ["gov.cn.example"])],
            DateTime.UnixEpoch);
        var index = ScopeIndex.Build([designation]);
        Assert.Equal(["party--cn:gov"], index.Matches(new Asset("asn", "AS4134")));
        Assert.Equal(["party--cn:gov"], index.Matches(new Asset("domain", "www.beijing.gov.cn.example")));
        Assert.Empty(index.Matches(new Asset("domain", "notgov.cn.example")));
        Assert.Equal(["party--cn:gov"], index.Matches(new Asset("ipv4", "192.0.2.200")));
    }

    [Fact]
    public void Ranges_reaching_the_top_of_the_address_space_close_properly()
    {
        var index = ScopeIndex.FromPrefixes([(Ip("255.0.0.0"), Ip("255.255.255.255"), "top"), (0u, Ip("0.255.255.255"), "bottom")]);
        Assert.Equal(["top"], index.Lookup(uint.MaxValue));
        Assert.Equal(["bottom"], index.Lookup(0));
        Assert.Empty(index.Lookup(Ip("254.255.255.255")));
    }

    [Fact]
    public void Ipv6_prefixes_match_nested_owners()
    {
        var designation = new Designation(
            "ci-designation--y",
            "party--de",
            "f",
            "l",
            DateTime.UnixEpoch,
            [new CiSector("energy", "Energy", "energy", null), new CiSector("grid", "Grid", "energy", null)],
            [new CiScope("energy", [], ["2001:db8::/32"], [], []), new CiScope("grid", [], ["2001:db8:1::/48", "ffff::/16"], [], [])],
            DateTime.UnixEpoch);
        var index = ScopeIndex.Build([designation]);
        Assert.Equal(["party--de:energy"], index.Matches(new Asset("ipv6", "2001:db8:2::1")));
        Assert.Equal(["party--de:energy", "party--de:grid"], index.Matches(new Asset("ipv6", "2001:db8:1::99")));
        Assert.Empty(index.Matches(new Asset("ipv6", "2001:db9::1")));
        Assert.Equal(["party--de:grid"], index.Matches(new Asset("ipv6", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")));
    }
}
