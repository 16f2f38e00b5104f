using System.Buffers;
using CyberAccord.Log.Merkle;
using CyberAccord.Log.Storage;
using CyberAccord.Log.Tiles;

namespace CyberAccord.Log;

/// <summary>
/// Extends the tree from its published right edge: leaf hashes go into the level-0 tile, every
/// completed 256-leaf subtree's root into the tile one level up, and every new complete-subtree hash
/// into the stored-hash stream, each hash computed exactly once.
/// </summary>
internal sealed class Integrator
{
    private readonly List<byte[]>[] _levels = new List<byte[]>[8];
    private readonly List<ReadOnlyMemory<byte>> _bundle = new(TileId.FullWidth);
    private readonly List<TileData> _pendingTiles = [];
    private readonly ArrayBufferWriter<byte> _pendingHashes = new(64 * 1024);
    private readonly MerkleFrontier _frontier;
    private readonly Action<int, long, byte[]> _onCompleted;
    private long _hashPosition;

    private Integrator(long size, List<byte[]>[] levels, List<ReadOnlyMemory<byte>> bundle)
    {
        for (var i = 0; i < _levels.Length; i++)
        {
            _levels[i] = i < levels.Length ? levels[i] : new List<byte[]>(TileId.FullWidth);
        }

        _bundle.AddRange(bundle);
        _frontier = MerkleFrontier.Resume(size, level => SubtreeFromEdge(size, level));
        _hashPosition = StoredHashes.Count(size);
        _onCompleted = OnCompleted;
    }

    public long Size => _frontier.Size;

    /// <summary>Loads the right edge of the published tree of <paramref name="size"/> leaves from its partial tiles.</summary>
    public static async Task<Integrator> ResumeAsync(ILogStorage storage, long size, CancellationToken cancellationToken)
    {
        var levels = new List<List<byte[]>>();
        for (var level = 0; TileLayout.HashesAtLevel(size, level) > 0; level++)
        {
            var width = TileLayout.PartialWidth(size, level);
            var hashes = new List<byte[]>(TileId.FullWidth);
            if (width > 0)
            {
                var tile = TileId.Hashes(level, TileLayout.HashesAtLevel(size, level) / TileId.FullWidth, width);
                var data = await ReadPrefixAsync(storage, tile, width * Rfc6962.HashSize, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < width; i++)
                {
                    hashes.Add(data.AsSpan(i * Rfc6962.HashSize, Rfc6962.HashSize).ToArray());
                }
            }

            levels.Add(hashes);
        }

        var bundleWidth = (int)(size % TileId.FullWidth);
        var bundle = new List<ReadOnlyMemory<byte>>();
        if (bundleWidth > 0)
        {
            var tile = TileId.Entries(size / TileId.FullWidth, bundleWidth);
            var data = (await CurrentTile.ReadAsync(storage, tile, cancellationToken).ConfigureAwait(false)).Data
                ?? throw new LogCorruptException($"{tile.Path} is missing: cannot extend the tree", tile.Path);
            var all = EntryBundle.Decode(data, path: tile.Path);
            if (all.Count < bundleWidth)
            {
                throw new LogCorruptException($"{tile.Path} holds {all.Count} entries, expected {bundleWidth}", tile.Path);
            }

            bundle.AddRange(all.Take(bundleWidth));
        }

        return new Integrator(size, [.. levels], bundle);
    }

    /// <summary>Reads a partial tile, or the same prefix of its full tile when a crashed integration already replaced it.</summary>
    private static async Task<byte[]> ReadPrefixAsync(ILogStorage storage, TileId tile, int length, CancellationToken cancellationToken)
    {
        var data = (await CurrentTile.ReadAsync(storage, tile, cancellationToken).ConfigureAwait(false)).Data
            ?? throw new LogCorruptException($"{tile.Path} is missing: cannot extend the tree", tile.Path);
        if (data.Length < length || data.Length % Rfc6962.HashSize != 0)
        {
            throw new LogCorruptException($"{tile.Path} is {data.Length} bytes, expected {length}", tile.Path);
        }

        return data;
    }

    /// <summary>The hash of the frontier subtree at <paramref name="level"/>, taken from the edge tile that holds it.</summary>
    private byte[] SubtreeFromEdge(long size, int level)
    {
        var tileLevel = level / TileId.Height;
        var subLevel = level % TileId.Height;
        var index = (size >> level) - 1;
        var start = (int)((index << subLevel) % TileId.FullWidth);
        return Rfc6962.CompleteSubtreeRoot(Concat(_levels[tileLevel].GetRange(start, 1 << subLevel)));
    }

