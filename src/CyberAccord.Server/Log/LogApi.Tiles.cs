using CyberAccord.Accord.State;
using CyberAccord.Log.Tiles;
using CyberAccord.Server.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyberAccord.Server.Log;

public static partial class LogApi
{
    internal static async Task<Results<FileContentHttpResult, NotFound, UnauthorizedHttpResult, StatusCodeHttpResult>> GetTile(
        string path, HttpContext http, AccordServerContext context, CancellationToken ct)
    {
        if (!TileId.TryParse("tile/" + path, out var tile))
        {
            return TypedResults.NotFound();
        }

        // Read first, so that a tile the log does not hold is 404 whoever asks.
        var data = await context.Node.Log.Storage.ReadTileAsync(tile, ct).ConfigureAwait(false);
        if (data is null)
        {
            return TypedResults.NotFound();
        }

        if (tile.IsEntryBundle)
        {
            var party = PartyClaims.Of(http.User);
            var first = tile.Index * TileId.FullWidth;

            // Every entry of the bundle, earlier versions of a record included: a walk over the bundle's width, not the log.
            var allowed = await context.Node.ReadAsync(
                state => state.Entries.Skip(state.IndexAfter(first - 1)).TakeWhile(r => r.Sequence < first + tile.Width)
                    .All(r => Visibility.CanSee(state, r, string.IsNullOrEmpty(party) ? null : party)),
                ct).ConfigureAwait(false);
            if (!allowed)
            {
                return string.IsNullOrEmpty(party)
                    ? TypedResults.Unauthorized()
                    : TypedResults.StatusCode(StatusCodes.Status403Forbidden);
            }
        }

        http.Response.Headers.CacheControl = tile.IsPartial ? "no-cache" : "public, max-age=31536000, immutable";
        return TypedResults.Bytes(data, "application/octet-stream");
    }
}
