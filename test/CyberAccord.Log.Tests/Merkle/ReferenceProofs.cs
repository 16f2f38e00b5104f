using System.Text.Json;

namespace CyberAccord.Log.Tests.Merkle;

/// <summary>The hard-coded proofs of transparency-dev/merkle's 8-leaf reference tree, named by what each proves.</summary>
internal static class ReferenceProofs
{
    public static readonly JsonElement Reference = TestData.Json("tlog/extracted/rfc6962-reference-tree.json");

    public static JsonElement InclusionProofs => Reference.GetProperty("inclusionProofs");

    public static JsonElement ConsistencyProofs => Reference.GetProperty("consistencyProofs");

    public static string InclusionName(JsonElement proof) =>
        $"leaf {proof.GetProperty("leafIndex").GetInt64()} in a tree of {proof.GetProperty("treeSize").GetInt64()}";

    public static string ConsistencyName(JsonElement proof) =>
        $"size {proof.GetProperty("size1").GetInt64()} to {proof.GetProperty("size2").GetInt64()}";
}
