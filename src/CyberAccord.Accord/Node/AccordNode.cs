using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Log;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Accord.Node;

/// <summary>
/// A node: the verifiable log (source of truth), the in-memory state, and the store that projects it. A record
/// is checked against the state, appended to the log and integrated (durable, signed checkpoint), then applied
/// and projected. A refused record writes nothing. On open, a projection that lags the log is caught up from it.
/// </summary>
public sealed class AccordNode : IAsyncDisposable
{
    /// <summary>One writer at a time: check, log, apply, project.</summary>
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// Guards the in-memory state only while a writer changes it, so that readers (TAXII pages, the API) never wait on
    /// the writer's slow parts (the log's fsync, the projection's commit), and read beside each other.
    /// </summary>
    private readonly ReaderWriterLockSlim _state = new(LockRecursionPolicy.NoRecursion);

    private AccordNode(TransparencyLog log, IAccordStore store, AccordState state, BlobStore blobs)
    {
        Log = log;
        Store = store;
        State = state;
        Blobs = blobs;
    }

    public TransparencyLog Log { get; }

    public IAccordStore Store { get; }

    // Internal: outside the node the state is read only through ReadAsync, under the lock that keeps appliers out.
    // Outside the node the state is read only through ReadAsync, under the lock that keeps the writer out.
    internal AccordState State { get; }

    public BlobStore Blobs { get; }

    /// <summary>The node's clock, for what is judged at submission.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public static async Task<AccordNode> OpenAsync(
        TransparencyLog log, IAccordStore store, BlobStore blobs, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(store);

        // Before anything is integrated onto the log's edge, served from its files, or dropped from the store because it
        // differs from them: a damaged log must stop the node, never cost it its projection.
        await log.RequireSoundFilesAsync(cancellationToken).ConfigureAwait(false);
        if (log.SequencedSize > log.Checkpoint.Size)
        {
            await log.IntegrateAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var state = new AccordState();
        var projected = await store.ProjectedSizeAsync(cancellationToken).ConfigureAwait(false);
        if (projected > log.Checkpoint.Size)
        {
            // The store claims records the log does not have: it cannot be trusted, rebuild it.
            await store.ClearAsync(cancellationToken).ConfigureAwait(false);
            projected = 0;
        }

        var stored = new List<Records.AccordRecord>();
        await foreach (var record in store.ReadRecordsAsync(cancellationToken).ConfigureAwait(false))
        {
            stored.Add(record.Record);
        }

        // The store's records are used only when they hash to the log's root at that size; a store that differs from the
        // log in any byte is dropped and rebuilt from the log.
        // Hashing the stored bytes as they are: only the log's own entries can hash to its root.
        if (projected > 0
            && await MatchesLogAsync(log, stored.Select(r => r.ReceivedOrEntry), projected, cancellationToken).ConfigureAwait(false))
        {
            state.Replay(stored, 0, signaturesVouchedFor: true);
        }
        else if (projected > 0)
        {
            await store.ClearAsync(cancellationToken).ConfigureAwait(false);
            projected = 0;
        }

        var node = new AccordNode(log, store, state, blobs);
        await node.CatchUpAsync(projected, progress, cancellationToken).ConfigureAwait(false);
        return node;
    }

    /// <summary>
    /// True when <paramref name="entries"/> are exactly the first <paramref name="size"/> entries of the log: their Merkle root
    /// equals the root the log holds for that size, and the log's checkpoint verifies under its own keys.
    /// </summary>
    private static async Task<bool> MatchesLogAsync(
        TransparencyLog log, IEnumerable<ReadOnlyMemory<byte>> entries, long size, CancellationToken cancellationToken)
    {
        await log.VerifyPublishedCheckpointAsync(cancellationToken).ConfigureAwait(false);
        var frontier = new CyberAccord.Log.Merkle.MerkleFrontier();
        foreach (var entry in entries)
        {
            frontier.Append(CyberAccord.Log.Merkle.Rfc6962.HashLeaf(entry.Span));
        }

        if (frontier.Size != size)
        {
            return false;
        }

        var expected = size == log.Checkpoint.Size
            ? log.Checkpoint.RootHash
            : await log.RootAsync(size, cancellationToken).ConfigureAwait(false);
        return frontier.Root().AsSpan().SequenceEqual(expected);
    }

