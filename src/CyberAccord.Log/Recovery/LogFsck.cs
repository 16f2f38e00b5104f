using System.Buffers;
using CyberAccord.Log.Merkle;
using CyberAccord.Log.Notes;
using CyberAccord.Log.Storage;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Log.Tiles;
using CyberAccord.Log.Verification;

namespace CyberAccord.Log.Recovery;

/// <summary>
/// Brings a log directory back to a sound state after a crash, then verifies it. It never drops an
/// entry whose index was reported: torn batches were never acknowledged, and an interrupted
/// integration is finished from the sequencing journal, which outlives it.
/// </summary>
public static class LogFsck
{
    public static async Task<FsckReport> RunAsync(string root, IProgress<string>? log, CancellationToken cancellationToken, ISequencerFactory? sequencers = null)
    {
        var actions = new List<string>();
        void Note(string action)
        {
            actions.Add(action);
            log?.Report(action);
        }

        var config = LogDirectory.ReadConfig(root);
        await using (var transparencyLog = await LogDirectory.OpenAsync(root, TimeSpan.FromSeconds(30), cancellationToken, sequencers).ConfigureAwait(false))
        {
            var storage = (FileLogStorage)transparencyLog.Storage;
            foreach (var repair in storage.Repairs)
            {
                Note(repair);
            }

            foreach (var removed in storage.RemoveTemporaryFiles())
            {
                Note($"removed temporary file {removed} left by an interrupted write");
            }

            var integrated = transparencyLog.Checkpoint.Size;
            if (!await StoredHashesMatchAsync(transparencyLog, cancellationToken).ConfigureAwait(false))
            {
                await RebuildStoredHashesAsync(storage, integrated, cancellationToken).ConfigureAwait(false);
                Note($"rebuilt the stored-hash index for {integrated} entries from the tiles");
            }

            storage.HashFile.Truncate(StoredHashes.Count(integrated));

            var pending = transparencyLog.SequencedSize - integrated;
            if (pending > 0)
            {
                var checkpoint = await transparencyLog.IntegrateAsync(null, cancellationToken).ConfigureAwait(false);
                Note($"finished integration of {pending} sequenced entries; checkpoint now at size {checkpoint.Size}");
            }

            var swept = storage.SweepReplacedPartials();
            if (swept > 0)
            {
                Note($"removed {swept} partial tile directories superseded by full tiles");
            }
        }

        var verifier = new LogVerifier(new DirectoryTileSource(root), NoteVerifierSet.FromVerifierKeys(config.VerifierKeys), config.Origin);
        var verification = await verifier.VerifyAsync(null, cancellationToken).ConfigureAwait(false);
        return new FsckReport(actions, verification);
    }

    /// <summary>Cheap check that the index agrees with the tree: its length, and the root it yields.</summary>
    private static async Task<bool> StoredHashesMatchAsync(TransparencyLog log, CancellationToken cancellationToken)
    {
        var storage = (FileLogStorage)log.Storage;
        var size = log.Checkpoint.Size;
        if (storage.HashFile.Length < StoredHashes.Count(size) * Rfc6962.HashSize)
        {
            return false;
        }

        var root = await log.RootAsync(size, cancellationToken).ConfigureAwait(false);
        return root.AsSpan().SequenceEqual(log.Checkpoint.RootHash);
    }

    private static async Task RebuildStoredHashesAsync(FileLogStorage storage, long size, CancellationToken cancellationToken)
    {
        var frontier = new MerkleFrontier();
        var buffer = new ArrayBufferWriter<byte>();
        long position = 0;
        for (long k = 0; k * TileId.FullWidth < size; k++)
        {
            var width = (int)Math.Min(TileId.FullWidth, size - (k * TileId.FullWidth));
            var tile = TileId.Hashes(0, k, width);
            var data = await storage.ReadTileAsync(tile, cancellationToken).ConfigureAwait(false)
                ?? await storage.ReadTileAsync(tile.AsFull(), cancellationToken).ConfigureAwait(false)
                ?? throw new LogCorruptException($"{tile.Path} is missing: cannot rebuild the stored-hash index", tile.Path);
            for (var i = 0; i < width; i++)
            {
                frontier.Append(data.AsSpan(i * Rfc6962.HashSize, Rfc6962.HashSize), (_, _, hash) => buffer.Write(hash));
            }

            await storage.WriteStoredHashesAsync(position, buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            position += buffer.WrittenCount / Rfc6962.HashSize;
            buffer.ResetWrittenCount();
        }

        await storage.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}

public sealed record FsckReport(IReadOnlyList<string> Actions, LogVerification Verification);
