using System.Security.Cryptography;
using System.Text;
using CyberAccord.Log.Merkle;
using CyberAccord.Log.Notes;
using CyberAccord.Log.Storage.Files;

namespace CyberAccord.Log.Tests.Storage;

public sealed class TransparencyLogTests
{
    private static readonly System.Text.Json.JsonElement Derived = TestData.Json("tlog/derived/derived-vectors.json");

    private static readonly System.Text.Json.JsonElement ReferenceTreeTiles =
        Derived.GetProperty("tilesFor8LeafReferenceTree").GetProperty("paths");

    private static readonly System.Text.Json.JsonElement Tree300Tiles = Derived.GetProperty("tree300").GetProperty("tiles");

    private static string Hex(string path) => Convert.ToHexStringLower(File.ReadAllBytes(path));

    public static TheoryData<string> ReferenceTreeTilePaths() => NamedVectors.PropertyNames(ReferenceTreeTiles);

    public static TheoryData<string> Tree300TilePaths() => NamedVectors.PropertyNames(Tree300Tiles);

    /// <summary>Logs the 8-leaf reference tree in two integrations, of 4 entries each, as the derived vectors were made.</summary>
    private static async Task LogReferenceTreeAsync(TempDir dir, Action<string>? checkpointWritten = null)
    {
        var inputs = LogFixture.ReferenceInputs();
        await using var log = await LogFixture.OpenWithTestKeyAsync(dir.Path);
        Assert.Equal(0, await log.AppendAsync(inputs[..4], CancellationToken.None));
        await log.IntegrateAsync(null, CancellationToken.None);
        checkpointWritten?.Invoke("size4_signed");

        Assert.Equal(4, await log.AppendAsync(inputs[4..], CancellationToken.None));
        var checkpoint = await log.IntegrateAsync(null, CancellationToken.None);
        Assert.Equal(8, checkpoint.Size);
        checkpointWritten?.Invoke("size8_signed");
    }

    /// <summary>Logs the derived 300-leaf tree in one integration; returns its root in hex.</summary>
    private static async Task<string> LogTree300Async(TempDir dir)
    {
        await using var log = await LogFixture.OpenWithTestKeyAsync(dir.Path);
        await log.AppendAsync(LogFixture.Entries(Enumerable.Range(0, 300).Select(i => $"leaf {i}")), CancellationToken.None);
        var checkpoint = await log.IntegrateAsync(null, CancellationToken.None);
        return Convert.ToHexStringLower(checkpoint.RootHash);
    }

    [Fact]
    public async Task The_reference_tree_yields_the_derived_checkpoints_byte_for_byte()
    {
        using var dir = new TempDir();
        await LogReferenceTreeAsync(dir, name =>
            Assert.Equal(Derived.GetProperty("checkpoints").GetProperty(name).GetString(), File.ReadAllText(dir.Sub("checkpoint"))));
    }

    [Theory]
    [MemberData(nameof(ReferenceTreeTilePaths))]
    public async Task The_reference_tree_yields_the_derived_tile_or_bundle_byte_for_byte(string tile)
    {
        using var dir = new TempDir();
        await LogReferenceTreeAsync(dir);
        Assert.Equal(ReferenceTreeTiles.GetProperty(tile).GetString(), Hex(Path.Combine(dir.Path, tile)));
    }

    [Fact]
    public async Task A_300_leaf_log_has_the_derived_root()
    {
        using var dir = new TempDir();
        var root = await LogTree300Async(dir);
        Assert.Equal(Derived.GetProperty("tree300").GetProperty("rootHex").GetString(), root);
    }

