using CyberAccord.Log.Checkpoints;
using CyberAccord.Log.Merkle;
using CyberAccord.Log.Notes;
using CyberAccord.Log.Storage;
using CyberAccord.Log.Storage.Files;

namespace CyberAccord.Log;

/// <summary>
/// An append-only Merkle log. Appending <em>sequences</em> entries (durably assigns indices);
/// integrating extends the tree over everything sequenced, writes its tiles and publishes a signed
/// checkpoint. The two are separate so that many appends can share one checkpoint.
/// </summary>
public sealed class TransparencyLog : IAsyncDisposable
{
    /// <summary>How many sequenced entries integration reads and hashes at a time.</summary>
    private const int IntegrationChunk = 16_384;

    private readonly ILogStorage _storage;
    private readonly IReadOnlyList<INoteSigner> _signers;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The checkpoint size at which <see cref="RequireSoundFilesAsync"/> last found every file sound; -1 before.</summary>
    private long _soundAtSize = -1;

    private TransparencyLog(ILogStorage storage, string origin, IReadOnlyList<INoteSigner> signers, Checkpoint checkpoint)
    {
        _storage = storage;
        Origin = origin;
        _signers = signers;
        Checkpoint = checkpoint;
    }

    public string Origin { get; }

    /// <summary>The last published checkpoint.</summary>
    public Checkpoint Checkpoint { get; private set; }

    public long SequencedSize => _storage.SequencedSize;

    public ILogStorage Storage => _storage;

    /// <summary>The log's public description: its origin and the verifier keys of the keys its checkpoints are signed with.</summary>
    public LogConfig Config => new(Origin, [.. _signers.Select(s => VerifierOf(s).VerifierKey)]);

