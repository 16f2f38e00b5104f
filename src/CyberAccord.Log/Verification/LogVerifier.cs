using System.Security.Cryptography;
using CyberAccord.Log.Checkpoints;
using CyberAccord.Log.Merkle;
using CyberAccord.Log.Notes;
using CyberAccord.Log.Tiles;

namespace CyberAccord.Log.Verification;

/// <summary>
/// Checks a published log end to end from its public files alone: the checkpoint's signatures, every
/// entry bundle against its level-0 tile, every tile against the level above, and the root against
/// the checkpoint. When something disagrees, the entries and the tiles are each folded up to a root;
/// whichever matches the signed checkpoint is authentic, and the other side's file is named.
/// </summary>
public sealed class LogVerifier(ITileSource source, NoteVerifierSet trustedKeys, string? expectedOrigin)
{
    public async Task<LogVerification> VerifyAsync(IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var checkpoint = await ReadCheckpointAsync(cancellationToken).ConfigureAwait(false);
        var size = checkpoint.Size;
        var entries = new MerkleFrontier();
        MerkleFrontier? fromTiles = null;
        Mismatch? firstLeafMismatch = null;
        Mismatch? firstUpperMismatch = null;
        var upper = new UpperTiles(source, size);

        var completed = new List<(int Level, long Index, byte[] Hash)>();
        void Collect(int level, long index, byte[] hash)
        {
            if (level > 0 && level % TileId.Height == 0)
            {
                completed.Add((level, index, (byte[])hash.Clone()));
            }
        }

        var leaves = new byte[TileId.FullWidth * Rfc6962.HashSize];
        var tileCount = (size + TileId.FullWidth - 1) / TileId.FullWidth;
        for (long k = 0; k < tileCount; k++)
        {
            var width = (int)Math.Min(TileId.FullWidth, size - (k * TileId.FullWidth));
            var tileId = TileId.Hashes(0, k, width);
            var bundleId = TileId.Entries(k, width);
            var tile = await PublishedTiles.ReadHashTileAsync(source, tileId, cancellationToken).ConfigureAwait(false);
            var bundleBytes = await source.ReadAsync(bundleId.Path, cancellationToken).ConfigureAwait(false)
                ?? throw Corrupt(bundleId.Path, $"{bundleId.Path} is missing");
            var bundle = EntryBundle.Decode(bundleBytes, width, bundleId.Path);
            for (var i = 0; i < width; i++)
            {
                Rfc6962.HashLeaf(bundle[i].Span, leaves.AsSpan(i * Rfc6962.HashSize, Rfc6962.HashSize));
            }

            var leafSpan = leaves.AsSpan(0, width * Rfc6962.HashSize);
            if (!leafSpan.SequenceEqual(tile))
            {
                var i = 0;
                while (leafSpan.Slice(i * Rfc6962.HashSize, Rfc6962.HashSize)
                    .SequenceEqual(tile.AsSpan(i * Rfc6962.HashSize, Rfc6962.HashSize)))
                {
                    i++;
                }

                firstLeafMismatch ??= new Mismatch(tileId.Path, bundleId.Path,
                    $"entry {(k * TileId.FullWidth) + i}: its hash in {tileId.Path} differs from the hash of its bytes in {bundleId.Path}");

                // From here on, fold the tiles' own hashes separately, to tell later which side the checkpoint backs.
                fromTiles ??= entries.Clone();
            }

            for (var i = 0; i < width; i++)
            {
                entries.Append(leafSpan.Slice(i * Rfc6962.HashSize, Rfc6962.HashSize), fromTiles is null ? Collect : null);
                fromTiles?.Append(tile.AsSpan(i * Rfc6962.HashSize, Rfc6962.HashSize), Collect);
            }

            foreach (var (level, index, hash) in completed)
            {
                if (firstUpperMismatch is null)
                {
                    var expected = await upper.HashAsync(level / TileId.Height, index, cancellationToken).ConfigureAwait(false);
                    if (!expected.AsSpan().SequenceEqual(hash))
                    {
                        var holder = TileLayout.TileHolding(size, level / TileId.Height, index);
                        firstUpperMismatch = new Mismatch(holder.Path, null,
                            $"{holder.Path}: hash {index % TileId.FullWidth} does not match the tiles below it");
                    }
                }
            }

            completed.Clear();
            progress?.Report(Math.Min(size, (k + 1) * TileId.FullWidth));
        }

        await upper.RequireAllReadAsync(cancellationToken).ConfigureAwait(false);
        var root = checkpoint.RootHash;
        if (CryptographicOperations.FixedTimeEquals(entries.Root(), root))
        {
            // The entries are authentic; any disagreeing tile is the damaged one.
            var fault = firstLeafMismatch is not null
                ? firstLeafMismatch with { Message = $"{firstLeafMismatch.Tile}: {firstLeafMismatch.Message}" }
                : firstUpperMismatch;
            if (fault is not null)
            {
                throw Corrupt(fault.Tile, fault.Message);
            }

            return new LogVerification(checkpoint);
        }

        if (fromTiles is not null && firstLeafMismatch is not null && CryptographicOperations.FixedTimeEquals(fromTiles.Root(), root))
        {
            throw Corrupt(firstLeafMismatch.Bundle!,
                $"{firstLeafMismatch.Bundle}: {firstLeafMismatch.Message}; the tiles match the checkpoint, "
                + "so the entry bundle was altered");
        }

        var named = firstLeafMismatch?.Tile ?? firstUpperMismatch?.Tile;
        var where = named is null ? string.Empty : $"; first disagreement in {named}";
        throw Corrupt(named ?? "checkpoint",
            $"checkpoint: root {Convert.ToBase64String(root)} for size {size} matches neither the entries nor the tiles{where}");
    }

