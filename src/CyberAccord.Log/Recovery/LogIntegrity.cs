using System.Collections.Concurrent;
using System.Security.Cryptography;
using CyberAccord.Log.Checkpoints;
using CyberAccord.Log.Merkle;
using CyberAccord.Log.Storage;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Log.Tiles;

namespace CyberAccord.Log.Recovery;

/// <summary>A stored file that does not hold what the signed checkpoint commits to; the path is relative to the log's root.</summary>
public sealed record DamagedFile(string Path, string Problem)
{
    /// <summary>One message naming every file of <paramref name="files"/> and what is wrong with it.</summary>
    public static string Describe(IEnumerable<DamagedFile> files) => string.Join("; ", files.Select(d => $"{d.Path}: {d.Problem}"));
}

/// <summary>What a scan of a log's stored files against its published checkpoint found.</summary>
/// <param name="LeavesProven">
/// True when the scan could pick, for every entry, a leaf hash that folds to the checkpoint's root: then every damaged
/// file named can be told from the sound ones, and derived files can be rewritten from the proven leaves.
/// </param>
public sealed record IntegrityReport(Checkpoint Checkpoint, IReadOnlyList<DamagedFile> Damaged, bool LeavesProven)
{
    public bool IsSound => Damaged.Count == 0;

    /// <summary>One message naming every damaged file.</summary>
    public string Describe() => DamagedFile.Describe(Damaged);
}

/// <summary>
/// Checks every file a log serves or trusts against its signed checkpoint: each entry bundle hashed to its level-0 tile,
/// the leaves folded to the checkpoint's root, every hash tile of every level (and every older partial tile still on disk)
/// compared with the hashes recomputed from the proven leaves, and the stored-hash index compared hash by hash.
/// Reading and leaf hashing run on all cores; the fold is one pass.
/// </summary>
/// <remarks>
/// When an entry bundle and its level-0 tile disagree, the witness is the level-1 tile's hash of that 256-leaf subtree,
/// and in the end the root: only leaves that fold to the signed root are taken as authentic. A scan MUST NOT change a file.
/// </remarks>
public static class LogIntegrity
{
    private const int Hash = Rfc6962.HashSize;

    /// <summary>The stored-hash index's path, named in reports.</summary>
    public const string StoredHashPath = FileLogStorage.PrivateDirectory + "/hashes";

    public static async Task<IntegrityReport> ScanAsync(ILogStorage storage, Checkpoint checkpoint, CancellationToken cancellationToken) =>
        (await ScanCoreAsync(storage, checkpoint, cancellationToken).ConfigureAwait(false)).Report;