    [Theory]
    [MemberData(nameof(Tree300TilePaths))]
    public async Task A_300_leaf_log_writes_the_derived_full_or_partial_tile(string tile)
    {
        using var dir = new TempDir();
        await LogTree300Async(dir);
        var expected = Tree300Tiles.GetProperty(tile);
        var bytes = File.ReadAllBytes(Path.Combine(dir.Path, tile));
        if (expected.TryGetProperty("hex", out var hex))
        {
            Assert.Equal(hex.GetString(), Convert.ToHexStringLower(bytes));
        }
        else
        {
            Assert.Equal(expected.GetProperty("lengthBytes").GetInt32(), bytes.Length);
            var digest = expected.TryGetProperty("sha256OfTileHex", out var t) ? t : expected.GetProperty("sha256OfBundleHex");
            Assert.Equal(digest.GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    [Fact]
    public async Task Inclusion_proof_output_equals_the_derived_tlog_proof()
    {
        using var dir = new TempDir();
        await using var log = await LogFixture.OpenWithTestKeyAsync(dir.Path);
        await log.AppendAsync(LogFixture.ReferenceInputs(), CancellationToken.None);
        await log.IntegrateAsync(null, CancellationToken.None);
        var proof = await log.ProveInclusionAsync(5, null, CancellationToken.None);

        var expected = Derived.GetProperty("tlogProof_index5").GetString()!.Split('\n');
        Assert.Equal(expected[2..5], proof.Select(Convert.ToBase64String));
    }

    [Fact]
    public async Task Proofs_from_the_stored_hash_file_verify_across_many_integrations()
    {
        using var dir = new TempDir();
        await using var log = await LogFixture.OpenWithTestKeyAsync(dir.Path);
        var roots = new Dictionary<long, byte[]>();
        var entries = new List<byte[]>();
        var random = new Random(7);
        for (var round = 0; round < 12; round++)
        {
            var batch = Enumerable.Range(0, random.Next(1, 700)).Select(i => Encoding.UTF8.GetBytes($"r{round} e{i}")).ToList();
            entries.AddRange(batch);
            await log.AppendAsync(batch.Select(b => (ReadOnlyMemory<byte>)b).ToList(), CancellationToken.None);
            var checkpoint = await log.IntegrateAsync(null, CancellationToken.None);
            roots[checkpoint.Size] = checkpoint.RootHash;
            Assert.Equal(Rfc6962.RootFromLeafHashes(entries.Select(e => Rfc6962.HashLeaf(e)).ToList()), checkpoint.RootHash);
        }

        foreach (var (size, root) in roots)
        {
            foreach (var index in new[] { 0L, size / 2, size - 1 })
            {
                var proof = await log.ProveInclusionAsync(index, size, CancellationToken.None);
                ProofVerifier.VerifyInclusion(index, size, Rfc6962.HashLeaf(entries[(int)index]), proof, root);
            }

            foreach (var (older, oldRoot) in roots.Where(r => r.Key <= size))
            {
                var proof = await log.ProveConsistencyAsync(older, size, CancellationToken.None);
                ProofVerifier.VerifyConsistency(older, size, proof, oldRoot, root);
            }
        }
    }

    [Fact]
    public async Task Entries_up_to_65535_bytes_are_accepted_and_larger_ones_refused_without_writing()
    {
        using var dir = new TempDir();
        await using var log = await LogFixture.OpenWithTestKeyAsync(dir.Path);
        Assert.Equal(0, await log.AppendAsync([new byte[65_535]], CancellationToken.None));
        var e = await Assert.ThrowsAsync<LogFormatException>(() =>
            log.AppendAsync([new byte[10], new byte[65_536]], CancellationToken.None));
        Assert.Contains("entry 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("65536", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, log.SequencedSize);
        var checkpoint = await log.IntegrateAsync(null, CancellationToken.None);
        Assert.Equal(1, checkpoint.Size);
    }

    [Fact]
    public async Task Sequenced_entries_survive_a_reopen_without_a_checkpoint_and_keep_their_indices()
    {
        using var dir = new TempDir();
        await using (var log = await LogFixture.OpenWithTestKeyAsync(dir.Path))
        {
            await log.AppendAsync(LogFixture.Entries(["a", "b"]), CancellationToken.None);
            await log.IntegrateAsync(null, CancellationToken.None);
            Assert.Equal(2, await log.AppendAsync(LogFixture.Entries(["c", "d", "e"]), CancellationToken.None));
        }

        await using (var log = await LogFixture.OpenWithTestKeyAsync(dir.Path))
        {
            Assert.Equal(5, log.SequencedSize);
            Assert.Equal(2, log.Checkpoint.Size);
            Assert.Equal(5, await log.AppendAsync(LogFixture.Entries(["f"]), CancellationToken.None));
            var checkpoint = await log.IntegrateAsync(null, CancellationToken.None);
            var leaves = new[] { "a", "b", "c", "d", "e", "f" }.Select(s => Rfc6962.HashLeaf(Encoding.UTF8.GetBytes(s))).ToList();
            Assert.Equal(Rfc6962.RootFromLeafHashes(leaves), checkpoint.RootHash);
        }
    }

    [Fact]
    public async Task A_torn_batch_at_the_end_of_the_journal_is_dropped_and_earlier_batches_kept()
    {
        using var dir = new TempDir();
        await using (var log = await LogFixture.OpenWithTestKeyAsync(dir.Path))
        {
            await log.AppendAsync(LogFixture.Entries(["one", "two"]), CancellationToken.None);
            await log.AppendAsync(LogFixture.Entries(["three"]), CancellationToken.None);
        }

        // Simulate a crash mid-write: the last frame loses its final bytes.
        var segment = Directory.GetFiles(Path.Combine(dir.Path, "private", "sequence")).Single();
        using (var stream = new FileStream(segment, FileMode.Open))
        {
            stream.SetLength(stream.Length - 3);
        }

        await using (var log = await LogFixture.OpenWithTestKeyAsync(dir.Path))
        {
            Assert.Equal(2, log.SequencedSize);
            Assert.Contains(((FileLogStorage)log.Storage).Repairs, r => r.Contains("truncated", StringComparison.Ordinal));
            Assert.Equal(2, await log.AppendAsync(LogFixture.Entries(["three again"]), CancellationToken.None));
            Assert.Equal(3, (await log.IntegrateAsync(null, CancellationToken.None)).Size);
        }
    }

    [Fact]
    public async Task A_second_writer_waits_for_the_lock_and_then_gives_a_clear_error()
    {
        using var dir = new TempDir();
        await using var log = await LogFixture.OpenWithTestKeyAsync(dir.Path);
        var e = await Assert.ThrowsAsync<LogStateException>(() =>
            FileLogStorage.OpenAsync(dir.Path, TimeSpan.FromMilliseconds(50), CancellationToken.None));
        Assert.Contains("locked", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_creates_private_keys_readable_only_by_the_owner_and_refuses_to_overwrite()
    {
        using var dir = new TempDir();
        var root = dir.Sub("log");
        var config = await LogDirectory.InitAsync(root, "example.org/accord", CancellationToken.None);
        Assert.Equal(2, config.VerifierKeys.Count);
        Assert.IsType<Ed25519NoteVerifier>(VerifierKeys.Parse(config.VerifierKeys[0]));
        Assert.IsType<EcdsaNoteVerifier>(VerifierKeys.Parse(config.VerifierKeys[1]));
        if (!OperatingSystem.IsWindows())
        {
            var keyFiles = Directory.GetFiles(Path.Combine(root, "private"), "*.*")
                .Where(f => f.EndsWith(".skey", StringComparison.Ordinal) || f.EndsWith(".pem", StringComparison.Ordinal));
            foreach (var file in keyFiles)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(Path.Combine(root, "private")));
        }

        var checkpoint = NoteVerifierSet.FromVerifierKeys(config.VerifierKeys).Open(File.ReadAllBytes(Path.Combine(root, "checkpoint")));
        Assert.Equal(2, checkpoint.Verified.Count);
        await Assert.ThrowsAsync<LogStateException>(() => LogDirectory.InitAsync(root, "example.org/accord", CancellationToken.None));
    }
}