    private async Task<Checkpoint> ReadCheckpointAsync(CancellationToken cancellationToken)
    {
        var bytes = await source.ReadAsync("checkpoint", cancellationToken).ConfigureAwait(false)
            ?? throw Corrupt("checkpoint", "checkpoint is missing");
        Checkpoint checkpoint;
        try
        {
            var opened = trustedKeys.Open(bytes);
            checkpoint = Checkpoint.Parse(opened.Note.Text);
        }
        catch (Exception e) when (e is LogFormatException or NoteVerificationException)
        {
            throw Corrupt("checkpoint", $"checkpoint: {e.Message}");
        }

        if (expectedOrigin is not null && checkpoint.Origin != expectedOrigin)
        {
            throw Corrupt("checkpoint", $"checkpoint: origin '{checkpoint.Origin}' is not the expected '{expectedOrigin}'");
        }

        if (checkpoint.Size == 0 && !checkpoint.RootHash.AsSpan().SequenceEqual(Rfc6962.EmptyRoot))
        {
            throw Corrupt("checkpoint", "checkpoint: an empty tree must have the empty root hash");
        }

        return checkpoint;
    }

    private static LogCorruptException Corrupt(string path, string message) => new(message, path);

    private sealed record Mismatch(string Tile, string? Bundle, string Message);

    /// <summary>Reads the tiles above level 0 one at a time, as the walk reaches them.</summary>
    private sealed class UpperTiles(ITileSource source, long size)
    {
        private readonly Dictionary<int, (long Index, byte[] Data)> _current = [];

        public async ValueTask<byte[]> HashAsync(int tileLevel, long hashIndex, CancellationToken cancellationToken)
        {
            var tileIndex = hashIndex / TileId.FullWidth;
            if (!_current.TryGetValue(tileLevel, out var held) || held.Index != tileIndex)
            {
                var tile = TileLayout.TileHolding(size, tileLevel, hashIndex);
                var data = await PublishedTiles.ReadHashTileAsync(source, tile, cancellationToken).ConfigureAwait(false);
                held = (tileIndex, data);
                _current[tileLevel] = held;
            }

            return held.Data.AsSpan((int)(hashIndex % TileId.FullWidth) * Rfc6962.HashSize, Rfc6962.HashSize).ToArray();
        }

        /// <summary>Every upper tile of the tree must exist even where no mismatch made the walk look at it twice.</summary>
        public async ValueTask RequireAllReadAsync(CancellationToken cancellationToken)
        {
            for (var level = 1; TileLayout.HashesAtLevel(size, level) > 0; level++)
            {
                var last = TileLayout.HashesAtLevel(size, level) - 1;
                _ = await HashAsync(level, last, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

public sealed record LogVerification(Checkpoint Checkpoint);
