using CyberAccord.Log.Merkle;
using CyberAccord.Log.Tiles;

namespace CyberAccord.Log.Storage;

/// <summary>
/// What a transparency log needs from the place it keeps its data. The tree logic lives in
/// <see cref="TransparencyLog"/>; a backend only stores bytes and keeps the promises below.
/// An instance has exclusive write access to its log for its lifetime.
/// </summary>
/// <remarks>
/// Durability contract:
/// <list type="bullet">
/// <item><see cref="SequenceAsync"/> MUST NOT return before every entry of the batch is durable, and MUST
/// assign consecutive indices starting at the sequenced size. A batch is all or nothing.</item>
/// <item>After a crash, every entry whose index was returned MUST still be readable by <see cref="ReadSequencedAsync"/>.</item>
/// <item><see cref="PublishCheckpointAsync"/> MUST NOT be called before <see cref="FlushAsync"/> has made every tile,
/// bundle and stored hash it commits to durable, and MUST replace the checkpoint atomically and durably.</item>
/// <item>Tiles and bundles of a published size MUST NOT change. Entries MUST NOT be released from sequencing storage
/// before a checkpoint covering them is durable.</item>
/// </list>
/// </remarks>
public interface ILogStorage : IAsyncDisposable
{
    /// <summary>Durably assigns indices to a batch of entries; returns the index of the first.</summary>
    ValueTask<long> SequenceAsync(IReadOnlyList<ReadOnlyMemory<byte>> entries, CancellationToken cancellationToken);

    /// <summary>How many entries have been sequenced (integrated or not).</summary>
    long SequencedSize { get; }

    /// <summary>Reads sequenced entries from <paramref name="from"/> on, at most <paramref name="maxCount"/> of them.</summary>
    ValueTask<IReadOnlyList<ReadOnlyMemory<byte>>> ReadSequencedAsync(long from, int maxCount, CancellationToken cancellationToken);

    /// <summary>The published checkpoint note, or null before the first one.</summary>
    ValueTask<byte[]?> ReadCheckpointAsync(CancellationToken cancellationToken);

    /// <summary>A hash tile or entry bundle, or null when it is not stored.</summary>
    ValueTask<byte[]?> ReadTileAsync(TileId tile, CancellationToken cancellationToken);

    /// <summary>Reads hashes by their <see cref="StoredHashes"/> position, for proofs.</summary>
    IStoredHashReader StoredHashes { get; }

    /// <summary>Writes tiles and bundles produced by integration; they need not be durable until <see cref="FlushAsync"/>.</summary>
    ValueTask WriteTilesAsync(IReadOnlyList<TileData> tiles, CancellationToken cancellationToken);

    /// <summary>Writes stored hashes starting at <paramref name="position"/>, replacing anything from there on.</summary>
    ValueTask WriteStoredHashesAsync(long position, ReadOnlyMemory<byte> hashes, CancellationToken cancellationToken);

    /// <summary>Makes everything written so far durable.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);

    /// <summary>Atomically and durably replaces the checkpoint.</summary>
    ValueTask PublishCheckpointAsync(byte[] checkpoint, long treeSize, CancellationToken cancellationToken);

    /// <summary>
    /// Called after a checkpoint of <paramref name="integratedSize"/> is durable: the backend may drop sequencing
    /// data below it and partial tiles that full ones have replaced.
    /// </summary>
    ValueTask ReleaseIntegratedAsync(long integratedSize, CancellationToken cancellationToken);
}

/// <summary>A tile or entry bundle and its bytes.</summary>
public sealed record TileData(TileId Tile, byte[] Data);
