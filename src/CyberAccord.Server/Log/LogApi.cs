using CyberAccord.Log;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Server.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CyberAccord.Server.Log;

/// <summary>
/// The log over HTTP in the C2SP tlog-tiles layout under <c>/log/</c>: the checkpoint and hash tiles for anyone (they
/// reveal no content), entry bundles only to a party entitled to every record in them, and inclusion proofs. Everything is
/// read through the node's <see cref="TransparencyLog"/>, not from its files, so any storage the log has is served alike.
/// </summary>
public static partial class LogApi
{
    public static void MapLogApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var log = app.MapGroup("/log").WithTags("Log").ProducesProblems(503);

        log.MapGet("/checkpoint", GetCheckpoint).WithName("GetCheckpoint")
            .WithSummary("The latest signed checkpoint (a C2SP signed note): the log's size and root hash")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        log.MapGet("/log.json", GetLogConfig).WithName("GetLogConfig")
            .WithSummary("The log's origin and the verifier keys its checkpoints are signed with")
            .Produces<LogConfig>(StatusCodes.Status200OK, "application/json");
        log.MapGet("/tile/{**path}", GetTile).WithName("GetTile")
            .WithSummary("A hash tile (anyone) or an entry bundle (a party entitled to every entry in it), tlog-tiles layout")
            .WithMetadata(new OptionalCredentials())
            .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream")
            .ProducesProblems(401, 403, 404);
        log.MapGet("/proof/inclusion", GetInclusionProof).WithName("GetInclusionProof")
            .WithSummary("The inclusion proof of entry index in the published tree of size (default: the latest)")
            .ProducesProblems(400);
        log.MapGet("/proof/consistency", GetConsistencyProof).WithName("GetConsistencyProof")
            .WithSummary("That the tree of size first is a prefix of the tree of size second (default: the latest)")
            .ProducesProblems(400);
    }

    internal static async Task<FileContentHttpResult> GetCheckpoint(AccordServerContext context, CancellationToken ct)
    {
        var note = await context.Node.Log.Storage.ReadCheckpointAsync(ct).ConfigureAwait(false)
            ?? throw new LogCorruptException("checkpoint is missing", "checkpoint");
        return TypedResults.Bytes(note, "text/plain; charset=utf-8");
    }

    internal static FileContentHttpResult GetLogConfig(AccordServerContext context) =>
        TypedResults.Bytes(context.Node.Log.ReadConfigJson(), "application/json");
}
