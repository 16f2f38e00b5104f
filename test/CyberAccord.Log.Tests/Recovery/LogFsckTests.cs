using CyberAccord.Log.Checkpoints;
using CyberAccord.Log.Merkle;
using CyberAccord.Log.Recovery;
using CyberAccord.Log.Storage;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Log.Tests.Storage;
using CyberAccord.Log.Tiles;

namespace CyberAccord.Log.Tests.Recovery;

public sealed class LogFsckTests : IDisposable
{
    private readonly TempDir _dir = new();

    private async Task<string> InitAsync()
    {
        var root = _dir.Sub("log");
        await LogDirectory.InitAsync(root, "example.org/fsck", CancellationToken.None);
        return root;
    }

    [Fact]
    public async Task Fsck_finishes_an_integration_interrupted_before_its_checkpoint()
    {
        var root = await InitAsync();
        await using (var log = await LogDirectory.OpenAsync(root, TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            await log.AppendAsync(LogFixture.Entries(Enumerable.Range(0, 1000).Select(i => $"e{i}")), CancellationToken.None);
            await log.IntegrateAsync(null, CancellationToken.None);
            await log.AppendAsync(LogFixture.Entries(Enumerable.Range(1000, 700).Select(i => $"e{i}")), CancellationToken.None);

            // Half an integration: tiles and hashes written, the checkpoint never published.
            var integrator = await Integrator.ResumeAsync(log.Storage, 1000, CancellationToken.None);
            foreach (var entry in await log.Storage.ReadSequencedAsync(1000, 700, CancellationToken.None))
            {
                integrator.Append(entry);
            }

            await integrator.WriteEdgeAsync(log.Storage, CancellationToken.None);
        }

        File.WriteAllText(Path.Combine(root, "tile", "0", "006.tmp"), "half a tile");
        var report = await LogFsck.RunAsync(root, null, CancellationToken.None);
        Assert.Equal(1700, report.Verification.Checkpoint.Size);
        Assert.Contains(report.Actions, a => a.Contains("finished integration of 700", StringComparison.Ordinal));
        Assert.Contains(report.Actions, a => a.Contains("006.tmp", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(root, "tile", "0", "006.tmp")));
        Assert.Equal(
            Rfc6962.RootFromLeafHashes(
                Enumerable.Range(0, 1700).Select(i => Rfc6962.HashLeaf(System.Text.Encoding.UTF8.GetBytes($"e{i}"))).ToList()),
            report.Verification.Checkpoint.RootHash);
    }

    [Fact]
    public async Task Fsck_rebuilds_a_damaged_stored_hash_index_so_proofs_verify_again()
    {
        var root = await InitAsync();
        Checkpoint checkpoint;
        await using (var log = await LogDirectory.OpenAsync(root, TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            await log.AppendAsync(LogFixture.Entries(Enumerable.Range(0, 600).Select(i => $"e{i}")), CancellationToken.None);
            checkpoint = await log.IntegrateAsync(null, CancellationToken.None);
        }

        var hashes = Path.Combine(root, "private", "hashes");
        var bytes = File.ReadAllBytes(hashes);
        bytes[100] ^= 0xff;
        File.WriteAllBytes(hashes, bytes[..^64]);

        var report = await LogFsck.RunAsync(root, null, CancellationToken.None);
        Assert.Contains(report.Actions, a => a.Contains("rebuilt the stored-hash index", StringComparison.Ordinal));
        await using (var log = await LogDirectory.OpenAsync(root, TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            var proof = await log.ProveInclusionAsync(3, null, CancellationToken.None);
            ProofVerifier.VerifyInclusion(3, 600, Rfc6962.HashLeaf("e3"u8), proof, checkpoint.RootHash);
        }
    }

    [Fact]
    public async Task Fsck_of_a_sound_log_changes_nothing()
    {
        var root = await InitAsync();
        await using (var log = await LogDirectory.OpenAsync(root, TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            await log.AppendAsync(LogFixture.Entries(["a", "b", "c"]), CancellationToken.None);
            await log.IntegrateAsync(null, CancellationToken.None);
        }

        var before = File.ReadAllBytes(Path.Combine(root, "checkpoint"));
        var report = await LogFsck.RunAsync(root, null, CancellationToken.None);
        Assert.Empty(report.Actions);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(root, "checkpoint")));
    }

    [Fact]
    public async Task Fsck_names_a_damaged_entry_bundle_no_sound_copy_can_rebuild_and_leaves_it_in_place()
    {
        var root = await InitAsync();
        await using (var log = await LogDirectory.OpenAsync(root, TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            await log.AppendAsync(LogFixture.Entries(Enumerable.Range(0, 300).Select(i => $"e{i}")), CancellationToken.None);
            await log.IntegrateAsync(null, CancellationToken.None);
        }

        // The journal released the integrated entries: only the bundle held entry 3.
        foreach (var segment in Directory.EnumerateFiles(Path.Combine(root, "private", "sequence")))
        {
            File.Delete(segment);
        }

        var bundle = Path.Combine(root, TileId.Entries(0).Path);
        var bytes = File.ReadAllBytes(bundle);
        bytes[5 * 4] ^= 1;
        File.WriteAllBytes(bundle, bytes);
        var e = await Assert.ThrowsAsync<LogCorruptException>(() => LogFsck.RunAsync(root, null, CancellationToken.None));
        Assert.Equal("tile/entries/000", e.Path);
        Assert.Equal(bytes, File.ReadAllBytes(bundle));
    }

    public void Dispose() => _dir.Dispose();
}
