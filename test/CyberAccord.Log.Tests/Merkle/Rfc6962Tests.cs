using CyberAccord.Log.Merkle;

namespace CyberAccord.Log.Tests.Merkle;

public sealed class Rfc6962Tests
{
    private static readonly System.Text.Json.JsonElement Vectors = TestData.Json("tlog/extracted/rfc6962-reference-tree.json");

    [Fact]
    public void Empty_tree_root_is_sha256_of_nothing()
    {
        Assert.Equal(Vectors.GetProperty("hasherVectors")[0].GetProperty("expectedHex").GetString(), Convert.ToHexStringLower(Rfc6962.EmptyRoot));
    }

    [Fact]
    public void Leaf_and_node_hashes_match_the_hasher_vectors()
    {
        var vectors = Vectors.GetProperty("hasherVectors");
        Assert.Equal(vectors[1].GetProperty("expectedHex").GetString(), Convert.ToHexStringLower(Rfc6962.HashLeaf([])));
        Assert.Equal(vectors[2].GetProperty("expectedHex").GetString(), Convert.ToHexStringLower(Rfc6962.HashLeaf(TestData.Hex(vectors[2].GetProperty("leafInputHex").GetString()!))));
        var node = Rfc6962.HashChildren(TestData.Hex(vectors[3].GetProperty("leftHex").GetString()!), TestData.Hex(vectors[3].GetProperty("rightHex").GetString()!));
        Assert.Equal(vectors[3].GetProperty("expectedHex").GetString(), Convert.ToHexStringLower(node));
    }

    [Fact]
    public void A_node_hash_differs_from_the_leaf_hash_of_its_concatenated_children()
    {
        var left = Rfc6962.HashLeaf("a"u8);
        var right = Rfc6962.HashLeaf("b"u8);
        Assert.NotEqual(Rfc6962.HashChildren(left, right), Rfc6962.HashLeaf([.. left, .. right]));
    }

    [Fact]
    public void Large_entries_hash_like_small_ones()
    {
        var entry = new byte[40_000];
        new Random(1).NextBytes(entry);
        var expected = System.Security.Cryptography.SHA256.HashData([0x00, .. entry]);
        Assert.Equal(expected, Rfc6962.HashLeaf(entry));
    }

    [Fact]
    public void Frontier_roots_match_the_reference_tree_for_every_size()
    {
        var tree = Vectors.GetProperty("referenceTree");
        var inputs = tree.GetProperty("leafInputsHex").EnumerateArray().Select(e => TestData.Hex(e.GetString()!)).ToArray();
        var roots = tree.GetProperty("rootHexBySize");
        var frontier = new MerkleFrontier();
        Assert.Equal(roots.GetProperty("0").GetString(), Convert.ToHexStringLower(frontier.Root()));
        for (var size = 1; size <= inputs.Length; size++)
        {
            frontier.Append(Rfc6962.HashLeaf(inputs[size - 1]));
            Assert.Equal(roots.GetProperty(size.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetString(), Convert.ToHexStringLower(frontier.Root()));
        }
    }

    [Fact]
    public void Frontier_reports_every_node_of_the_reference_tree_at_its_level_and_index()
    {
        var tree = Vectors.GetProperty("referenceTree");
        var inputs = tree.GetProperty("leafInputsHex").EnumerateArray().Select(e => TestData.Hex(e.GetString()!)).ToArray();
        var levels = tree.GetProperty("nodeHashesByLevelHex");
        var seen = new Dictionary<(int, long), string>();
        var frontier = new MerkleFrontier();
        foreach (var input in inputs)
        {
            frontier.Append(Rfc6962.HashLeaf(input), (level, index, hash) => seen.Add((level, index), Convert.ToHexStringLower(hash)));
        }

        for (var level = 0; level < levels.GetArrayLength(); level++)
        {
            for (var index = 0; index < levels[level].GetArrayLength(); index++)
            {
                Assert.Equal(levels[level][index].GetString(), seen[(level, index)]);
            }
        }

        Assert.Equal(15, seen.Count);
    }
}
