using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyberAccord.Server.Log;

/// <summary>An inclusion proof: the hashes that lead from entry <c>index</c> to the root of the tree of <c>tree_size</c>.</summary>
public sealed record InclusionProof(
    [property: JsonPropertyName("index")] long Index,
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("hashes")] IReadOnlyList<string> Hashes);

/// <summary>A consistency proof between the trees of sizes <c>first</c> and <c>second</c>.</summary>
public sealed record ConsistencyProof(
    [property: JsonPropertyName("first")] long First,
    [property: JsonPropertyName("second")] long Second,
    [property: JsonPropertyName("hashes")] IReadOnlyList<string> Hashes);

public static partial class LogApi
{
    internal static async Task<Results<Ok<InclusionProof>, ProblemHttpResult>> GetInclusionProof(
        long index, long? size, AccordServerContext context, CancellationToken ct)
    {
        var published = context.Node.Log.Checkpoint.Size;
        var treeSize = size ?? published;
        if (index < 0 || treeSize > published || index >= treeSize)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "index or size out of range",
                detail: $"index {index} is not in a published tree of size {treeSize}");
        }

        var proof = await context.Node.Log.ProveInclusionAsync(index, treeSize, ct).ConfigureAwait(false);
        return TypedResults.Ok(new InclusionProof(index, treeSize, Array.ConvertAll(proof, Convert.ToBase64String)));
    }

    // That a tree of size first is a prefix of the tree of size second: nothing a reader saw was rewritten or dropped.
    internal static async Task<Results<Ok<ConsistencyProof>, ProblemHttpResult>> GetConsistencyProof(
        long first, long? second, AccordServerContext context, CancellationToken ct)
    {
        var published = context.Node.Log.Checkpoint.Size;
        var newSize = second ?? published;
        if (first < 0 || newSize > published || first > newSize)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "sizes out of range",
                detail: $"need 0 <= first ({first}) <= second ({newSize}) <= the published size ({published})");
        }

        var proof = await context.Node.Log.ProveConsistencyAsync(first, newSize, ct).ConfigureAwait(false);
        return TypedResults.Ok(new ConsistencyProof(first, newSize, Array.ConvertAll(proof, Convert.ToBase64String)));
    }
}
