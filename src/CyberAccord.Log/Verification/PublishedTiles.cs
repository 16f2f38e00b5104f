using CyberAccord.Log.Merkle;
using CyberAccord.Log.Tiles;

namespace CyberAccord.Log.Verification;

/// <summary>Reading a published log's hash tiles, which must hold exactly the hashes their path's width names.</summary>
internal static class PublishedTiles
{
    /// <summary>Reads a hash tile; throws <see cref="LogCorruptException"/> naming it when it is missing or not of its width.</summary>
    public static async ValueTask<byte[]> ReadHashTileAsync(ITileSource source, TileId tile, CancellationToken cancellationToken)
    {
        var data = await source.ReadAsync(tile.Path, cancellationToken).ConfigureAwait(false)
            ?? throw new LogCorruptException($"{tile.Path} is missing", tile.Path);
        var length = tile.Width * Rfc6962.HashSize;
        if (data.Length != length)
        {
            throw new LogCorruptException($"{tile.Path} is {data.Length} bytes, expected {length} (truncated or padded)", tile.Path);
        }

        return data;
    }
}
