using CyberAccord.Log;
using CyberAccord.Log.Storage;
using CyberAccord.Tests.Conformance;

namespace CyberAccord.Storage.Postgres.Tests;

/// <summary>The sequencing contract on a real PostgreSQL server, one schema per test.</summary>
public sealed class PostgresSequencerTests : SequencerConformance
{
    private readonly string _store = TestDatabase.NewSchema("sequencer");
    private readonly string _logId = Guid.NewGuid().ToString();
    private bool _claimed;

    protected override async Task<ISequencer> OpenAsync(long integratedSize)
    {
        if (!_claimed)
        {
            await PostgresSequencer.ClaimAsync(_store, _logId, null, CancellationToken.None);
            _claimed = true;
        }

        return await PostgresSequencer.OpenAsync(_store, _logId, integratedSize, CancellationToken.None);
    }

    [Fact]
    public async Task Another_log_cannot_open_a_schema_claimed_by_this_one()
    {
        await using (var sequencer = await OpenAsync(0))
        {
            await sequencer.AppendAsync(["mine"u8.ToArray()], CancellationToken.None);
        }

        var e = await Assert.ThrowsAsync<LogStateException>(
            () => PostgresSequencer.OpenAsync(_store, Guid.NewGuid().ToString(), 0, CancellationToken.None));
        Assert.Contains($"log {_logId}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_another_log_owns_cannot_be_claimed_except_by_the_node_replacing_it()
    {
        await using (var sequencer = await OpenAsync(0))
        {
            await sequencer.AppendAsync(["pending, not yet integrated"u8.ToArray()], CancellationToken.None);
        }

        var e = await Assert.ThrowsAsync<LogStateException>(
            () => PostgresSequencer.ClaimAsync(_store, Guid.NewGuid().ToString(), null, CancellationToken.None));
        Assert.Contains("another node", e.Message, StringComparison.Ordinal);
        await using (var sequencer = await PostgresSequencer.OpenAsync(_store, _logId, 0, CancellationToken.None))
        {
            Assert.Equal(1, sequencer.SequencedSize);
        }

        var successor = Guid.NewGuid().ToString();
        await PostgresSequencer.ClaimAsync(_store, successor, _logId, CancellationToken.None);
        await using var replaced = await PostgresSequencer.OpenAsync(_store, successor, 0, CancellationToken.None);
        Assert.Equal(0, replaced.SequencedSize);
    }

    [Fact]
    public async Task Only_one_process_appends_to_a_schema_at_a_time()
    {
        await using var first = await OpenAsync(0);
        var e = await Assert.ThrowsAsync<LogStateException>(() => PostgresSequencer.OpenAsync(_store, _logId, 0, CancellationToken.None));
        Assert.Contains("in use by another process", e.Message, StringComparison.Ordinal);
    }

    protected override void Cleanup() => PostgresAccordStore.DropAsync(_store, CancellationToken.None).GetAwaiter().GetResult();
}
