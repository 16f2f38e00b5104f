using CyberAccord.Log.Merkle;
using CyberAccord.Log.Tiles;

namespace CyberAccord.Log.Verification;

/// <summary>
/// Reads stored hashes out of a published log's tiles, the way a client that has only the public files
/// builds its own proofs: a hash at level L is in the tile of level L/8, or is the root of 2^(L mod 8)
/// consecutive hashes there. Tiles are cached; full tiles never change, so the cache never goes stale.
/// </summary>
public sealed class TileHashReader(ITileSource source, long treeSize, int cachedTiles = 4096) : IStoredHashReader
{
    private readonly Dictionary<TileId, byte[]> _cache = [];
    private readonly Queue<TileId> _order = new();

    public async ValueTask ReadHashesAsync(ReadOnlyMemory<long> positions, Memory<byte> destination, CancellationToken cancellationToken)
    {
        for (var i = 0; i < positions.Length; i++)
        {
            var (level, index) = StoredHashes.Split(positions.Span[i]);
            var hash = await HashAsync(level, index, cancellationToken).ConfigureAwait(false);
            hash.CopyTo(destination.Span.Slice(i * Rfc6962.HashSize, Rfc6962.HashSize));
        }
    }

    /// <summary>The hash of the complete subtree at <paramref name="level"/>, <paramref name="index"/>.</summary>
    public async ValueTask<byte[]> HashAsync(int level, long index, CancellationToken cancellationToken)
    {
        var tileLevel = level / TileId.Height;
        var subLevel = level % TileId.Height;
        var first = index << subLevel;
        var count = 1 << subLevel;
        if (first + count > TileLayout.HashesAtLevel(treeSize, tileLevel))
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"subtree ({level}, {index}) is not complete in a tree of {treeSize}");
        }

        var tile = TileLayout.TileHolding(treeSize, tileLevel, first);
        var data = await ReadTileAsync(tile, cancellationToken).ConfigureAwait(false);
        var offset = (int)(first % TileId.FullWidth);
        return Rfc6962.CompleteSubtreeRoot(data.AsSpan(offset * Rfc6962.HashSize, count * Rfc6962.HashSize));
    }

    private async ValueTask<byte[]> ReadTileAsync(TileId tile, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(tile, out var cached))
        {
            return cached;
        }

        var data = await PublishedTiles.ReadHashTileAsync(source, tile, cancellationToken).ConfigureAwait(false);
        if (_order.Count >= cachedTiles)
        {
            _cache.Remove(_order.Dequeue());
        }

        _cache[tile] = data;
        _order.Enqueue(tile);
        return data;
    }
}
