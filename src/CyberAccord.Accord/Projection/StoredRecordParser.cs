using System.Runtime.CompilerServices;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;

namespace CyberAccord.Accord.Projection;

/// <summary>
/// Turns a store's (sequence, entry) rows into records, parsing a chunk at a time on every core: a node with a million
/// records spent half its start-up parsing them one by one while the database waited.
/// </summary>
public static class StoredRecordParser
{
    private const int Chunk = 4096;

    public static async IAsyncEnumerable<StoredRecord> ParseAsync(
        IAsyncEnumerable<(long Sequence, byte[] Entry)> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var chunk = new List<(long Sequence, byte[] Entry)>(Chunk);
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(row);
            if (chunk.Count == Chunk)
            {
                foreach (var record in Parse(chunk))
                {
                    yield return record;
                }

                chunk.Clear();
            }
        }

        foreach (var record in Parse(chunk))
        {
            yield return record;
        }
    }

    private static StoredRecord[] Parse(List<(long Sequence, byte[] Entry)> chunk)
    {
        var records = new StoredRecord[chunk.Count];
        Parallel.For(0, chunk.Count, i => records[i] = new StoredRecord(chunk[i].Sequence, AccordRecord.Parse(chunk[i].Entry)));
        return records;
    }
}
