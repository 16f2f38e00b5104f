using CyberAccord.Accord.State;

namespace CyberAccord.Accord.Node;

/// <summary>
/// Where a node keeps its projection: the records it has applied, in log order, and query tables derived
/// from them. The log is the source of truth; a store MUST be rebuildable from it and MUST NOT hold a record
/// the log does not. Each apply is atomic: the record and every table row it changes, or nothing.
/// </summary>
public interface IAccordStore : IAsyncDisposable
{
    /// <summary>How many log entries the projection reflects.</summary>
    Task<long> ProjectedSizeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores many records applied to <paramref name="state"/> (which already includes all of them) in one transaction;
    /// table rows reflect the state after the last. It MUST take what it needs from <paramref name="state"/> before it
    /// returns its task: the caller goes on applying records while the batch is written.
    /// </summary>
    Task ApplyBatchAsync(IReadOnlyList<StoredRecord> records, AccordState state, CancellationToken cancellationToken);

    /// <summary>The records in log order, for rebuilding the in-memory state.</summary>
    IAsyncEnumerable<StoredRecord> ReadRecordsAsync(CancellationToken cancellationToken);

    /// <summary>Drops everything, before a rebuild from the log.</summary>
    Task ClearAsync(CancellationToken cancellationToken);

    /// <summary>Every table, rendered in a canonical order, to compare two projections.</summary>
    Task<string> DumpAsync(CancellationToken cancellationToken);
}