    /// <summary>
    /// <see cref="Config"/> byte for byte as <c>log.json</c> holds it (<see cref="LogDirectory"/> writes it so), for a server
    /// that publishes the log through this object rather than through its files.
    /// </summary>
    public byte[] ReadConfigJson() =>
        System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(Config, LogConfigJson.Default.LogConfig) + "\n");

    /// <summary>Opens a log whose storage is already open; publishes the empty checkpoint for a new log.</summary>
    public static async Task<TransparencyLog> OpenAsync(ILogStorage storage, string origin, IReadOnlyList<INoteSigner> signers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(signers);
        if (signers.Count == 0)
        {
            throw new ArgumentException("a log needs at least one checkpoint signer", nameof(signers));
        }

        var note = await storage.ReadCheckpointAsync(cancellationToken).ConfigureAwait(false);
        if (note is null)
        {
            var empty = new Checkpoint(origin, 0, Rfc6962.EmptyRoot.ToArray());
            var log = new TransparencyLog(storage, origin, signers, empty);
            var signed = SignedNote.Sign(empty.ToText(), [.. signers]).ToBytes();
            await storage.PublishCheckpointAsync(signed, 0, cancellationToken).ConfigureAwait(false);
            return log;
        }

        var checkpoint = Checkpoint.Parse(SignedNote.Parse(note).Text);
        if (checkpoint.Origin != origin)
        {
            throw new LogCorruptException($"checkpoint origin '{checkpoint.Origin}' is not this log's origin '{origin}'", "checkpoint");
        }

        return new TransparencyLog(storage, origin, signers, checkpoint);
    }

    /// <summary>Durably sequences a batch of entries; returns the index of the first. Entries are at most 65,535 bytes.</summary>
    public async Task<long> AppendAsync(IReadOnlyList<ReadOnlyMemory<byte>> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Length > Tiles.EntryBundle.MaxEntrySize)
            {
                throw new LogFormatException($"entry {i} of the batch is {entries[i].Length} bytes; entries are limited to "
                    + $"{Tiles.EntryBundle.MaxEntrySize} bytes (64 KiB - 1) by the tlog-tiles bundle format");
            }
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _storage.SequenceAsync(entries, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Integrates every sequenced entry and publishes a signed checkpoint for the new size.</summary>
    /// <param name="progress">Receives the number of entries integrated so far in this call.</param>
    public async Task<Checkpoint> IntegrateAsync(IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var from = Checkpoint.Size;
            var target = _storage.SequencedSize;
            if (target == from)
            {
                return Checkpoint;
            }

            var integrator = await Integrator.ResumeAsync(_storage, from, cancellationToken).ConfigureAwait(false);
            integrator.RequireEdgeMatches(Checkpoint.RootHash, from);
            while (integrator.Size < target)
            {
                var chunk = (int)Math.Min(IntegrationChunk, target - integrator.Size);
                var entries = await _storage.ReadSequencedAsync(integrator.Size, chunk, cancellationToken).ConfigureAwait(false);
                if (entries.Count == 0)
                {
                    throw new LogCorruptException($"sequenced entry {integrator.Size} cannot be read");
                }

                foreach (var entry in entries)
                {
                    integrator.Append(entry);
                }

                await integrator.WriteCompletedAsync(_storage, cancellationToken).ConfigureAwait(false);
                progress?.Report(integrator.Size - from);
            }

            var root = await integrator.WriteEdgeAsync(_storage, cancellationToken).ConfigureAwait(false);

            // Durability order: tiles and hashes, then the checkpoint that commits to them, then release.
            await _storage.FlushAsync(cancellationToken).ConfigureAwait(false);
            var checkpoint = new Checkpoint(Origin, target, root);
            var note = SignedNote.Sign(checkpoint.ToText(), [.. _signers]);
            await _storage.PublishCheckpointAsync(note.ToBytes(), target, cancellationToken).ConfigureAwait(false);
            Checkpoint = checkpoint;

            // What this integration wrote extends a checked edge from the journal: still sound if the files were.
            if (_soundAtSize == from)
            {
                _soundAtSize = target;
            }

            await _storage.ReleaseIntegratedAsync(target, cancellationToken).ConfigureAwait(false);
            return checkpoint;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Checks every file the log serves or trusts (entry bundles, hash tiles of every level, older partial tiles, the
    /// stored-hash index) against the signed checkpoint, once per open; throws <see cref="LogCorruptException"/> naming
    /// every damaged file. A node MUST call this before it serves the files or trusts them to rebuild anything.
    /// </summary>
    public async Task RequireSoundFilesAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_soundAtSize == Checkpoint.Size)
            {
                return;
            }

            await VerifyPublishedCheckpointAsync(cancellationToken).ConfigureAwait(false);
            var report = await Recovery.LogIntegrity.ScanAsync(_storage, Checkpoint, cancellationToken).ConfigureAwait(false);
            if (!report.IsSound)
            {
                throw new LogCorruptException($"the log's files are damaged and will not be served: {report.Describe()}. "
                    + "Run 'accord log fsck' to rebuild them from the sound ones (damaged files are moved aside, never deleted)",
                    report.Damaged[0].Path);
            }

            _soundAtSize = Checkpoint.Size;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Checks the published checkpoint's signatures with this log's own keys and that it is the checkpoint in use.</summary>
    public async Task VerifyPublishedCheckpointAsync(CancellationToken cancellationToken)
    {
        var bytes = await _storage.ReadCheckpointAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new LogCorruptException("checkpoint is missing", "checkpoint");
        var verifiers = _signers.Select(VerifierOf);
        try
        {
            var opened = new NoteVerifierSet(verifiers).Open(bytes);
            var published = Checkpoints.Checkpoint.Parse(opened.Note.Text);
            if (published.Size != Checkpoint.Size || !published.RootHash.AsSpan().SequenceEqual(Checkpoint.RootHash))
            {
                throw new LogCorruptException("checkpoint changed while the log was open", "checkpoint");
            }
        }
        catch (NoteVerificationException e)
        {
            throw new LogCorruptException($"checkpoint: {e.Message}", "checkpoint");
        }
    }

    private static INoteVerifier VerifierOf(INoteSigner signer) => signer switch
    {
        Ed25519NoteSigner ed => ed.Verifier,
        EcdsaNoteSigner ec => ec.Verifier,
        _ => throw new NotSupportedException($"no verifier for signer {signer.GetType().Name}"),
    };

    /// <summary>
    /// Reads integrated entries [<paramref name="from"/>, <paramref name="from"/> + <paramref name="count"/>) from their bundles.
    /// </summary>
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadEntriesAsync(long from, long count,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = Checkpoint.Size;
        var end = Math.Min(size, from + count);
        for (var index = from; index < end;)
        {
            var bundleIndex = index / Tiles.TileId.FullWidth;
            var width = (int)Math.Min(Tiles.TileId.FullWidth, size - (bundleIndex * Tiles.TileId.FullWidth));
            var tile = Tiles.TileId.Entries(bundleIndex, width);
            var data = (await CurrentTile.ReadAsync(_storage, tile, cancellationToken).ConfigureAwait(false)).Data
                ?? throw new LogCorruptException($"{tile.Path} is missing", tile.Path);
            var entries = Tiles.EntryBundle.Decode(data, path: tile.Path);
            for (var i = (int)(index % Tiles.TileId.FullWidth); i < width && index < end; i++, index++)
            {
                yield return entries[i];
            }
        }
    }

    /// <summary>
    /// The inclusion proof of entry <paramref name="index"/> in the published tree of <paramref name="treeSize"/> (default: current).
    /// </summary>
    public ValueTask<byte[][]> ProveInclusionAsync(long index, long? treeSize, CancellationToken cancellationToken)
    {
        var size = treeSize ?? Checkpoint.Size;
        RequirePublished(size);
        if (index < 0 || index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is not in the tree of size {size}");
        }

        return MerkleProofs.InclusionAsync(_storage.StoredHashes, index, size, cancellationToken);
    }

    /// <summary>The consistency proof between two published tree sizes.</summary>
    public ValueTask<byte[][]> ProveConsistencyAsync(long oldSize, long? newSize, CancellationToken cancellationToken)
    {
        var size = newSize ?? Checkpoint.Size;
        RequirePublished(size);
        if (oldSize < 0 || oldSize > size)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), $"old size {oldSize} is not between 0 and {size}");
        }

        return MerkleProofs.ConsistencyAsync(_storage.StoredHashes, oldSize, size, cancellationToken);
    }

    /// <summary>The root of the tree of <paramref name="treeSize"/> entries, for any size up to the published one.</summary>
    public ValueTask<byte[]> RootAsync(long treeSize, CancellationToken cancellationToken)
    {
        RequirePublished(treeSize);
        return MerkleProofs.TreeHashAsync(_storage.StoredHashes, treeSize, cancellationToken);
    }

    private void RequirePublished(long size)
    {
        if (size < 0 || size > Checkpoint.Size)
        {
            throw new ArgumentOutOfRangeException(nameof(size),
                $"tree size {size} is beyond the published checkpoint ({Checkpoint.Size}); run 'accord log checkpoint' first");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _gate.Dispose();
        await _storage.DisposeAsync().ConfigureAwait(false);
        foreach (var signer in _signers.OfType<IDisposable>())
        {
            signer.Dispose();
        }
    }
}
