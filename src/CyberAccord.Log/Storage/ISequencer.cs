namespace CyberAccord.Log.Storage;

/// <summary>
/// The log's write-ahead part: where entries wait, durable and numbered, until integration puts them into tiles.
/// The embedded log keeps them in journal files; a large deployment keeps them in its database.
/// </summary>
/// <remarks>
/// <see cref="AppendAsync"/> MUST NOT return before every entry of the batch is durable, and MUST assign consecutive
/// indices from <see cref="SequencedSize"/>; a batch is all or nothing. Entries MUST stay readable until
/// <see cref="ReleaseAsync"/> is called with a size above them.
/// </remarks>
public interface ISequencer : IAsyncDisposable
{
    /// <summary>How many entries have been sequenced (integrated or not).</summary>
    long SequencedSize { get; }

    /// <summary>What opening found and repaired, for fsck to report.</summary>
    IReadOnlyList<string> Repairs { get; }

    /// <summary>Durably appends a batch; returns the index of its first entry.</summary>
    ValueTask<long> AppendAsync(IReadOnlyList<ReadOnlyMemory<byte>> entries, CancellationToken cancellationToken);

    /// <summary>Reads sequenced entries from <paramref name="from"/> on, at most <paramref name="maxCount"/> of them.</summary>
    ValueTask<IReadOnlyList<ReadOnlyMemory<byte>>> ReadAsync(long from, int maxCount, CancellationToken cancellationToken);

    /// <summary>A checkpoint of <paramref name="integratedSize"/> is durable: entries below it may go.</summary>
    ValueTask ReleaseAsync(long integratedSize, CancellationToken cancellationToken);
}

/// <summary>
/// Opens the sequencer a log directory names in <c>private/sequencer.json</c> (<see cref="SequencerSettings"/>) when its
/// sequencing lives outside its files. The log library knows no database; the program that does supplies this.
/// </summary>
public interface ISequencerFactory
{
    ValueTask<ISequencer> OpenAsync(SequencerSettings settings, long integratedSize, CancellationToken cancellationToken);
}

/// <summary>
/// Where a log's sequencing lives when not in its own journal files: a kind (such as postgres), its connection, and the
/// id that log claimed the place with, so that a second log can never read or append to the first one's entries.
/// </summary>
public sealed record SequencerSettings(
    [property: System.Text.Json.Serialization.JsonPropertyName("kind")] string Kind,
    [property: System.Text.Json.Serialization.JsonPropertyName("connection")] string Connection,
    [property: System.Text.Json.Serialization.JsonPropertyName("log_id")] string LogId);
