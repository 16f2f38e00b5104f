using System.Globalization;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Log.Tiles;
using CyberAccord.Server.Auth;
using CyberAccord.Server.Taxii;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CyberAccord.Server.Log;

/// <summary>
/// The log over HTTP in the C2SP tlog-tiles layout under <c>/log/</c>: the checkpoint and hash tiles for anyone (they
/// reveal no content), entry bundles only to a party entitled to every record in them, and inclusion proofs.
/// </summary>
public static class LogApi
{
    public static void MapLogApi(this IEndpointRouteBuilder app, AccordServerContext context, string logDirectory)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(context);
        app.MapGet("/log/checkpoint", async (CancellationToken ct) =>
            Results.Bytes(await File.ReadAllBytesAsync(Path.Combine(logDirectory, "checkpoint"), ct).ConfigureAwait(false), "text/plain; charset=utf-8"));
        app.MapGet("/log/log.json", () => Results.File(Path.Combine(logDirectory, "log.json"), "application/json"));
        app.MapGet("/log/tile/{**path}", async (string path, HttpContext http, CancellationToken ct) =>
        {
            if (!TileId.TryParse("tile/" + path, out var tile))
            {
                return Results.NotFound();
            }

            var file = Path.Combine(logDirectory, tile.Path.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(file))
            {
                return Results.NotFound();
            }

            if (tile.IsEntryBundle)
            {
                var party = PartyClaims.Of(http.User);
                var first = tile.Index * TileId.FullWidth;
                // Every entry of the bundle, earlier versions of a record included: a walk over the bundle's width, not the log.
                var allowed = await context.Node.ReadAsync(state => state.Entries.Skip(state.IndexAfter(first - 1)).TakeWhile(r => r.Sequence < first + tile.Width)
                    .All(r => Visibility.CanSee(state, r, string.IsNullOrEmpty(party) ? null : party)), ct).ConfigureAwait(false);
                if (!allowed)
                {
                    return string.IsNullOrEmpty(party) ? Results.Unauthorized() : Results.StatusCode(403);
                }
            }

            http.Response.Headers.CacheControl = tile.IsPartial ? "no-cache" : "public, max-age=31536000, immutable";
            return Results.File(file, "application/octet-stream");
        });
        app.MapGet("/log/proof/inclusion", async (long index, long? size, CancellationToken ct) =>
        {
            var treeSize = size ?? context.Node.Log.Checkpoint.Size;
            if (index < 0 || treeSize > context.Node.Log.Checkpoint.Size || index >= treeSize)
            {
                return Results.Problem(statusCode: 400, title: "index or size out of range", detail: $"index {index} is not in a published tree of size {treeSize}");
            }

            var proof = await context.Node.Log.ProveInclusionAsync(index, treeSize, ct).ConfigureAwait(false);
            return Results.Json(new { index, tree_size = treeSize, hashes = proof.Select(Convert.ToBase64String) });
        });

        // That a tree of size first is a prefix of the tree of size second: nothing a reader saw was rewritten or dropped.
        app.MapGet("/log/proof/consistency", async (long first, long? second, CancellationToken ct) =>
        {
            var newSize = second ?? context.Node.Log.Checkpoint.Size;
            if (first < 0 || newSize > context.Node.Log.Checkpoint.Size || first > newSize)
            {
                return Results.Problem(statusCode: 400, title: "sizes out of range", detail: $"need 0 <= first ({first}) <= second ({newSize}) <= the published size ({context.Node.Log.Checkpoint.Size})");
            }

            var proof = await context.Node.Log.ProveConsistencyAsync(first, newSize, ct).ConfigureAwait(false);
            return Results.Json(new { first, second = newSize, hashes = proof.Select(Convert.ToBase64String) });
        });
    }
}