    internal static async Task<LogScan> ScanCoreAsync(ILogStorage storage, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var size = checkpoint.Size;
        if (size > int.MaxValue / Hash)
        {
            throw new NotSupportedException($"a log of {size} entries is beyond what one scan holds in memory");
        }

        var leaves = new byte[size * Hash];
        var tileCount = (size + TileId.FullWidth - 1) / TileId.FullWidth;
        var disagreements = new ConcurrentDictionary<long, Disagreement>();
        await Parallel.ForAsync(0L, tileCount, new ParallelOptions { CancellationToken = cancellationToken }, async (k, token) =>
        {
            var width = (int)Math.Min(TileId.FullWidth, size - (k * TileId.FullWidth));
            var slice = leaves.AsMemory((int)(k * TileId.FullWidth * Hash), width * Hash);
            var bundle = await CurrentTile.ReadAsync(storage, TileId.Entries(k, width), token).ConfigureAwait(false);
            var bundleProblem = HashBundle(bundle.Data, width, bundle.Path, slice.Span);
            var tile = await CurrentTile.ReadAsync(storage, TileId.Hashes(0, k, width), token).ConfigureAwait(false);
            var tileProblem = tile.Data is null ? "missing" : null;
            if (tileProblem is null && tile.Data!.Length < width * Hash)
            {
                tileProblem = $"is {tile.Data.Length} bytes, expected {width * Hash} (truncated)";
            }

            var tileHashes = tileProblem is null ? tile.Data.AsMemory(0, width * Hash) : ReadOnlyMemory<byte>.Empty;
            if (bundleProblem is not null || tileProblem is not null || !tileHashes.Span.SequenceEqual(slice.Span))
            {
                disagreements[k] = new Disagreement(k, width, bundle.Path, bundleProblem, tile.Path, tileProblem, tileHashes.ToArray(),
                    bundleProblem is null ? slice.ToArray() : null);
            }
        }).ConfigureAwait(false);

        var damaged = new List<DamagedFile>();
        var badBundles = new List<TileId>();
        var badTiles = new List<TileId>();
        var unresolved = new List<Disagreement>();
        foreach (var d in disagreements.Values.OrderBy(d => d.Index))
        {
            var choice = await ChooseAsync(storage, size, d, cancellationToken).ConfigureAwait(false);
            if (choice == Side.None)
            {
                damaged.Add(new DamagedFile(d.BundlePath, d.BundleProblem ?? "does not match its level-0 tile"));
                damaged.Add(new DamagedFile(d.TilePath, d.TileProblem ?? "does not match its entry bundle"));
                return new LogScan(new IntegrityReport(checkpoint, damaged, LeavesProven: false), leaves, [], [], [], false);
            }

            if (choice == Side.Unknown)
            {
                unresolved.Add(d);
            }

            Take(leaves, d, choice == Side.Tile ? Side.Tile : Side.Bundle);
        }

        var fold = await FoldAsync(leaves, size, ComparingWith(storage.StoredHashes), cancellationToken).ConfigureAwait(false);
        if (!CryptographicOperations.FixedTimeEquals(fold.Root, checkpoint.RootHash) && unresolved.Count > 0)
        {
            foreach (var d in unresolved)
            {
                Take(leaves, d, Side.Tile);
            }

            fold = await FoldAsync(leaves, size, ComparingWith(storage.StoredHashes), cancellationToken).ConfigureAwait(false);
        }

        if (!CryptographicOperations.FixedTimeEquals(fold.Root, checkpoint.RootHash))
        {
            var first = disagreements.Values.OrderBy(d => d.Index).FirstOrDefault();
            damaged.Add(new DamagedFile(first?.BundlePath ?? FileLogStorage.CheckpointFile,
                $"the checkpoint's root for size {size} matches neither the entry bundles nor the hash tiles"
                + (first is null ? string.Empty : $"; the first disagreement is between {first.BundlePath} and {first.TilePath}")));
            return new LogScan(new IntegrityReport(checkpoint, damaged, LeavesProven: false), leaves, [], [], [], false);
        }

        foreach (var d in disagreements.Values.OrderBy(d => d.Index))
        {
            var authentic = leaves.AsSpan((int)(d.Index * TileId.FullWidth * Hash), d.Width * Hash);
            if (d.BundleLeaves is null || !authentic.SequenceEqual(d.BundleLeaves))
            {
                damaged.Add(new DamagedFile(d.BundlePath, d.BundleProblem
                    ?? $"entry {(d.Index * TileId.FullWidth) + FirstDifference(authentic, d.BundleLeaves)} does not hash to the leaf "
                        + "the checkpoint commits to"));
                badBundles.Add(TileId.Entries(d.Index, d.Width));
            }

            if (d.TileProblem is not null || !authentic.SequenceEqual(d.TileHashes))
            {
                damaged.Add(new DamagedFile(d.TilePath, d.TileProblem
                    ?? $"hash {FirstDifference(authentic, d.TileHashes)} is not the leaf hash the checkpoint commits to"));
                badTiles.Add(TileId.Hashes(0, d.Index, d.Width));
            }
        }

        var upper = fold.Upper;
        for (var level = 1; TileLayout.HashesAtLevel(size, level) > 0; level++)
        {
            var count = TileLayout.HashesAtLevel(size, level);
            for (long n = 0; n * TileId.FullWidth < count; n++)
            {
                var tile = TileLayout.TileHolding(size, level, n * TileId.FullWidth);
                var read = await CurrentTile.ReadAsync(storage, tile, cancellationToken).ConfigureAwait(false);
                var expected = upper[level].AsSpan((int)(n * TileId.FullWidth * Hash), tile.Width * Hash);
                var problem = read.Data is null ? "missing"
                    : read.Data.Length < expected.Length ? $"is {read.Data.Length} bytes, expected {expected.Length} (truncated)"
                    : !read.Data.AsSpan(0, expected.Length).SequenceEqual(expected) ? "does not match the tiles below it" : null;
                if (problem is not null)
                {
                    damaged.Add(new DamagedFile(read.Path, problem));
                    badTiles.Add(tile);
                }
            }
        }

        if (fold.StoredProblem is not null)
        {
            damaged.Add(new DamagedFile(StoredHashPath, fold.StoredProblem));
        }

        var stale = new List<TileId>();
        if (storage is FileLogStorage files)
        {
            var olderPartials = await CheckOlderPartialsAsync(files, size, leaves, upper, cancellationToken).ConfigureAwait(false);
            foreach (var (tile, problem) in olderPartials)
            {
                damaged.Add(new DamagedFile(tile.Path, problem));
                stale.Add(tile);
            }
        }

        return new LogScan(new IntegrityReport(checkpoint, damaged, LeavesProven: true), leaves, upper, badBundles,
            [.. badTiles, .. stale.Where(t => !t.IsEntryBundle)], fold.StoredProblem is not null, [.. stale.Where(t => t.IsEntryBundle)]);
    }