    /// <summary>
    /// Refuses to extend a tree whose right edge, as read from its partial tiles and bundle, is not the one the checkpoint
    /// signed: a damaged edge would otherwise be built upon and signed over in the next checkpoint.
    /// </summary>
    public void RequireEdgeMatches(ReadOnlySpan<byte> checkpointRoot, long size)
    {
        var bundleTile = _bundle.Count == 0 ? string.Empty : TileId.Entries(size / TileId.FullWidth, _bundle.Count).Path;
        Span<byte> leaf = stackalloc byte[Rfc6962.HashSize];
        for (var i = 0; i < _bundle.Count; i++)
        {
            Rfc6962.HashLeaf(_bundle[i].Span, leaf);
            if (!leaf.SequenceEqual(_levels[0][i]))
            {
                throw new LogCorruptException(
                    $"{bundleTile}: entry {size - _bundle.Count + i} does not hash to its level-0 tile; run 'accord log fsck'", bundleTile);
            }
        }

        if (!_frontier.Root().AsSpan().SequenceEqual(checkpointRoot))
        {
            throw new LogCorruptException(
                $"the partial tiles at size {size} do not fold to the checkpoint's root; run 'accord log fsck'", "tile");
        }
    }

    public void Append(ReadOnlyMemory<byte> entry)
    {
        Span<byte> leaf = stackalloc byte[Rfc6962.HashSize];
        Rfc6962.HashLeaf(entry.Span, leaf);
        var index = _frontier.Size;
        _bundle.Add(entry);
        if (_bundle.Count == TileId.FullWidth)
        {
            _pendingTiles.Add(new TileData(TileId.Entries(index / TileId.FullWidth), EntryBundle.Encode(_bundle)));
            _bundle.Clear();
        }

        _frontier.Append(leaf, _onCompleted);
    }

    private void OnCompleted(int level, long index, byte[] hash)
    {
        _pendingHashes.Write(hash);
        if (level % TileId.Height != 0)
        {
            return;
        }

        var tileLevel = level / TileId.Height;
        var list = _levels[tileLevel];
        list.Add(hash);
        if (list.Count == TileId.FullWidth)
        {
            _pendingTiles.Add(new TileData(TileId.Hashes(tileLevel, index / TileId.FullWidth), Concat(list)));
            list.Clear();
        }
    }

    /// <summary>Hands the full tiles, bundles and stored hashes produced so far to storage.</summary>
    public async Task WriteCompletedAsync(ILogStorage storage, CancellationToken cancellationToken)
    {
        if (_pendingTiles.Count > 0)
        {
            await storage.WriteTilesAsync([.. _pendingTiles], cancellationToken).ConfigureAwait(false);
            _pendingTiles.Clear();
        }

        if (_pendingHashes.WrittenCount > 0)
        {
            var hashes = _pendingHashes.WrittenMemory.ToArray();
            await storage.WriteStoredHashesAsync(_hashPosition, hashes, cancellationToken).ConfigureAwait(false);
            _hashPosition += hashes.Length / Rfc6962.HashSize;
            _pendingHashes.ResetWrittenCount();
        }
    }

    /// <summary>Writes the partial tiles and bundle of the current size; returns the root hash.</summary>
    public async Task<byte[]> WriteEdgeAsync(ILogStorage storage, CancellationToken cancellationToken)
    {
        await WriteCompletedAsync(storage, cancellationToken).ConfigureAwait(false);
        var size = _frontier.Size;
        var edge = new List<TileData>();
        for (var level = 0; level < _levels.Length && TileLayout.HashesAtLevel(size, level) > 0; level++)
        {
            var list = _levels[level];
            if (list.Count > 0)
            {
                var tile = TileId.Hashes(level, TileLayout.HashesAtLevel(size, level) / TileId.FullWidth, list.Count);
                edge.Add(new TileData(tile, Concat(list)));
            }
        }

        if (_bundle.Count > 0)
        {
            edge.Add(new TileData(TileId.Entries(size / TileId.FullWidth, _bundle.Count), EntryBundle.Encode(_bundle)));
        }

        if (edge.Count > 0)
        {
            await storage.WriteTilesAsync(edge, cancellationToken).ConfigureAwait(false);
        }

        return _frontier.Root();
    }

    private static byte[] Concat(List<byte[]> hashes)
    {
        var data = new byte[hashes.Count * Rfc6962.HashSize];
        for (var i = 0; i < hashes.Count; i++)
        {
            hashes[i].CopyTo(data, i * Rfc6962.HashSize);
        }

        return data;
    }
}
