using CyberAccord.Log.Merkle;

namespace CyberAccord.Log.Tests.Merkle;

public sealed class MerkleProofsTests
{
    private static MemoryStoredHashes ReferenceTree(int size) =>
        MemoryStoredHashes.Of(ReferenceProofs.Reference.GetProperty("referenceTree").GetProperty("leafInputsHex").EnumerateArray()
            .Take(size).Select(e => TestData.Hex(e.GetString()!)));

    public static TheoryData<string> InclusionProofs() =>
        NamedVectors.Names(ReferenceProofs.InclusionProofs, ReferenceProofs.InclusionName);

    public static TheoryData<string> ConsistencyProofs() =>
        NamedVectors.Names(ReferenceProofs.ConsistencyProofs, ReferenceProofs.ConsistencyName);

    [Theory]
    [MemberData(nameof(InclusionProofs))]
    public async Task Inclusion_proof_equals_the_reference_proof(string vector)
    {
        var expected = NamedVectors.Find(ReferenceProofs.InclusionProofs, ReferenceProofs.InclusionName, vector);
        var size = expected.GetProperty("treeSize").GetInt32();
        var proof = await MerkleProofs.InclusionAsync(ReferenceTree(size), expected.GetProperty("leafIndex").GetInt64(), size,
            CancellationToken.None);
        Assert.Equal(expected.GetProperty("proofHex").EnumerateArray().Select(e => e.GetString()), proof.Select(Convert.ToHexStringLower));
    }

    [Theory]
    [MemberData(nameof(ConsistencyProofs))]
    public async Task Consistency_proof_equals_the_reference_proof(string vector)
    {
        var expected = NamedVectors.Find(ReferenceProofs.ConsistencyProofs, ReferenceProofs.ConsistencyName, vector);
        var size1 = expected.GetProperty("size1").GetInt64();
        var size2 = expected.GetProperty("size2").GetInt32();
        var proof = await MerkleProofs.ConsistencyAsync(ReferenceTree(size2), size1, size2, CancellationToken.None);
        Assert.Equal(expected.GetProperty("proofHex").EnumerateArray().Select(e => e.GetString()), proof.Select(Convert.ToHexStringLower));
    }

    [Fact]
    public async Task Every_inclusion_and_consistency_proof_of_a_300_leaf_tree_verifies_against_independent_roots()
    {
        var leaves = Enumerable.Range(0, 300).Select(i => System.Text.Encoding.UTF8.GetBytes($"leaf {i}")).ToArray();
        var tree = MemoryStoredHashes.Of(leaves);
        var roots = new byte[301][];
        var frontier = new MerkleFrontier();
        roots[0] = frontier.Root();
        for (var i = 0; i < 300; i++)
        {
            frontier.Append(Rfc6962.HashLeaf(leaves[i]));
            roots[i + 1] = frontier.Root();
        }

        foreach (var size in new[] { 1, 2, 3, 7, 8, 9, 255, 256, 257, 299, 300 })
        {
            Assert.Equal(roots[size], await MerkleProofs.TreeHashAsync(tree, size, CancellationToken.None));
            for (var index = 0; index < size; index++)
            {
                var proof = await MerkleProofs.InclusionAsync(tree, index, size, CancellationToken.None);
                ProofVerifier.VerifyInclusion(index, size, Rfc6962.HashLeaf(leaves[index]), proof, roots[size]);
            }

            for (var old = 1; old <= size; old++)
            {
                var proof = await MerkleProofs.ConsistencyAsync(tree, old, size, CancellationToken.None);
                ProofVerifier.VerifyConsistency(old, size, proof, roots[old], roots[size]);
            }
        }
    }

    [Fact]
    public async Task Derived_300_leaf_vectors_match()
    {
        var tree300 = TestData.Json("tlog/derived/derived-vectors.json").GetProperty("tree300");
        var tree = MemoryStoredHashes.Of(Enumerable.Range(0, 300).Select(i => System.Text.Encoding.UTF8.GetBytes($"leaf {i}")));
        Assert.Equal(tree300.GetProperty("rootHex").GetString(), Convert.ToHexStringLower(tree.Root));
        Assert.Equal(tree300.GetProperty("root256Hex").GetString(),
            Convert.ToHexStringLower(await MerkleProofs.TreeHashAsync(tree, 256, CancellationToken.None)));
        var inclusion = await MerkleProofs.InclusionAsync(tree, 257, 300, CancellationToken.None);
        Assert.Equal(tree300.GetProperty("inclusion_index_257_size_300").EnumerateArray().Select(e => e.GetString()),
            inclusion.Select(Convert.ToHexStringLower));
        var consistency = await MerkleProofs.ConsistencyAsync(tree, 256, 300, CancellationToken.None);
        Assert.Equal(tree300.GetProperty("consistency_256_to_300").EnumerateArray().Select(e => e.GetString()),
            consistency.Select(Convert.ToHexStringLower));
    }

    [Fact]
    public async Task Proof_requests_outside_the_tree_are_refused()
    {
        var tree = ReferenceTree(8);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
            await MerkleProofs.InclusionAsync(tree, 8, 8, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
            await MerkleProofs.ConsistencyAsync(tree, 9, 8, CancellationToken.None));
    }
}