    /// <summary>
    /// Applies log entries the projection has not seen (after a crash between log and store, or a rebuild), in batches.
    /// A rebuild from the start first proves the entries against the signed checkpoint, then replays them without
    /// repeating each ECDSA verification; a partial catch-up verifies every signature.
    /// </summary>
    private async Task CatchUpAsync(long from, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        const int Batch = 4096;
        var size = Log.Checkpoint.Size;
        if (from == size)
        {
            return;
        }

        var vouched = false;
        if (from == 0)
        {
            var all = new List<ReadOnlyMemory<byte>>();
            await foreach (var entry in Log.ReadEntriesAsync(0, size, cancellationToken).ConfigureAwait(false))
            {
                all.Add(entry);
            }

            vouched = await MatchesLogAsync(Log, all, size, cancellationToken).ConfigureAwait(false);
            if (!vouched)
            {
                throw new LogCorruptException(
                    "the log's entries do not hash to its checkpoint; run 'accord log verify' and 'accord log fsck'");
            }
        }

        var sequence = from;
        var entries = new List<ReadOnlyMemory<byte>>(Batch);

        // The store takes its rows before it returns, so the next batch replays while this one is written.
        Task pending = Task.CompletedTask;
        async Task Flush()
        {
            var records = State.Replay(entries, sequence, vouched);
            await pending.ConfigureAwait(false);
            pending = Store.AppendAsync(records.Select((r, i) => new StoredRecord(sequence + i, r)).ToList(), cancellationToken);
            sequence += entries.Count;
            entries.Clear();
            progress?.Report(sequence - from);
        }

        await foreach (var entry in Log.ReadEntriesAsync(from, size - from, cancellationToken).ConfigureAwait(false))
        {
            entries.Add(entry);
            if (entries.Count == Batch)
            {
                await Flush().ConfigureAwait(false);
            }
        }

        if (entries.Count > 0)
        {
            await Flush().ConfigureAwait(false);
        }

        await pending.ConfigureAwait(false);
    }

    /// <summary>Drops the projection and rebuilds it from the log alone; returns how many records it holds again.</summary>
    /// <remarks>The projection MUST NOT be dropped before the log's files are proven sound against its checkpoint.</remarks>
    public async Task<long> RebuildAsync(IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await Log.RequireSoundFilesAsync(cancellationToken).ConfigureAwait(false);
        await Store.ClearAsync(cancellationToken).ConfigureAwait(false);
        var fresh = await OpenAsync(Log, Store, Blobs, progress, cancellationToken).ConfigureAwait(false);
        return fresh.State.Count;
    }

    /// <summary>Checks, logs, integrates and applies one record; returns its log index.</summary>
    public Task<long> SubmitAsync(AccordRecord record, CancellationToken cancellationToken) =>
        SubmitBatchAsync([record], cancellationToken);

    /// <summary>
    /// Checks, logs (one durable batch, one checkpoint) and applies records that do not depend on each other; all or
    /// nothing: if any is refused, none is written. Returns the log index of the first.
    /// </summary>
    /// <param name="integrate">
    /// False to return once the records are durably sequenced (journal fsynced) and applied, leaving the signed checkpoint to
    /// <see cref="IntegrateAsync"/>: many batches then share one checkpoint, as a busy server needs.
    /// </param>
    public async Task<long> SubmitBatchAsync(
        IReadOnlyList<AccordRecord> records, CancellationToken cancellationToken, bool integrate = true)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return Log.Checkpoint.Size;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var changes = records.Select(Check).ToList();
            var entries = records.Select(r => (ReadOnlyMemory<byte>)r.ToEntry()).ToList();
            var first = await Log.AppendAsync(entries, cancellationToken).ConfigureAwait(false);
            if (integrate)
            {
                await Log.IntegrateAsync(null, cancellationToken).ConfigureAwait(false);
            }

            var stored = new List<StoredRecord>(records.Count);
            _state.EnterWriteLock();
            try
            {
                for (var i = 0; i < records.Count; i++)
                {
                    stored.Add(State.Commit(records[i], first + i, changes[i]));
                }
            }
            finally
            {
                _state.ExitWriteLock();
            }

