using CyberAccord.Log.Merkle;
using CyberAccord.Log.Recovery;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Log.Tests.Storage;
using CyberAccord.Log.Tiles;

namespace CyberAccord.Log.Tests.Recovery;

/// <summary>
/// Fault injection at rest: one file of a stopped log is altered, then the log is opened. Each test asserts that the
/// damage is detected and the file named before anything is served or integrated, that fsck rebuilds it from sound
/// sources only, that the damaged copy is kept aside, and that every entry reads back and proves afterwards.
/// </summary>
public sealed class TamperedFilesTests : IDisposable
{
    private const int Size = 600;
    private readonly TempDir _dir = new();

    /// <summary>
    /// 600 entries integrated at 550 and then 600: tiles 0/000-001 full, 0/002.p/88 (and 002.p/38 of the earlier size), 1/000.p/2.
    /// </summary>
    private async Task<string> LogAsync()
    {
        var root = _dir.Sub("log");
        await LogDirectory.InitAsync(root, "example.org/tamper", CancellationToken.None);
        await using var log = await LogDirectory.OpenAsync(root, TimeSpan.FromSeconds(5), CancellationToken.None);
        await log.AppendAsync(LogFixture.Entries(Enumerable.Range(0, 550).Select(Text)), CancellationToken.None);
        await log.IntegrateAsync(null, CancellationToken.None);
        await log.AppendAsync(LogFixture.Entries(Enumerable.Range(550, Size - 550).Select(Text)), CancellationToken.None);
        await log.IntegrateAsync(null, CancellationToken.None);
        return root;
    }

    private static string Text(int i) => $"entry number {i}";