    private static int FirstDifference(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        var i = 0;
        while ((i + 1) * Hash <= actual.Length && expected.Slice(i * Hash, Hash).SequenceEqual(actual.Slice(i * Hash, Hash)))
        {
            i++;
        }

        return i;
    }

    /// <summary>Which side of a disagreement the checkpoint backs, as far as one tile can tell.</summary>
    private static async Task<Side> ChooseAsync(ILogStorage storage, long size, Disagreement d, CancellationToken cancellationToken)
    {
        if (d.BundleProblem is not null && d.TileProblem is not null)
        {
            return Side.None;
        }

        if (d.BundleProblem is not null)
        {
            return Side.Tile;
        }

        if (d.TileProblem is not null)
        {
            return Side.Bundle;
        }

        if (d.Width == TileId.FullWidth)
        {
            var parentTile = TileLayout.TileHolding(size, 1, d.Index);
            var parent = await CurrentTile.ReadAsync(storage, parentTile, cancellationToken).ConfigureAwait(false);
            var offset = (int)(d.Index % TileId.FullWidth) * Hash;
            if (parent.Data is not null && parent.Data.Length >= offset + Hash)
            {
                var witness = parent.Data.AsSpan(offset, Hash);
                if (Rfc6962.CompleteSubtreeRoot(d.BundleLeaves).AsSpan().SequenceEqual(witness))
                {
                    return Side.Bundle;
                }

                if (Rfc6962.CompleteSubtreeRoot(d.TileHashes).AsSpan().SequenceEqual(witness))
                {
                    return Side.Tile;
                }
            }
        }

        return Side.Unknown;
    }

    private static void Take(byte[] leaves, Disagreement d, Side side)
    {
        var source = side == Side.Tile ? d.TileHashes : d.BundleLeaves!;
        source.CopyTo(leaves.AsSpan((int)(d.Index * TileId.FullWidth * Hash), d.Width * Hash));
    }

    /// <summary>Hashes a bundle's entries into <paramref name="leaves"/>; returns what is wrong with it, or null.</summary>
    private static string? HashBundle(byte[]? data, int width, string path, Span<byte> leaves)
    {
        if (data is null)
        {
            return "missing";
        }

        List<ReadOnlyMemory<byte>> entries;
        try
        {
            entries = EntryBundle.Decode(data, null, path);
        }
        catch (LogCorruptException e)
        {
            return e.Message.StartsWith(path + ": ", StringComparison.Ordinal) ? e.Message[(path.Length + 2)..] : e.Message;
        }

        if (entries.Count < width)
        {
            return $"holds {entries.Count} entries, expected {width} (truncated)";
        }

        for (var i = 0; i < width; i++)
        {
            Rfc6962.HashLeaf(entries[i].Span, leaves.Slice(i * Hash, Hash));
        }

        return null;
    }

    private static Func<long, byte[], int, CancellationToken, ValueTask<string?>> ComparingWith(IStoredHashReader stored) =>
        async (first, hashes, count, cancellationToken) =>
        {
            var positions = new long[count];
            for (var i = 0; i < count; i++)
            {
                positions[i] = first + i;
            }

            var read = new byte[count * Hash];
            try
            {
                await stored.ReadHashesAsync(positions, read, cancellationToken).ConfigureAwait(false);
            }
            catch (LogCorruptException)
            {
                return $"holds fewer than the {first + count} hashes the tree needs (truncated)";
            }

            for (var i = 0; i < count; i++)
            {
                if (!read.AsSpan(i * Hash, Hash).SequenceEqual(hashes.AsSpan(i * Hash, Hash)))
                {
                    var (level, index) = StoredHashes.Split(first + i);
                    return $"hash {first + i} (level {level}, index {index}) is not the one the proven leaves give; "
                        + "proofs from it would fail";
                }
            }

            return null;
        };

