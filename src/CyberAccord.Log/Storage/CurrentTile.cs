using CyberAccord.Log.Tiles;

namespace CyberAccord.Log.Storage;

/// <summary>What <see cref="CurrentTile.ReadAsync"/> found: the file read (or, when none was, the one asked for) and its bytes.</summary>
internal readonly record struct TileRead(TileId Tile, byte[]? Data)
{
    public string Path => Tile.Path;
}

/// <summary>Reading a tile of the width a tree of some size uses, wherever integration left it.</summary>
internal static class CurrentTile
{
    /// <summary>
    /// Reads the tile a tree of this size uses: the exact (partial) tile, or the full one a later integration (published
    /// or not, a crashed one included) already wrote in its place, of which only the prefix counts.
    /// </summary>
    public static async ValueTask<TileRead> ReadAsync(ILogStorage storage, TileId tile, CancellationToken cancellationToken)
    {
        var data = await storage.ReadTileAsync(tile, cancellationToken).ConfigureAwait(false);
        if (data is not null || !tile.IsPartial)
        {
            return new TileRead(tile, data);
        }

        var full = tile.AsFull();
        data = await storage.ReadTileAsync(full, cancellationToken).ConfigureAwait(false);
        return data is null ? new TileRead(tile, null) : new TileRead(full, data);
    }
}