            // Readers may read beside the store's write, and no other writer changes the state until the gate is released.
            await Store.AppendAsync(stored, cancellationToken).ConfigureAwait(false);
            return first;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How far ahead of this node's clock a shared STIX object's date_added may be.</summary>
    public static readonly TimeSpan DateAddedTolerance = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The state's checks, and what only a node at the moment of submission can judge: the entry fits the log, an
    /// incident's evidence bundle was attached here, and a STIX object's date_added is not in the future (the TAXII clock
    /// and every cursor run on it).
    /// </summary>
    private Action Check(AccordRecord record)
    {
        var size = record.ToEntry().Length;
        if (size > CyberAccord.Log.Tiles.EntryBundle.MaxEntrySize)
        {
            throw new RecordRejectedException(
                "$",
                $"the record is {size:N0} bytes signed; a log entry holds at most {CyberAccord.Log.Tiles.EntryBundle.MaxEntrySize:N0}: "
                + "store large content as evidence and refer to its hash");
        }

        if (record.Kind == RecordKinds.StixObject && record.Body["date_added"] is System.Text.Json.Nodes.JsonValue added
            && added.TryGetValue<string>(out var text) && Timestamps.TryParse(text, out var time) >= 0
            && time > Clock.GetUtcNow().UtcDateTime + DateAddedTolerance)
        {
            throw new RecordRejectedException(
                "$.body.date_added", $"'{text}' is in the future: date_added is the time the collection received the object");
        }

        var apply = State.Check(record);
        if (record.Kind == RecordKinds.Incident
            && record.Body["evidence_bundle"]?["sha256"]?.GetValue<string>() is { } bundle
            && !Blobs.Contains(bundle))
        {
            throw new RecordRejectedException("$.body.evidence_bundle.sha256", $"no evidence bundle {bundle} was attached to this node");
        }

        return apply;
    }

    /// <summary>Publishes a signed checkpoint over everything sequenced, if anything is pending.</summary>
    public async Task IntegrateAsync(CancellationToken cancellationToken)
    {
        if (Log.SequencedSize > Log.Checkpoint.Size)
        {
            await Log.IntegrateAsync(null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs <paramref name="read"/> on a consistent state: never while records are being applied to it, but beside other
    /// readers and beside a writer's logging and projecting (which do not change the state).
    /// </summary>
    public Task<T> ReadAsync<T>(Func<AccordState, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        cancellationToken.ThrowIfCancellationRequested();
        _state.EnterReadLock();
        try
        {
            return Task.FromResult(read(State));
        }
        finally
        {
            _state.ExitReadLock();
        }
    }

    /// <summary>Validates a STIX bundle and stores it as evidence; refuses invalid STIX with every error listed.</summary>
    public async Task<(string Sha256, long Objects)> AttachStixBundleAsync(byte[] bundle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var errors = new List<ValidationIssue>();
        using var stream = new MemoryStream(bundle);
        var report = await StixFileValidator.ValidateAsync(stream, issue =>
        {
            if (issue.Severity == Severity.Error)
            {
                errors.Add(issue);
            }
        }, null, null, cancellationToken).ConfigureAwait(false);
        if (report.Unreadable is not null)
        {
            throw new RecordRejectedException("$.body.evidence_bundle", $"the evidence bundle is not JSON: {report.Unreadable}");
        }

        if (errors.Count > 0)
        {
            var more = errors.Count > 5 ? $" (and {errors.Count - 5} more)" : string.Empty;
            throw new RecordRejectedException(
                "$.body.evidence_bundle", $"the evidence bundle is not valid STIX 2.1: {string.Join("; ", errors.Take(5))}{more}");
        }

        return (await Blobs.PutAsync(bundle, cancellationToken).ConfigureAwait(false), report.Objects);
    }

    public async ValueTask DisposeAsync()
    {
        _gate.Dispose();
        _state.Dispose();
        await Store.DisposeAsync().ConfigureAwait(false);
        await Log.DisposeAsync().ConfigureAwait(false);
    }
}
