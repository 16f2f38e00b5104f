using CyberAccord.Log.Merkle;

namespace CyberAccord.Log.Tests.Merkle;

public sealed class Rfc6962Tests
{
    private static readonly System.Text.Json.JsonElement Vectors = TestData.Json("tlog/extracted/rfc6962-reference-tree.json");

    private static System.Text.Json.JsonElement HasherVectors => Vectors.GetProperty("hasherVectors");

    private static System.Text.Json.JsonElement ReferenceTree => Vectors.GetProperty("referenceTree");

    public static TheoryData<string> HasherVectorNames() => NamedVectors.Names(HasherVectors, NamedVectors.Desc);

    public static TheoryData<string> ReferenceTreeSizes() => NamedVectors.PropertyNames(ReferenceTree.GetProperty("rootHexBySize"));

    /// <summary>The empty tree's root, a leaf's hash or a node's hash, by what the vector gives: children, a leaf, or nothing.</summary>
    [Theory]
    [MemberData(nameof(HasherVectorNames))]
    public void Hasher_vector_holds(string vector)
    {
        var hasher = NamedVectors.Find(HasherVectors, NamedVectors.Desc, vector);
        string actual;
        if (hasher.TryGetProperty("leftHex", out var left))
        {
            var right = hasher.GetProperty("rightHex");
            actual = Convert.ToHexStringLower(Rfc6962.HashChildren(TestData.Hex(left.GetString()!), TestData.Hex(right.GetString()!)));
        }
        else if (hasher.TryGetProperty("leafInputHex", out var input))
        {
            actual = Convert.ToHexStringLower(Rfc6962.HashLeaf(TestData.Hex(input.GetString()!)));
        }
        else
        {
            actual = Convert.ToHexStringLower(Rfc6962.EmptyRoot);
        }

        Assert.Equal(hasher.GetProperty("expectedHex").GetString(), actual);
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
    public void The_reference_tree_gives_a_root_for_every_size_from_0_to_its_8_leaves()
    {
        Assert.Equal(Enumerable.Range(0, 9).Select(size => size.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ReferenceTreeSizes().Select((object[] row) => (string)row[0]));
    }

    [Theory]
    [MemberData(nameof(ReferenceTreeSizes))]
    public void Frontier_root_matches_the_reference_tree_of_that_size(string size)
    {
        var inputs = ReferenceTree.GetProperty("leafInputsHex").EnumerateArray().Select(e => TestData.Hex(e.GetString()!));
        var frontier = new MerkleFrontier();
        foreach (var input in inputs.Take(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture)))
        {
            frontier.Append(Rfc6962.HashLeaf(input));
        }

        Assert.Equal(ReferenceTree.GetProperty("rootHexBySize").GetProperty(size).GetString(), Convert.ToHexStringLower(frontier.Root()));
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
