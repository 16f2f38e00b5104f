using System.Text.Json;
using CyberAccord.Log.Merkle;

namespace CyberAccord.Log.Tests.Merkle;

/// <summary>The transparency-dev/merkle probes (good proofs and every corrupted variant), and real CT proofs.</summary>
public sealed class ProofVerifierTests
{
    private const string ProbeRoot = "tlog/transparency-dev-merkle/testdata";

    public static TheoryData<string> InclusionProbes() => Probes("inclusion");

    public static TheoryData<string> ConsistencyProbes() => Probes("consistency");

    private static TheoryData<string> Probes(string kind)
    {
        var data = new TheoryData<string>();
        var root = TestData.PathOf($"{ProbeRoot}/{kind}");
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }

        return data;
    }

    private static byte[][] Hashes(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? [] : element.EnumerateArray().Select(e => TestData.B64(e.GetString()!)).ToArray();

    private static byte[] Bytes(JsonElement element) => element.ValueKind == JsonValueKind.Null ? [] : TestData.B64(element.GetString()!);

    [Fact]
    public void All_ninety_eight_probes_of_each_kind_are_present()
    {
        Assert.Equal(98, InclusionProbes().Count);
        Assert.Equal(98, ConsistencyProbes().Count);
    }

    [Theory]
    [MemberData(nameof(InclusionProbes))]
    public void Inclusion_probe_is_accepted_or_rejected_as_upstream_says(string probe)
    {
        var json = TestData.Json($"{ProbeRoot}/inclusion/{probe}");
        var ok = ProofVerifier.TryVerifyInclusion(
            unchecked((long)json.GetProperty("leafIdx").GetUInt64()), unchecked((long)json.GetProperty("treeSize").GetUInt64()),
            Bytes(json.GetProperty("leafHash")), Hashes(json.GetProperty("proof")), Bytes(json.GetProperty("root")), out var error);
        Assert.True(ok == !json.GetProperty("wantErr").GetBoolean(),
            $"{json.GetProperty("desc").GetString()}: verified={ok} error={error}");
    }

    [Theory]
    [MemberData(nameof(ConsistencyProbes))]
    public void Consistency_probe_is_accepted_or_rejected_as_upstream_says(string probe)
    {
        var json = TestData.Json($"{ProbeRoot}/consistency/{probe}");
        var ok = ProofVerifier.TryVerifyConsistency(
            unchecked((long)json.GetProperty("size1").GetUInt64()), unchecked((long)json.GetProperty("size2").GetUInt64()),
            Hashes(json.GetProperty("proof")), Bytes(json.GetProperty("root1")), Bytes(json.GetProperty("root2")), out var error);
        Assert.True(ok == !json.GetProperty("wantErr").GetBoolean(),
            $"{json.GetProperty("desc").GetString()}: verified={ok} error={error}");
    }

    public static TheoryData<string> ReferenceInclusionProofs() =>
        NamedVectors.Names(ReferenceProofs.InclusionProofs, ReferenceProofs.InclusionName);

    [Theory]
    [MemberData(nameof(ReferenceInclusionProofs))]
    public void Reference_tree_inclusion_proof_verifies(string vector)
    {
        var proof = NamedVectors.Find(ReferenceProofs.InclusionProofs, ReferenceProofs.InclusionName, vector);
        var hashes = proof.GetProperty("proofHex").EnumerateArray().Select(e => TestData.Hex(e.GetString()!)).ToArray();
        ProofVerifier.VerifyInclusion(proof.GetProperty("leafIndex").GetInt64(), proof.GetProperty("treeSize").GetInt64(),
            TestData.Hex(proof.GetProperty("leafHashHex").GetString()!), hashes, TestData.Hex(proof.GetProperty("rootHex").GetString()!));
    }

    [Fact]
    public void Real_argon2020_ct_inclusion_proof_verifies_and_a_flipped_bit_does_not()
    {
        var sth = TestData.Json("tlog/golang-mod-sumdb/argon2020/sth.json");
        var proof = TestData.Json("tlog/golang-mod-sumdb/argon2020/proof.json");
        var entry = TestData.Json("tlog/golang-mod-sumdb/argon2020/entries.json").GetProperty("entries")[0];
        var leafHash = Rfc6962.HashLeaf(TestData.B64(entry.GetProperty("leaf_input").GetString()!));
        var path = proof.GetProperty("audit_path").EnumerateArray().Select(e => TestData.B64(e.GetString()!)).ToArray();
        var size = sth.GetProperty("tree_size").GetInt64();
        var root = TestData.B64(sth.GetProperty("sha256_root_hash").GetString()!);
        var index = proof.GetProperty("leaf_index").GetInt64();

        ProofVerifier.VerifyInclusion(index, size, leafHash, path, root);

        path[7][3] ^= 0x10;
        Assert.Throws<ProofException>(() => ProofVerifier.VerifyInclusion(index, size, leafHash, path, root));
    }

    [Fact]
    public void Real_argon2020_ct_consistency_proof_verifies_and_a_wrong_old_root_does_not()
    {
        var sth = TestData.Json("tlog/golang-mod-sumdb/argon2020/sth.json");
        var proof = TestData.Json("tlog/golang-mod-sumdb/argon2020/consistency.json").GetProperty("consistency").EnumerateArray()
            .Select(e => TestData.B64(e.GetString()!)).ToArray();
        var oldRoot = TestData.B64("AuIZ5V6sDUj1vn3Y1K85oOaQ7y+FJJKtyRTl1edIKBQ=");
        var newRoot = TestData.B64(sth.GetProperty("sha256_root_hash").GetString()!);
        var newSize = sth.GetProperty("tree_size").GetInt64();

        ProofVerifier.VerifyConsistency(3_654_490, newSize, proof, oldRoot, newRoot);

        oldRoot[0] ^= 1;
        Assert.Throws<ProofException>(() => ProofVerifier.VerifyConsistency(3_654_490, newSize, proof, oldRoot, newRoot));
    }
}