    /// <summary>
    /// Folds the leaves into the tree: its root, the hashes of every tile level above 0, and every stored hash in
    /// stored order, handed to <paramref name="storedChunk"/> a chunk at a time (it stops at the first problem it returns).
    /// </summary>
    internal static async Task<Fold> FoldAsync(byte[] leaves, long size,
        Func<long, byte[], int, CancellationToken, ValueTask<string?>>? storedChunk, CancellationToken cancellationToken)
    {
        const int Chunk = 16_384;
        var upper = new List<byte[]>();
        for (var level = 0; TileLayout.HashesAtLevel(size, level) > 0; level++)
        {
            upper.Add(level == 0 ? [] : new byte[TileLayout.HashesAtLevel(size, level) * Hash]);
        }

        var buffer = new byte[Chunk * Hash];
        var buffered = 0;
        long flushed = 0;
        string? problem = null;
        var frontier = new MerkleFrontier();
        void Completed(int level, long index, byte[] hash)
        {
            hash.CopyTo(buffer, buffered * Hash);
            buffered++;
            if (level > 0 && level % TileId.Height == 0)
            {
                hash.CopyTo(upper[level / TileId.Height], index * Hash);
            }
        }

        for (long i = 0; i < size; i++)
        {
            frontier.Append(leaves.AsSpan((int)(i * Hash), Hash), Completed);
            if (buffered >= Chunk - 64 || i == size - 1)
            {
                if (storedChunk is not null && problem is null)
                {
                    problem = await storedChunk(flushed, buffer, buffered, cancellationToken).ConfigureAwait(false);
                }

                flushed += buffered;
                buffered = 0;
            }
        }

        return new Fold(frontier.Root(), upper, problem);
    }

    /// <summary>Partial tiles of earlier sizes are still served: each must be the prefix of the tile that replaced it.</summary>
    private static async Task<List<(TileId Tile, string Problem)>> CheckOlderPartialsAsync(FileLogStorage files, long size,
        byte[] leaves, List<byte[]> upper, CancellationToken cancellationToken)
    {
        var found = new List<(TileId, string)>();
        foreach (var tile in files.ListPartialTiles())
        {
            var level = tile.IsEntryBundle ? 0 : tile.Level;
            var start = tile.Index * TileId.FullWidth;
            var atLevel = TileLayout.HashesAtLevel(size, level);

            // Beyond the checkpoint (an unpublished integration wrote it), or the current edge, checked above.
            if (start + tile.Width > atLevel || (atLevel - start < TileId.FullWidth && atLevel - start == tile.Width))
            {
                continue;
            }

            var data = await files.ReadTileAsync(tile, cancellationToken).ConfigureAwait(false);
            if (data is null)
            {
                continue;
            }

            var expected = (level == 0 ? leaves : upper[level]).AsSpan((int)(start * Hash), tile.Width * Hash);
            string? problem;
            if (tile.IsEntryBundle)
            {
                var hashed = new byte[tile.Width * Hash];
                problem = HashBundle(data, tile.Width, tile.Path, hashed);
                problem ??= hashed.AsSpan().SequenceEqual(expected) ? null : "its entries are not the ones the checkpoint commits to";
            }
            else
            {
                problem = data.Length != expected.Length ? $"is {data.Length} bytes, expected {expected.Length}"
                    : data.AsSpan().SequenceEqual(expected) ? null : "is not the prefix of the tile that replaced it";
            }

            if (problem is not null)
            {
                found.Add((tile, problem));
            }
        }

        return found;
    }

    private enum Side
    {
        Bundle,
        Tile,
        Unknown,
        None,
    }

    private sealed record Disagreement(long Index, int Width, string BundlePath, string? BundleProblem, string TilePath,
        string? TileProblem, byte[] TileHashes, byte[]? BundleLeaves);

    internal sealed record Fold(byte[] Root, List<byte[]> Upper, string? StoredProblem);
}

/// <summary>A scan's findings with what repair needs: the proven leaves and upper-level hashes, and which files to rewrite.</summary>
internal sealed record LogScan(IntegrityReport Report, byte[] Leaves, List<byte[]> Upper, IReadOnlyList<TileId> DamagedBundles,
    IReadOnlyList<TileId> DamagedHashTiles, bool StoredHashesDamaged, IReadOnlyList<TileId>? DamagedOlderBundles = null)
{
    /// <summary>The bytes a hash tile must hold, from the proven hashes.</summary>
    public byte[] ExpectedHashTile(TileId tile)
    {
        var hashes = tile.Level == 0 ? Leaves : Upper[tile.Level];
        return hashes.AsSpan((int)(tile.Index * TileId.FullWidth * Rfc6962.HashSize), tile.Width * Rfc6962.HashSize).ToArray();
    }

    /// <summary>The leaf hashes the entries of a bundle must have.</summary>
    public ReadOnlyMemory<byte> ExpectedLeaves(TileId bundle) =>
        Leaves.AsMemory((int)(bundle.Index * TileId.FullWidth * Rfc6962.HashSize), bundle.Width * Rfc6962.HashSize);
}
