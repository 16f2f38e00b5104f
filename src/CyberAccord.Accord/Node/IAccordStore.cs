using CyberAccord.Accord.State;

namespace CyberAccord.Accord.Node;

/// <summary>
/// Where a node keeps a verified cache of its log: the records it has applied, in log order, so that a restart replays
/// them from one read instead of from the log's bundles. Nothing derived from the state is stored; every read is
/// computed from the in-memory state. The log is the source of truth; a store MUST be rebuildable from it and MUST NOT
/// hold a record the log does not (the node uses the stored records only when they hash to the log's root). Each
/// append is atomic: every record of the batch, or none.
/// </summary>
public interface IAccordStore : IAsyncDisposable
{
    /// <summary>How many log entries the store holds.</summary>
    Task<long> ProjectedSizeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores records, in log order and following the ones already stored, in one transaction. It MUST take what it needs
    /// from <paramref name="records"/> before it returns its task: the caller goes on applying records while the batch is
    /// written.
    /// </summary>
    Task AppendAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken);

    /// <summary>The records in log order, for rebuilding the in-memory state.</summary>
    IAsyncEnumerable<StoredRecord> ReadRecordsAsync(CancellationToken cancellationToken);

    /// <summary>Drops everything, before a rebuild from the log.</summary>
    Task ClearAsync(CancellationToken cancellationToken);

    /// <summary>Every record, rendered canonically (<see cref="Projection.ProjectionDump"/>), to compare two stores.</summary>
    Task<string> DumpAsync(CancellationToken cancellationToken);
}
