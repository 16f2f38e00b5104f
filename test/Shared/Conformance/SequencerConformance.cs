using System.Text;
using CyberAccord.Log;
using CyberAccord.Log.Storage;

namespace CyberAccord.Tests.Conformance;

/// <summary>
/// The sequencing contract (<see cref="ISequencer"/>), run against each place a log's entries can wait for integration:
/// the embedded journal files and PostgreSQL.
/// </summary>
public abstract class SequencerConformance : IDisposable
{
    private protected TempDir Dir { get; } = new();

    /// <summary>
    /// Opens (creating when needed) this backend's sequencer for one log whose tiles hold <paramref name="integratedSize"/> entries.
    /// </summary>
    protected abstract Task<ISequencer> OpenAsync(long integratedSize);

    private static List<ReadOnlyMemory<byte>> Entries(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes($"{prefix}-{i}")).ToList();

    private static List<string> Text(IReadOnlyList<ReadOnlyMemory<byte>> entries) =>
        entries.Select(e => Encoding.UTF8.GetString(e.Span)).ToList();

    [Fact]
    public async Task Batches_get_consecutive_indices_and_read_back_in_order()
    {
        await using var sequencer = await OpenAsync(0);
        Assert.Equal(0, sequencer.SequencedSize);
        Assert.Equal(0, await sequencer.AppendAsync(Entries("a", 3), CancellationToken.None));
        Assert.Equal(3, await sequencer.AppendAsync(Entries("b", 2), CancellationToken.None));
        Assert.Equal(5, await sequencer.AppendAsync([], CancellationToken.None));
        Assert.Equal(5, sequencer.SequencedSize);
        Assert.Equal(["a-1", "a-2", "b-0", "b-1"], Text(await sequencer.ReadAsync(1, 100, CancellationToken.None)));
        Assert.Equal(["a-2", "b-0"], Text(await sequencer.ReadAsync(2, 2, CancellationToken.None)));
        Assert.Empty(await sequencer.ReadAsync(5, 10, CancellationToken.None));
    }

    [Fact]
    public async Task What_was_appended_is_there_after_reopening()
    {
        await using (var sequencer = await OpenAsync(0))
        {
            await sequencer.AppendAsync(Entries("kept", 10), CancellationToken.None);
        }

        await using (var sequencer = await OpenAsync(0))
        {
            Assert.Equal(10, sequencer.SequencedSize);
            Assert.Equal(Text(Entries("kept", 10)), Text(await sequencer.ReadAsync(0, 100, CancellationToken.None)));
            Assert.Equal(10, await sequencer.AppendAsync(Entries("more", 1), CancellationToken.None));
        }
    }

    [Fact]
    public async Task Released_entries_go_and_the_rest_stay_readable_after_reopening()
    {
        await using (var sequencer = await OpenAsync(0))
        {
            await sequencer.AppendAsync(Entries("x", 6), CancellationToken.None);
            await sequencer.ReleaseAsync(4, CancellationToken.None);
            Assert.Equal(["x-4", "x-5"], Text(await sequencer.ReadAsync(4, 10, CancellationToken.None)));
        }

        // Reopened as a log whose tiles now hold 4 entries: the size counts from there and the unintegrated two remain.
        await using (var sequencer = await OpenAsync(4))
        {
            Assert.Equal(6, sequencer.SequencedSize);
            Assert.Equal(["x-4", "x-5"], Text(await sequencer.ReadAsync(4, 10, CancellationToken.None)));
        }
    }

    [Fact]
    public async Task A_log_with_integrated_entries_and_nothing_pending_continues_from_its_size()
    {
        await using var sequencer = await OpenAsync(1000);
        Assert.Equal(1000, sequencer.SequencedSize);
        Assert.Equal(1000, await sequencer.AppendAsync(Entries("next", 2), CancellationToken.None));
        Assert.Equal(["next-0", "next-1"], Text(await sequencer.ReadAsync(1000, 10, CancellationToken.None)));
    }

    [Fact]
    public async Task An_oversized_entry_refuses_the_whole_batch()
    {
        await using var sequencer = await OpenAsync(0);
        var batch = Entries("ok", 2);
        batch.Add(new byte[65_536]);
        var e = await Assert.ThrowsAsync<LogFormatException>(async () => await sequencer.AppendAsync(batch, CancellationToken.None));
        Assert.Contains("65536 bytes", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, sequencer.SequencedSize);
        Assert.Empty(await sequencer.ReadAsync(0, 10, CancellationToken.None));
        Assert.Equal(0, await sequencer.AppendAsync(Entries("after", 1), CancellationToken.None));
    }

    protected virtual void Cleanup()
    {
    }

    public void Dispose()
    {
        Cleanup();
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