    private static void FlipByte(string path, int offset)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[offset] ^= 0x20;
        File.WriteAllBytes(path, bytes);
    }

    private static void ForgetJournal(string root)
    {
        foreach (var segment in Directory.EnumerateFiles(Path.Combine(root, "private", "sequence")))
        {
            File.Delete(segment);
        }
    }

    private static async Task<LogCorruptException> OpenRefusesAsync(string root)
    {
        await using var log = await LogDirectory.OpenAsync(root, TimeSpan.FromSeconds(5), CancellationToken.None);
        return await Assert.ThrowsAsync<LogCorruptException>(() => log.RequireSoundFilesAsync(CancellationToken.None));
    }

    /// <summary>Every entry reads back, every inclusion proof verifies against the checkpoint, and the files are sound.</summary>
    private static async Task AssertWholeAsync(string root)
    {
        await using var log = await LogDirectory.OpenAsync(root, TimeSpan.FromSeconds(5), CancellationToken.None);
        await log.RequireSoundFilesAsync(CancellationToken.None);
        Assert.Equal(Size, log.Checkpoint.Size);
        var i = 0;
        await foreach (var entry in log.ReadEntriesAsync(0, Size, CancellationToken.None))
        {
            Assert.Equal(Text(i), System.Text.Encoding.UTF8.GetString(entry.Span));
            var proof = await log.ProveInclusionAsync(i, null, CancellationToken.None);
            ProofVerifier.VerifyInclusion(i, Size, Rfc6962.HashLeaf(entry.Span), proof, log.Checkpoint.RootHash);
            i++;
        }

        Assert.Equal(Size, i);
    }

    private static string DamagedCopy(string root, string relative) =>
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(Path.Combine(root, FileLogStorage.DamagedDirectory, relative))!,
            Path.GetFileName(relative) + ".damaged-*"));

    [Fact]
    public async Task Flipped_byte_in_an_entry_bundle_is_named_and_rebuilt_from_the_journal()
    {
        var root = await LogAsync();
        var bundle = TileId.Entries(0).Path;
        var original = File.ReadAllBytes(Path.Combine(root, bundle));
        FlipByte(Path.Combine(root, bundle), 100);

        var refused = await OpenRefusesAsync(root);
        Assert.Equal(bundle, refused.Path);
        Assert.Contains(bundle, refused.Message, StringComparison.Ordinal);
        Assert.Contains("accord log fsck", refused.Message, StringComparison.Ordinal);

        var report = await LogFsck.RunAsync(root, null, CancellationToken.None);
        Assert.Contains(report.Actions, a => a.StartsWith($"rewrote {bundle} from entries hash-proven", StringComparison.Ordinal)
            && a.Contains("journal", StringComparison.Ordinal));
        Assert.Equal(original, File.ReadAllBytes(Path.Combine(root, bundle)));
        Assert.NotEqual(original, File.ReadAllBytes(DamagedCopy(root, bundle)));
        await AssertWholeAsync(root);
    }

    [Fact]
    public async Task Flipped_byte_in_an_entry_bundle_is_rebuilt_from_copies_only_where_they_hash_to_the_proven_leaves()
    {
        var root = await LogAsync();
        ForgetJournal(root);
        var bundle = TileId.Entries(1).Path;
        FlipByte(Path.Combine(root, bundle), 7);

        // The copies hold a forgery of every entry, listed before the genuine one: only the genuine one may be used.
        var copies = new Copies(i =>
            [System.Text.Encoding.UTF8.GetBytes(Text(i) + " (forged)"), System.Text.Encoding.UTF8.GetBytes(Text(i))]);
        var report = await LogFsck.RunAsync(root, null, CancellationToken.None, copies: copies);
        Assert.Contains(report.Actions, a => a.StartsWith($"rewrote {bundle}", StringComparison.Ordinal)
            && a.Contains("test copies", StringComparison.Ordinal));
        DamagedCopy(root, bundle);
        await AssertWholeAsync(root);
    }

    [Fact]
    public async Task Flipped_byte_in_a_level_0_hash_tile_is_named_and_rewritten_from_the_entries()
    {
        var root = await LogAsync();
        var tile = TileId.Hashes(0, 1).Path;
        FlipByte(Path.Combine(root, tile), 32 * 17);

        var refused = await OpenRefusesAsync(root);
        Assert.Equal(tile, refused.Path);

        var report = await LogFsck.RunAsync(root, null, CancellationToken.None);
        Assert.Contains(report.Actions, a => a.StartsWith($"rewrote {tile} from the entries", StringComparison.Ordinal));
        DamagedCopy(root, tile);
        await AssertWholeAsync(root);
    }

    [Fact]
    public async Task Flipped_byte_in_a_level_1_hash_tile_is_named_and_rewritten_from_the_entries()
    {
        var root = await LogAsync();
        var tile = TileId.Hashes(1, 0, 2).Path;
        FlipByte(Path.Combine(root, tile), 40);

        var refused = await OpenRefusesAsync(root);
        Assert.Equal(tile, refused.Path);

        var report = await LogFsck.RunAsync(root, null, CancellationToken.None);
        Assert.Contains(report.Actions, a => a.StartsWith($"rewrote {tile}", StringComparison.Ordinal));
        DamagedCopy(root, tile);
        await AssertWholeAsync(root);
    }

    [Fact]
    public async Task Flipped_byte_in_an_older_partial_tile_still_served_is_named_and_rewritten()
    {
        var root = await LogAsync();
        var tile = TileId.Hashes(0, 2, 38).Path;
        Assert.True(File.Exists(Path.Combine(root, tile)));
        FlipByte(Path.Combine(root, tile), 3);

        var refused = await OpenRefusesAsync(root);
        Assert.Equal(tile, refused.Path);

        await LogFsck.RunAsync(root, null, CancellationToken.None);
        DamagedCopy(root, tile);
        await AssertWholeAsync(root);
    }

    [Fact]
    public async Task Flipped_byte_in_the_stored_hash_index_is_named_and_rebuilt_so_proofs_verify()
    {
        var root = await LogAsync();
        var hashes = Path.Combine(root, "private", "hashes");
        FlipByte(hashes, (int)(StoredHashes.Index(1, 7) * 32) + 5);

        var refused = await OpenRefusesAsync(root);
        Assert.Equal(LogIntegrity.StoredHashPath, refused.Path);

        var report = await LogFsck.RunAsync(root, null, CancellationToken.None);
        Assert.Contains(report.Actions, a => a.StartsWith("rebuilt the stored-hash index", StringComparison.Ordinal));
        DamagedCopy(root, LogIntegrity.StoredHashPath);
        await AssertWholeAsync(root);
    }

    [Fact]
    public async Task Truncated_partial_entry_bundle_is_named_never_built_upon_and_rebuilt()
    {
        var root = await LogAsync();
        var bundle = Path.Combine(root, TileId.Entries(2, 88).Path);
        var bytes = File.ReadAllBytes(bundle);
        File.WriteAllBytes(bundle, bytes[..(bytes.Length / 2)]);

        var refused = await OpenRefusesAsync(root);
        Assert.Equal(TileId.Entries(2, 88).Path, refused.Path);

        // Integration resumes from the partial bundle: it must refuse rather than sign a checkpoint over the damage.
        await using (var log = await LogDirectory.OpenAsync(root, TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            await log.AppendAsync(LogFixture.Entries(["one more"]), CancellationToken.None);
            await Assert.ThrowsAsync<LogCorruptException>(() => log.IntegrateAsync(null, CancellationToken.None));
            Assert.Equal(Size, log.Checkpoint.Size);
        }

        // The journal still holds the last batch, the older partial bundle the first 38.
        var report = await LogFsck.RunAsync(root, null, CancellationToken.None);
        Assert.Contains(report.Actions, a => a.StartsWith($"rewrote {TileId.Entries(2, 88).Path}", StringComparison.Ordinal));
        Assert.Contains(report.Actions, a => a.StartsWith("finished integration of 1", StringComparison.Ordinal));
        Assert.Equal(Size + 1, report.Verification.Checkpoint.Size);
        DamagedCopy(root, TileId.Entries(2, 88).Path);
    }

    [Fact]
    public async Task A_sound_log_passes_the_open_check_and_fsck_moves_nothing_aside()
    {
        var root = await LogAsync();
        await AssertWholeAsync(root);
        var report = await LogFsck.RunAsync(root, null, CancellationToken.None);
        Assert.Empty(report.Actions);
        Assert.False(Directory.Exists(Path.Combine(root, FileLogStorage.DamagedDirectory)));
    }

    public void Dispose() => _dir.Dispose();

    private sealed class Copies(Func<int, byte[][]> copiesOf) : IEntryCopies
    {
        public string Description => "test copies";

        public Task<IReadOnlyList<(long Index, byte[] Entry)>> ReadAsync(long first, int count, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<(long, byte[])>>(
                [.. Enumerable.Range((int)first, count).SelectMany(i => copiesOf(i).Select(c => ((long)i, c)))]);
    }
}
