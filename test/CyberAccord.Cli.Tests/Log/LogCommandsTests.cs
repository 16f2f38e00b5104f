using System.Net;
using System.Text;
using CyberAccord.Log.Checkpoints;
using CyberAccord.Log.Merkle;
using CyberAccord.Log.Notes;

namespace CyberAccord.Cli.Tests.Log;

public sealed class LogCommandsTests : IDisposable
{
    private readonly TempDir _dir = new();

    private async Task<(string Root, string Vkey)> InitAsync(string origin = "example.org/accord/test")
    {
        var root = _dir.Sub("log");
        var result = await AccordProcess.RunAsync("log", "init", root, "--origin", origin);
        Assert.True(result.ExitCode == 0, result.ToString());
        return (root, result.Stdout.TrimEnd('\n').Split('\n')[^1]);
    }

    [Fact]
    public async Task Init_prints_the_ed25519_verifier_key_as_its_last_line()
    {
        var (root, vkey) = await InitAsync("example.org/cli");
        var verifier = Assert.IsType<Ed25519NoteVerifier>(VerifierKeys.Parse(vkey));
        Assert.Equal("example.org/cli", verifier.KeyName);
        Assert.NotEmpty(NoteVerifierSet.FromVerifierKeys([vkey]).Open(File.ReadAllBytes(Path.Combine(root, "checkpoint"))).Verified);

        var again = await AccordProcess.RunAsync("log", "init", root, "--origin", "example.org/cli");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already holds a log", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_and_lines_append_checkpoint_and_verify()
    {
        var (root, vkey) = await InitAsync();
        var a = _dir.Sub("a.json");
        var b = _dir.Sub("b.bin");
        File.WriteAllText(a, "{\"incident\":1}");
        File.WriteAllBytes(b, [0, 1, 2, 255]);

        var files = await AccordProcess.RunAsync("log", "append", root, a, b);
        Assert.True(files.ExitCode == 0, files.ToString());
        Assert.Contains("sequenced 0-1", files.Stdout, StringComparison.Ordinal);

        var lines = await AccordProcess.RunAsync(["log", "append", root, "--lines"], "first\nsecond\nthird\n");
        Assert.Contains("sequenced 2-4", lines.Stdout, StringComparison.Ordinal);

        var checkpoint = await AccordProcess.RunAsync("log", "checkpoint", root);
        Assert.True(checkpoint.ExitCode == 0, checkpoint.ToString());
        var note = NoteVerifierSet.FromVerifierKeys([vkey]).Open(File.ReadAllBytes(Path.Combine(root, "checkpoint")));
        var parsed = Checkpoint.Parse(note.Note.Text);
        Assert.Equal(5, parsed.Size);
        var entries = new[]
        {
            Encoding.UTF8.GetBytes("{\"incident\":1}"), [0, 1, 2, 255], "first"u8.ToArray(), "second"u8.ToArray(), "third"u8.ToArray(),
        };
        var expected = Rfc6962.RootFromLeafHashes(entries.Select(e => Rfc6962.HashLeaf(e)).ToList());
        Assert.Equal(expected, parsed.RootHash);
        Assert.True(File.Exists(Path.Combine(root, "tile", "0", "000.p", "5")));

        var verify = await AccordProcess.RunAsync("log", "verify", root);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        var pinned = await AccordProcess.RunAsync("log", "verify", root, "--vkey", vkey);
        Assert.True(pinned.ExitCode == 0, pinned.ToString());
    }

    [Fact]
    public async Task Verify_exits_one_and_names_the_damaged_file()
    {
        var (root, _) = await InitAsync();
        await AccordProcess.RunAsync(
            ["log", "append", root, "--lines"], string.Concat(Enumerable.Range(0, 600).Select(i => $"line {i}\n")));
        await AccordProcess.RunAsync("log", "checkpoint", root);
        var tile = Path.Combine(root, "tile", "entries", "001");
        var bytes = File.ReadAllBytes(tile);
        bytes[10] ^= 0x20;
        File.WriteAllBytes(tile, bytes);

        var verify = await AccordProcess.RunAsync("log", "verify", root);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("tile/entries/001", verify.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_of_a_checkpoint_signed_by_another_key_exits_one()
    {
        var (root, _) = await InitAsync();
        var otherInit = await AccordProcess.RunAsync("log", "init", _dir.Sub("other"), "--origin", "example.org/accord/test");
        var (_, otherVkey) = (0, otherInit.Stdout.TrimEnd('\n').Split('\n')[^1]);
        File.Copy(Path.Combine(_dir.Sub("other"), "checkpoint"), Path.Combine(root, "checkpoint"), overwrite: true);
        var verify = await AccordProcess.RunAsync("log", "verify", root);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("checkpoint", verify.Stderr, StringComparison.Ordinal);

        var pinnedOther = await AccordProcess.RunAsync("log", "verify", root, "--vkey", otherVkey);
        Assert.Equal(0, pinnedOther.ExitCode);
    }

    [Fact]
    public async Task An_oversized_entry_is_refused_with_its_size_and_nothing_is_sequenced()
    {
        var (root, _) = await InitAsync();
        var big = _dir.Sub("big.bin");
        File.WriteAllBytes(big, new byte[70_000]);
        var small = _dir.Sub("small.bin");
        File.WriteAllBytes(small, [1]);
        var result = await AccordProcess.RunAsync("log", "append", root, small, big);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("big.bin", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("70000", result.Stderr, StringComparison.Ordinal);

        var checkpoint = await AccordProcess.RunAsync("log", "checkpoint", root);
        Assert.Contains("tree size 0", checkpoint.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inclusion_proof_output_verifies_against_the_checkpoint_it_carries()
    {
        var (root, vkey) = await InitAsync();
        await AccordProcess.RunAsync(
            ["log", "append", root, "--lines"], string.Concat(Enumerable.Range(0, 1000).Select(i => $"record {i}\n")));
        await AccordProcess.RunAsync("log", "checkpoint", root);
        var proof = await AccordProcess.RunAsync("log", "proof", "inclusion", root, "--index", "777");
        Assert.True(proof.ExitCode == 0, proof.ToString());

        var lines = proof.Stdout.Split('\n');
        Assert.Equal("c2sp.org/tlog-proof@v1", lines[0]);
        Assert.Equal("index 777", lines[1]);
        var blank = Array.IndexOf(lines, string.Empty);
        var hashes = lines[2..blank].Select(Convert.FromBase64String).ToArray();
        var note = NoteVerifierSet.FromVerifierKeys([vkey]).Open(Encoding.UTF8.GetBytes(string.Join('\n', lines[(blank + 1)..])));
        var checkpoint = Checkpoint.Parse(note.Note.Text);
        ProofVerifier.VerifyInclusion(777, checkpoint.Size, Rfc6962.HashLeaf("record 777"u8), hashes, checkpoint.RootHash);

        var consistency = await AccordProcess.RunAsync("log", "proof", "consistency", root, "--old", "300");
        Assert.True(consistency.ExitCode == 0, consistency.ToString());
        var oldRoot = Rfc6962.RootFromLeafHashes(
            Enumerable.Range(0, 300).Select(i => Rfc6962.HashLeaf(Encoding.UTF8.GetBytes($"record {i}"))).ToList());
        var consistencyProof = consistency.Stdout.Trim().Split('\n').Select(Convert.FromBase64String).ToList();
        ProofVerifier.VerifyConsistency(300, 1000, consistencyProof, oldRoot, checkpoint.RootHash);

        var outside = await AccordProcess.RunAsync("log", "proof", "inclusion", root, "--index", "1000");
        Assert.Equal(2, outside.ExitCode);
        Assert.Contains("1000", outside.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_checks_a_copy_served_over_http()
    {
        var (root, vkey) = await InitAsync();
        await AccordProcess.RunAsync(
            ["log", "append", root, "--lines"], string.Concat(Enumerable.Range(0, 700).Select(i => $"served {i}\n")));
        await AccordProcess.RunAsync("log", "checkpoint", root);

        using var server = StaticFileServer.Start(root);
        var verify = await AccordProcess.RunAsync("log", "verify", server.Url, "--vkey", vkey);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("700 entries", verify.Stdout, StringComparison.Ordinal);

        var remoteProof = await AccordProcess.RunAsync("log", "proof", "inclusion", server.Url, "--index", "650");
        var localProof = await AccordProcess.RunAsync("log", "proof", "inclusion", root, "--index", "650");
        Assert.True(remoteProof.ExitCode == 0, remoteProof.ToString());
        Assert.Equal(localProof.Stdout, remoteProof.Stdout);

        File.Delete(Path.Combine(root, "tile", "0", "001"));
        var broken = await AccordProcess.RunAsync("log", "verify", server.Url, "--vkey", vkey);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("tile/0/001", broken.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_verb_has_help()
    {
        string[][] verbs =
        [
            ["log"], ["log", "init"], ["log", "append"], ["log", "checkpoint"], ["log", "proof"], ["log", "proof", "inclusion"],
            ["log", "proof", "consistency"], ["log", "verify"], ["log", "fsck"],
        ];
        foreach (var verb in verbs)
        {
            var result = await AccordProcess.RunAsync([.. verb, "--help"]);
            Assert.True(result.ExitCode == 0, string.Join(' ', verb) + ": " + result);
            Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("Description:", result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Commands_on_a_directory_that_is_not_a_log_explain_how_to_make_one()
    {
        var result = await AccordProcess.RunAsync("log", "append", _dir.Path, "--lines");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("accord log init", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>A plain static file server on loopback, standing in for any web server that publishes a log's files.</summary>
internal sealed class StaticFileServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly string _root;

    private StaticFileServer(HttpListener listener, string root, string url)
    {
        _listener = listener;
        _root = root;
        Url = url;
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public static StaticFileServer Start(string root)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20_000, 60_000);
            var url = $"http://127.0.0.1:{port}/log/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return new StaticFileServer(listener, root, url);
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var relative = context.Request.Url!.AbsolutePath["/log/".Length..];
            var path = Path.Combine(_root, relative);
            if (!relative.Contains("..", StringComparison.Ordinal) && File.Exists(path))
            {
                var bytes = await File.ReadAllBytesAsync(path);
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
