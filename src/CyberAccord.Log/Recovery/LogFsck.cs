using System.Buffers;
using CyberAccord.Log.Merkle;
using CyberAccord.Log.Notes;
using CyberAccord.Log.Storage;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Log.Tiles;
using CyberAccord.Log.Verification;

namespace CyberAccord.Log.Recovery;

/// <summary>
/// Brings a log directory back to a sound state after a crash or damage at rest, then verifies it. It never drops an
/// entry whose index was reported: torn batches were never acknowledged, and an interrupted integration is finished from
/// the sequencing journal, which outlives it.
/// </summary>
/// <remarks>
/// Contract: fsck MUST check every served or trusted file against the published checkpoint (<see cref="LogIntegrity"/>)
/// before it integrates anything, so that no checkpoint is ever signed over damaged bytes. A damaged hash tile or stored-hash
/// index MUST be rewritten only from leaves proven against the signed root; a damaged entry bundle only from entries whose
/// leaf hashes equal those proven leaves (from older partial bundles, the journal, or <see cref="IEntryCopies"/>). A damaged
/// file MUST be moved aside (<see cref="FileLogStorage.DamagedDirectory"/>), never deleted; one that cannot be rebuilt
/// MUST be left where it is and named in the failure.
/// </remarks>
public static class LogFsck
{
    public static async Task<FsckReport> RunAsync(string root, IProgress<string>? log, CancellationToken cancellationToken,
        ISequencerFactory? sequencers = null, IEntryCopies? copies = null)
    {
        var actions = new List<string>();
        void Note(string action)
        {
            actions.Add(action);
            log?.Report(action);
        }

        var config = LogDirectory.ReadConfig(root);
        await using (var transparencyLog = await LogDirectory.OpenAsync(root, TimeSpan.FromSeconds(30), cancellationToken, sequencers)
            .ConfigureAwait(false))
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

            await transparencyLog.VerifyPublishedCheckpointAsync(cancellationToken).ConfigureAwait(false);
            var integrated = transparencyLog.Checkpoint.Size;
            var scan = await LogIntegrity.ScanCoreAsync(storage, transparencyLog.Checkpoint, cancellationToken).ConfigureAwait(false);
            if (!scan.Report.IsSound)
            {
                var unrepaired = await RepairAsync(storage, scan, copies, Note, cancellationToken).ConfigureAwait(false);
                if (unrepaired.Count > 0)
                {
                    var what = DamagedFile.Describe(unrepaired);
                    throw new LogCorruptException($"cannot repair {what}. Nothing was integrated; restore the named files from a mirror or "
                        + "backup (the damaged copies are kept where they are), then run fsck again", unrepaired[0].Path);
                }
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

    /// <summary>Rewrites what the proven leaves or hash-proven entries allow; returns what it could not.</summary>
    private static async Task<List<DamagedFile>> RepairAsync(FileLogStorage storage, LogScan scan, IEntryCopies? copies,
        Action<string> note, CancellationToken cancellationToken)
    {
        if (!scan.Report.LeavesProven)
        {
            return [.. scan.Report.Damaged];
        }

        var unrepaired = new List<DamagedFile>();
        var size = scan.Report.Checkpoint.Size;
        foreach (var tile in scan.DamagedHashTiles)
        {
            var aside = storage.ReplaceDamaged(tile, scan.ExpectedHashTile(tile));
            note($"rewrote {tile.Path} from the entries the checkpoint proves{Kept(aside)}");
        }

        foreach (var bundle in scan.DamagedBundles.Concat(scan.DamagedOlderBundles ?? []))
        {
            var entries = await FindEntriesAsync(storage, bundle, scan.ExpectedLeaves(bundle), copies, cancellationToken)
                .ConfigureAwait(false);
            if (entries.Missing.Count > 0)
            {
                var first = (bundle.Index * TileId.FullWidth) + entries.Missing[0];
                var elsewhere = copies is null ? string.Empty : ", " + copies.Description;
                unrepaired.Add(new DamagedFile(bundle.Path, $"{entries.Missing.Count} of its {bundle.Width} entries (the first is entry "
                    + $"{first}) are in no sound copy (older bundles, the sequencing journal{elsewhere})"));
                continue;
            }

            var aside = storage.ReplaceDamaged(bundle, EntryBundle.Encode(entries.Found!));
            note($"rewrote {bundle.Path} from entries hash-proven against the checkpoint ({string.Join(", ", entries.Sources)})"
                + Kept(aside));
        }

        if (scan.StoredHashesDamaged)
        {
            var aside = storage.CopyAside(LogIntegrity.StoredHashPath);
            _ = await LogIntegrity.FoldAsync(scan.Leaves, size, async (first, hashes, count, ct) =>
            {
                await storage.WriteStoredHashesAsync(first, hashes.AsMemory(0, count * Rfc6962.HashSize), ct).ConfigureAwait(false);
                return null;
            }, cancellationToken).ConfigureAwait(false);
            storage.HashFile.Truncate(StoredHashes.Count(size));
            await storage.FlushAsync(cancellationToken).ConfigureAwait(false);
            note($"rebuilt the stored-hash index {LogIntegrity.StoredHashPath} for {size} entries from the proven leaves{Kept(aside)}");
        }

        return unrepaired;
    }

    private static string Kept(string? aside) => aside is null ? string.Empty : $"; the damaged copy is kept as {aside}";

    /// <summary>
    /// Finds each entry of a bundle in a copy whose leaf hash is the proven one: other bundle files, the journal, the caller's
    /// copies.
    /// </summary>
    private static async Task<(List<ReadOnlyMemory<byte>>? Found, List<int> Missing, List<string> Sources)> FindEntriesAsync(
        FileLogStorage storage, TileId bundle, ReadOnlyMemory<byte> expected, IEntryCopies? copies, CancellationToken cancellationToken)
    {
        var found = new ReadOnlyMemory<byte>?[bundle.Width];
        var sources = new List<string>();
        var first = bundle.Index * TileId.FullWidth;
        void Offer(long index, ReadOnlyMemory<byte> entry, string source)
        {
            var i = (int)(index - first);
            if (i < 0 || i >= bundle.Width || found[i] is not null
                || !Rfc6962.HashLeaf(entry.Span).AsSpan().SequenceEqual(expected.Span.Slice(i * Rfc6962.HashSize, Rfc6962.HashSize)))
            {
                return;
            }

            found[i] = entry;
            if (!sources.Contains(source))
            {
                sources.Add(source);
            }
        }

        // Any other file of the same bundle (a partial of another width, or the full one) may hold the entries intact.
        var others = storage.ListPartialTiles()
            .Where(t => t.IsEntryBundle && t.Index == bundle.Index && t != bundle)
            .Append(bundle.AsFull())
            .Where(t => t != bundle);
        foreach (var other in others)
        {
            var data = await storage.ReadTileAsync(other, cancellationToken).ConfigureAwait(false);
            if (data is null)
            {
                continue;
            }

            try
            {
                var entries = EntryBundle.Decode(data, null, other.Path);
                for (var i = 0; i < entries.Count; i++)
                {
                    Offer(first + i, entries[i], other.Path);
                }
            }
            catch (LogCorruptException)
            {
                // A damaged neighbour offers nothing; each entry it would have offered is hash-checked anyway.
            }
        }

        if (found.Any(f => f is null))
        {
            try
            {
                var journal = await storage.ReadSequencedAsync(first, bundle.Width, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < journal.Count; i++)
                {
                    Offer(first + i, journal[i], "the sequencing journal");
                }
            }
            catch (LogStateException)
            {
                // Already released from the journal: integrated entries live on only in bundles and copies.
            }
        }

        if (copies is not null && found.Any(f => f is null))
        {
            foreach (var (index, entry) in await copies.ReadAsync(first, bundle.Width, cancellationToken).ConfigureAwait(false))
            {
                Offer(index, entry, copies.Description);
            }
        }

        var missing = Enumerable.Range(0, bundle.Width).Where(i => found[i] is null).ToList();
        return (missing.Count == 0 ? [.. found.Select(f => f!.Value)] : null, missing, sources);
    }
}

/// <summary>
/// Other copies of log entries, such as a projection's stored records, that fsck may use to rewrite a damaged entry bundle.
/// They need not be trusted: an entry is used only when its leaf hash is the one the signed checkpoint proves.
/// </summary>
public interface IEntryCopies
{
    /// <summary>What the copies are, for messages (such as "the projection accord.db").</summary>
    string Description { get; }

    /// <summary>The copies it holds of entries [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>).</summary>
    Task<IReadOnlyList<(long Index, byte[] Entry)>> ReadAsync(long first, int count, CancellationToken cancellationToken);
}

public sealed record FsckReport(IReadOnlyList<string> Actions, LogVerification Verification);
