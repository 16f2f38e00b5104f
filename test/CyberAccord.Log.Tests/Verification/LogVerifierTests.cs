using CyberAccord.Log.Notes;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Log.Tests.Storage;
using CyberAccord.Log.Verification;

namespace CyberAccord.Log.Tests.Verification;

/// <summary>Every public file of a written log, damaged in turn, makes verification fail naming that file.</summary>
public sealed class LogVerifierTests : IDisposable
{
    private readonly TempDir _dir = new();

    /// <summary>A log of 70,000 small entries has full and partial tiles on three levels, written over several checkpoints.</summary>
    private async Task<string> WriteLogAsync(int size = 70_000)
    {
        var root = _dir.Sub("log");
        await using var log = await LogFixture.OpenWithTestKeyAsync(root);
        var written = 0;
        foreach (var step in new[] { 1, 300, 65_536, size })
        {
            var upTo = Math.Min(step, size);
            if (upTo <= written)
            {
                continue;
            }

            var entries = LogFixture.Entries(Enumerable.Range(written, upTo - written).Select(i => $"entry {i}"));
            await log.AppendAsync(entries, CancellationToken.None);
            await log.IntegrateAsync(null, CancellationToken.None);
            written = upTo;
        }

        return root;
    }

    private static LogVerifier VerifierFor(string root) =>
        new(new DirectoryTileSource(root), NoteVerifierSet.FromVerifierKeys([LogFixture.TestVerifierKey]), LogFixture.TestOrigin);

    [Fact]
    public async Task An_untouched_log_verifies()
    {
        var root = await WriteLogAsync();
        var result = await VerifierFor(root).VerifyAsync(null, CancellationToken.None);
        Assert.Equal(70_000, result.Checkpoint.Size);
    }

    public static TheoryData<string> PublicFiles() =>
    [
        "checkpoint",
        "tile/0/000",
        "tile/0/100",
        "tile/0/273.p/112",
        "tile/1/000",
        "tile/1/001.p/17",
        "tile/2/000.p/1",
        "tile/entries/000",
        "tile/entries/137",
        "tile/entries/273.p/112",
    ];

    [Theory]
    [MemberData(nameof(PublicFiles))]
    public async Task Flipping_one_byte_in_any_public_file_fails_verification_naming_it(string file)
    {
        var root = await WriteLogAsync();
        var path = Path.Combine(root, file);
        var bytes = File.ReadAllBytes(path);
        var random = new Random(file.GetHashCode(StringComparison.Ordinal));
        foreach (var position in new[] { 0, bytes.Length / 2, bytes.Length - 2, random.Next(bytes.Length) })
        {
            var original = bytes[position];
            bytes[position] ^= 0x01;
            File.WriteAllBytes(path, bytes);
            var e = await Assert.ThrowsAsync<LogCorruptException>(() => VerifierFor(root).VerifyAsync(null, CancellationToken.None));
            Assert.Equal(file, e.Path);
            Assert.Contains(file, e.Message, StringComparison.Ordinal);
            bytes[position] = original;
        }

        File.WriteAllBytes(path, bytes);
        await VerifierFor(root).VerifyAsync(null, CancellationToken.None);
    }

    [Theory]
    [InlineData("tile/0/005")]
    [InlineData("tile/1/000")]
    [InlineData("tile/entries/273.p/112")]
    public async Task A_truncated_tile_or_bundle_fails_naming_it(string file)
    {
        var root = await WriteLogAsync();
        var path = Path.Combine(root, file);
        using (var stream = new FileStream(path, FileMode.Open))
        {
            stream.SetLength(stream.Length - 1);
        }

        var e = await Assert.ThrowsAsync<LogCorruptException>(() => VerifierFor(root).VerifyAsync(null, CancellationToken.None));
        Assert.Equal(file, e.Path);
    }

    [Fact]
    public async Task A_missing_tile_fails_naming_it()
    {
        var root = await WriteLogAsync();
        File.Delete(Path.Combine(root, "tile/0/200"));
        var e = await Assert.ThrowsAsync<LogCorruptException>(() => VerifierFor(root).VerifyAsync(null, CancellationToken.None));
        Assert.Equal("tile/0/200", e.Path);
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_signed_by_another_key_fails()
    {
        var root = await WriteLogAsync(300);
        var body = SignedNote.Parse(File.ReadAllBytes(Path.Combine(root, "checkpoint"))).Text;
        using var impostor = Ed25519NoteSigner.Generate(LogFixture.TestOrigin);
        File.WriteAllBytes(Path.Combine(root, "checkpoint"), SignedNote.Sign(body, impostor).ToBytes());
        var e = await Assert.ThrowsAsync<LogCorruptException>(() => VerifierFor(root).VerifyAsync(null, CancellationToken.None));
        Assert.Equal("checkpoint", e.Path);
        Assert.Contains("no verifiable signatures", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consistently_rewritten_entry_with_rebuilt_tiles_still_fails_against_the_signed_root()
    {
        // An attacker who rewrites an entry and every tile above it cannot re-sign the checkpoint.
        var root = await WriteLogAsync(300);
        var rewritten = _dir.Sub("rewritten");
        await using (var log = await LogFixture.OpenWithTestKeyAsync(rewritten))
        {
            var entries = Enumerable.Range(0, 300).Select(i => i == 42 ? "entry forty-two, rewritten" : $"entry {i}");
            await log.AppendAsync(LogFixture.Entries(entries), CancellationToken.None);
            await log.IntegrateAsync(null, CancellationToken.None);
        }

        File.Copy(Path.Combine(root, "checkpoint"), Path.Combine(rewritten, "checkpoint"), overwrite: true);
        var e = await Assert.ThrowsAsync<LogCorruptException>(() => VerifierFor(rewritten).VerifyAsync(null, CancellationToken.None));
        Assert.Equal("checkpoint", e.Path);
    }

    [Fact]
    public async Task An_origin_other_than_the_expected_one_fails()
    {
        var root = await WriteLogAsync(10);
        var keys = NoteVerifierSet.FromVerifierKeys([LogFixture.TestVerifierKey]);
        var verifier = new LogVerifier(new DirectoryTileSource(root), keys, "other.example/log");
        var e = await Assert.ThrowsAsync<LogCorruptException>(() => verifier.VerifyAsync(null, CancellationToken.None));
        Assert.Contains("origin", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_reaches_the_tree_size()
    {
        var root = await WriteLogAsync(1_000);
        long last = 0;
        await VerifierFor(root).VerifyAsync(new SyncProgress(v => last = v), CancellationToken.None);
        Assert.Equal(1_000, last);
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    public void Dispose() => _dir.Dispose();
}
