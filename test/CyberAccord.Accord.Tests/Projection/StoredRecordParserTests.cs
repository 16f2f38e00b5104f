using System.Text.Json.Nodes;
using CyberAccord.Accord.Projection;
using CyberAccord.Accord.Records;

namespace CyberAccord.Accord.Tests.Projection;

public sealed class StoredRecordParserTests
{
    [Fact]
    public async Task Rows_come_back_as_records_in_their_order_across_chunk_boundaries()
    {
        using var key = PartyKey.Generate();
        var created = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var entries = Enumerable.Range(0, 9_000)
            .Select(i => AccordRecord.Sign(
                RecordKinds.Statement, $"statement--{i:D5}", "party--de", created.AddSeconds(i),
                new JsonObject { ["title"] = $"t{i}", ["text"] = "x" }, key).ToEntry())
            .ToList();

        static async IAsyncEnumerable<(long, byte[])> Rows(List<byte[]> entries)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                await Task.Yield();
                yield return (1_000 + i, entries[i]);
            }
        }

        var parsed = new List<(long Sequence, string Id)>();
        await foreach (var record in StoredRecordParser.ParseAsync(Rows(entries), CancellationToken.None))
        {
            parsed.Add((record.Sequence, record.Record.Id));
        }

        Assert.Equal(Enumerable.Range(0, 9_000).Select(i => (1_000L + i, $"statement--{i:D5}")), parsed);
    }
}
