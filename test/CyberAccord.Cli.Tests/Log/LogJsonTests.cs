using System.Text;
using System.Text.Json;
using CyberAccord.Log.Checkpoints;
using CyberAccord.Log.Merkle;
using CyberAccord.Log.Notes;

namespace CyberAccord.Cli.Tests.Log;

/// <summary>The log read verbs' --json: the HTTP API's field names, and figures that agree with the text output.</summary>
public sealed class LogJsonTests : IDisposable
{
    private const int Entries = 700;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A log of <see cref="Entries"/> lines "entry i", checkpointed; its directory and Ed25519 verifier key.</summary>
    private async Task<(string Root, string Vkey)> LogAsync()
    {
        var root = _dir.Sub("log");
        var init = await AccordProcess.RunAsync("log", "init", root, "--origin", "example.org/accord/json");
        Assert.True(init.ExitCode == 0, init.ToString());
        var append = await AccordProcess.RunAsync(
            ["log", "append", root, "--lines"], string.Concat(Enumerable.Range(0, Entries).Select(i => $"entry {i}\n")));
        Assert.True(append.ExitCode == 0, append.ToString());
        var checkpoint = await AccordProcess.RunAsync("log", "checkpoint", root);
        Assert.True(checkpoint.ExitCode == 0, checkpoint.ToString());
        return (root, init.Stdout.TrimEnd('\n').Split('\n')[^1]);
    }

    private static byte[] LeafHash(int i) => Rfc6962.HashLeaf(Encoding.UTF8.GetBytes($"entry {i}"));

    private static byte[][] Hashes(JsonElement json) =>
        [.. json.GetProperty("hashes").EnumerateArray().Select(hash => Convert.FromBase64String(hash.GetString()!))];

    [Fact]
    public async Task Inclusion_proof_json_verifies_against_its_checkpoint_and_matches_the_text_proof()
    {
        var (root, vkey) = await LogAsync();
        var result = await AccordProcess.RunAsync("log", "proof", "inclusion", root, "--index", "321", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var proof = json.RootElement;
        Assert.Equal(321, proof.GetProperty("index").GetInt64());
        Assert.Equal(Entries, proof.GetProperty("tree_size").GetInt64());

        var checkpointText = proof.GetProperty("checkpoint").GetString()!;
        var note = NoteVerifierSet.FromVerifierKeys([vkey]).Open(Encoding.UTF8.GetBytes(checkpointText));
        var checkpoint = Checkpoint.Parse(note.Note.Text);
        ProofVerifier.VerifyInclusion(321, checkpoint.Size, LeafHash(321), Hashes(proof), checkpoint.RootHash);

        var text = await AccordProcess.RunAsync("log", "proof", "inclusion", root, "--index", "321");
        var lines = text.Stdout.Split('\n');
        var blank = Array.IndexOf(lines, string.Empty);
        Assert.Equal(lines[2..blank], proof.GetProperty("hashes").EnumerateArray().Select(hash => hash.GetString()));
        Assert.Equal(string.Join('\n', lines[(blank + 1)..]), checkpointText);
    }

    [Fact]
    public async Task Consistency_proof_json_names_both_sizes_and_verifies_between_their_roots()
    {
        var (root, _) = await LogAsync();
        var result = await AccordProcess.RunAsync("log", "proof", "consistency", root, "--old", "123", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var proof = json.RootElement;
        Assert.Equal(123, proof.GetProperty("first").GetInt64());
        Assert.Equal(Entries, proof.GetProperty("second").GetInt64());

        var oldRoot = Rfc6962.RootFromLeafHashes(Enumerable.Range(0, 123).Select(LeafHash).ToList());
        var newRoot = Rfc6962.RootFromLeafHashes(Enumerable.Range(0, Entries).Select(LeafHash).ToList());
        ProofVerifier.VerifyConsistency(123, Entries, Hashes(proof).ToList(), oldRoot, newRoot);

        var text = await AccordProcess.RunAsync("log", "proof", "consistency", root, "--old", "123");
        Assert.Equal(text.Stdout.TrimEnd('\n').Split('\n'), proof.GetProperty("hashes").EnumerateArray().Select(hash => hash.GetString()));
    }

    [Fact]
    public async Task Verify_json_gives_the_figures_the_text_prints_and_names_a_fault()
    {
        var (root, _) = await LogAsync();
        var result = await AccordProcess.RunAsync("log", "verify", root, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using (var json = JsonDocument.Parse(result.Stdout))
        {
            var outcome = json.RootElement;
            Assert.Equal("ok", outcome.GetProperty("result").GetString());
            Assert.Equal("example.org/accord/json", outcome.GetProperty("origin").GetString());
            Assert.Equal(Entries, outcome.GetProperty("size").GetInt64());
            Assert.Equal(Entries, outcome.GetProperty("entries_checked").GetInt64());
            var rootHash = outcome.GetProperty("root").GetString()!;
            var expectedRoot = Rfc6962.RootFromLeafHashes(Enumerable.Range(0, Entries).Select(LeafHash).ToList());
            Assert.Equal(expectedRoot, Convert.FromBase64String(rootHash));

            var text = await AccordProcess.RunAsync("log", "verify", root);
            Assert.Equal($"OK: log 'example.org/accord/json' of {Entries} entries verifies; root {rootHash}\n", text.Stdout);
        }

        File.Delete(Path.Combine(root, "tile", "0", "001"));
        var broken = await AccordProcess.RunAsync("log", "verify", root, "--json");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("tile/0/001", broken.Stderr, StringComparison.Ordinal);
        using var failed = JsonDocument.Parse(broken.Stdout);
        Assert.Equal("failed", failed.RootElement.GetProperty("result").GetString());
        Assert.Contains("tile/0/001", failed.RootElement.GetProperty("fault").GetString(), StringComparison.Ordinal);
    }
}
