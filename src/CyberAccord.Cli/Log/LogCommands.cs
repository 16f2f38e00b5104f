using System.CommandLine;
using System.Globalization;
using System.Text;
using CyberAccord.Cli.Node;
using CyberAccord.Cli.Terminal;
using CyberAccord.Hosting;
using CyberAccord.Log;
using CyberAccord.Log.Checkpoints;
using CyberAccord.Log.Merkle;
using CyberAccord.Log.Notes;
using CyberAccord.Log.Recovery;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Log.Tiles;
using CyberAccord.Log.Verification;

namespace CyberAccord.Cli.Log;

/// <summary>The <c>accord log</c> verbs: a transparency log kept in a directory in the C2SP tlog-tiles layout.</summary>
internal static class LogCommands
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var log = new Command("log",
            "Create, append to, checkpoint, prove and verify a Merkle transparency log (RFC 6962 hashing, C2SP checkpoints and tiles).");
        log.Subcommands.Add(Init());
        log.Subcommands.Add(Append());
        log.Subcommands.Add(CheckpointCommand());
        log.Subcommands.Add(Proof());
        log.Subcommands.Add(Verify());
        log.Subcommands.Add(Fsck());
        log.Subcommands.Add(LogBench.Create());
        return log;
    }

    private static Argument<string> DirArgument(string description = "The log directory.") => new("dir") { Description = description };

    private static Command Init()
    {
        var dir = DirArgument("Directory to create the log in (created if missing; must not already hold a log).");
        var origin = new Option<string>("--origin")
        {
            Description = "The log's origin line, a scheme-less URL such as example.org/accord/log; also the key name.",
            Required = true,
        };
        var command = new Command("init",
            "Create an empty log with new Ed25519 and ECDSA P-256 checkpoint keys. Prints the Ed25519 verifier key as the last line.")
        {
            dir, origin,
        };
        command.SetAction(async (parse, ct) => await Run(async () =>
        {
            var config = await LogDirectory.InitAsync(parse.GetValue(dir)!, parse.GetValue(origin)!, ct).ConfigureAwait(false);
            Console.WriteLine($"created log '{config.Origin}' in {Path.GetFullPath(parse.GetValue(dir)!)}");
            var privateDir = Path.Combine(Path.GetFullPath(parse.GetValue(dir)!), FileLogStorage.PrivateDirectory);
            Console.WriteLine($"private keys are in {privateDir}; publish only 'checkpoint', 'log.json' and 'tile/'");
            Console.WriteLine($"ECDSA P-256 verifier key: {config.VerifierKeys[1]}");
            Console.WriteLine(config.VerifierKeys[0]);
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    private static Command Append()
    {
        var dir = DirArgument();
        var files = new Argument<string[]>("files")
        {
            Description = "Files to append, each as one entry. Without files, standard input is one entry "
                + "(or one per line with --lines).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var lines = new Option<bool>("--lines") { Description = "Append each line of standard input as one entry, without its newline." };
        var batch = new Option<int>("--batch")
        {
            Description = "Entries per durable batch (one fsync each).",
            DefaultValueFactory = _ => 1024,
        };
        var command = new Command("append", "Sequence entries durably. Each batch's indices are printed only after it is on disk. "
            + "Run 'accord log checkpoint' to integrate them.")
        {
            dir, files, lines, batch,
        };
        command.SetAction(async (parse, ct) => await Run(async () =>
        {
            var batchSize = parse.GetValue(batch);
            if (batchSize < 1)
            {
                return CliOutput.Error("--batch must be at least 1");
            }

            var paths = parse.GetValue(files) ?? [];
            if (paths.Length > 0 && parse.GetValue(lines))
            {
                return CliOutput.Error("give either files or --lines, not both");
            }

            foreach (var path in paths)
            {
                if (!File.Exists(path))
                {
                    return CliOutput.Error($"{path}: no such file");
                }

                var length = new FileInfo(path).Length;
                if (length > EntryBundle.MaxEntrySize)
                {
                    return CliOutput.Error($"{path}: {length} bytes; entries are limited to {EntryBundle.MaxEntrySize} bytes (64 KiB - 1)");
                }
            }

            await using var transparencyLog = await OpenLogAsync(parse.GetValue(dir)!, ct).ConfigureAwait(false);
            var total = 0L;
            async Task Flush(List<ReadOnlyMemory<byte>> pending)
            {
                if (pending.Count == 0)
                {
                    return;
                }

                var first = await transparencyLog.AppendAsync(pending, ct).ConfigureAwait(false);
                Console.Out.WriteLine(pending.Count == 1
                    ? $"sequenced {first}"
                    : $"sequenced {first}-{first + pending.Count - 1}");
                Console.Out.Flush();
                total += pending.Count;
                pending.Clear();
            }

            var pending = new List<ReadOnlyMemory<byte>>(batchSize);
            if (paths.Length > 0)
            {
                foreach (var path in paths)
                {
                    pending.Add(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false));
                    if (pending.Count == batchSize)
                    {
                        await Flush(pending).ConfigureAwait(false);
                    }
                }
            }
            else if (parse.GetValue(lines))
            {
                using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
                var lineNumber = 0;
                while (await stdin.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
                {
                    lineNumber++;
                    var bytes = Encoding.UTF8.GetBytes(line);
                    if (bytes.Length > EntryBundle.MaxEntrySize)
                    {
                        await Flush(pending).ConfigureAwait(false);
                        return CliOutput.Error($"standard input line {lineNumber}: {bytes.Length} bytes; entries are limited to "
                            + $"{EntryBundle.MaxEntrySize} bytes. Lines before it were sequenced; none after it.");
                    }

                    pending.Add(bytes);
                    if (pending.Count == batchSize)
                    {
                        await Flush(pending).ConfigureAwait(false);
                    }
                }
            }
            else
            {
                using var buffer = new MemoryStream();
                await Console.OpenStandardInput().CopyToAsync(buffer, ct).ConfigureAwait(false);
                if (buffer.Length > EntryBundle.MaxEntrySize)
                {
                    return CliOutput.Error(
                        $"standard input: {buffer.Length} bytes; entries are limited to {EntryBundle.MaxEntrySize} bytes (64 KiB - 1)");
                }

                pending.Add(buffer.ToArray());
            }

            await Flush(pending).ConfigureAwait(false);
            var awaiting = transparencyLog.SequencedSize - transparencyLog.Checkpoint.Size;
            Console.Error.WriteLine($"{total} entries sequenced; {awaiting} await 'accord log checkpoint'");
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    private static Command CheckpointCommand()
    {
        var dir = DirArgument();
        var command = new Command("checkpoint",
            "Integrate every sequenced entry into the tree, write its tiles and publish a signed checkpoint to DIR/checkpoint.")
        {
            dir,
        };
        command.SetAction(async (parse, ct) => await Run(async () =>
        {
            await using var transparencyLog = await OpenLogAsync(parse.GetValue(dir)!, ct).ConfigureAwait(false);
            var pending = transparencyLog.SequencedSize - transparencyLog.Checkpoint.Size;
            var checkpoint = await transparencyLog.IntegrateAsync(new TerminalProgress("integrating", pending), ct).ConfigureAwait(false);
            var note = await transparencyLog.Storage.ReadCheckpointAsync(ct).ConfigureAwait(false);
            Console.Error.WriteLine($"integrated {pending} entries; tree size {checkpoint.Size}");
            Console.Out.Write(Encoding.UTF8.GetString(note!));
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    private static Command Proof()
    {
        var proof = new Command("proof", "Print Merkle proofs from a log's published tree.");

        var location = new Argument<string>("location")
        {
            Description = "The log directory, or the http(s) URL of a published copy (the proof is then computed from its tiles).",
        };
        var index = new Option<long>("--index") { Description = "The entry's index (0-based).", Required = true };
        var size = new Option<long?>("--size") { Description = "Tree size to prove against (default: the published checkpoint's)." };
        var inclusion = new Command("inclusion", "Print a C2SP tlog-proof: index, inclusion proof hashes, and the checkpoint.")
        {
            location, index, size,
        };
        inclusion.SetAction(async (parse, ct) => await Run(async () =>
        {
            var where = parse.GetValue(location)!;
            var leafIndex = parse.GetValue(index);
            byte[][] hashes;
            string checkpointText;
            if (AsHttpUrl(where) is { } url)
            {
                using var http = new HttpClient();
                var source = new HttpTileSource(http, url);
                var note = await source.ReadAsync("checkpoint", ct).ConfigureAwait(false)
                    ?? throw new LogCorruptException($"{source.Location} has no checkpoint", "checkpoint");
                var published = Checkpoint.Parse(SignedNote.Parse(note).Text);
                var treeSize = parse.GetValue(size) ?? published.Size;
                if (leafIndex < 0 || leafIndex >= treeSize || treeSize > published.Size)
                {
                    return CliOutput.Error(
                        $"index {leafIndex} is not in a published tree of size {treeSize} (checkpoint size {published.Size})");
                }

                var reader = new TileHashReader(source, published.Size);
                hashes = await MerkleProofs.InclusionAsync(reader, leafIndex, treeSize, ct).ConfigureAwait(false);
                checkpointText = treeSize == published.Size
                    ? Encoding.UTF8.GetString(note)
                    : new Checkpoint(published.Origin, treeSize,
                        await MerkleProofs.TreeHashAsync(reader, treeSize, ct).ConfigureAwait(false)).ToText();
            }
            else
            {
                await using var transparencyLog = await OpenLogAsync(where, ct).ConfigureAwait(false);
                var treeSize = parse.GetValue(size) ?? transparencyLog.Checkpoint.Size;
                hashes = await transparencyLog.ProveInclusionAsync(leafIndex, treeSize, ct).ConfigureAwait(false);
                checkpointText = treeSize == transparencyLog.Checkpoint.Size
                    ? Encoding.UTF8.GetString((await transparencyLog.Storage.ReadCheckpointAsync(ct).ConfigureAwait(false))!)
                    : new Checkpoint(transparencyLog.Origin, treeSize, await transparencyLog.RootAsync(treeSize, ct).ConfigureAwait(false))
                        .ToText();
            }

            var output = new StringBuilder("c2sp.org/tlog-proof@v1\n");
            output.Append(CultureInfo.InvariantCulture, $"index {leafIndex}\n");
            foreach (var hash in hashes)
            {
                output.Append(Convert.ToBase64String(hash)).Append('\n');
            }

            output.Append('\n').Append(checkpointText);
            Console.Out.Write(output.ToString());
            return ExitCodes.Ok;
        }).ConfigureAwait(false));

        var dir2 = DirArgument();
        var oldSize = new Option<long>("--old") { Description = "The older tree size.", Required = true };
        var newSize = new Option<long?>("--new") { Description = "The newer tree size (default: the published checkpoint's)." };
        var consistency = new Command("consistency",
            "Print the RFC 6962 consistency proof between two tree sizes, one base64 hash per line.")
        {
            dir2, oldSize, newSize,
        };
        consistency.SetAction(async (parse, ct) => await Run(async () =>
        {
            await using var transparencyLog = await OpenLogAsync(parse.GetValue(dir2)!, ct).ConfigureAwait(false);
            var hashes = await transparencyLog.ProveConsistencyAsync(parse.GetValue(oldSize), parse.GetValue(newSize), ct)
                .ConfigureAwait(false);
            foreach (var hash in hashes)
            {
                Console.Out.WriteLine(Convert.ToBase64String(hash));
            }

            return ExitCodes.Ok;
        }).ConfigureAwait(false));

        proof.Subcommands.Add(inclusion);
        proof.Subcommands.Add(consistency);
        return proof;
    }

    private static Command Verify()
    {
        var location = new Argument<string>("location")
        {
            Description = "A log directory, or the http(s) URL under which a copy's checkpoint and tile/ are served.",
        };
        var vkeys = new Option<string[]>("--vkey")
        {
            Description = "A trusted verifier key (C2SP vkey). Repeatable. Default: the keys in the log's log.json.",
            AllowMultipleArgumentsPerToken = true,
        };
        var origin = new Option<string?>("--origin")
        {
            Description = "The origin the checkpoint must carry (default: log.json's, when read).",
        };
        var token = new Option<string?>("--token")
        {
            Description = "For a node's /log/ URL: your API token, since entry bundles are served only to parties entitled to "
                + "their records.",
        };
        var command = new Command("verify", "Check a log end to end: checkpoint signatures, every entry bundle and tile, and the root. "
            + "Exit 0 when sound, 1 with the first fault named when not.")
        {
            location, vkeys, origin, token,
        };
        command.SetAction(async (parse, ct) => await Run(async () =>
        {
            var where = parse.GetValue(location)!;
            using var http = new HttpClient();
            if (parse.GetValue(token) is { } bearer)
            {
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
            }

            ITileSource source = AsHttpUrl(where) is { } uri
                ? new HttpTileSource(http, uri)
                : new DirectoryTileSource(ResolveLogRoot(where));
            var keys = parse.GetValue(vkeys) ?? [];
            var expectedOrigin = parse.GetValue(origin);
            if (keys.Length == 0)
            {
                var configBytes = await source.ReadAsync(LogDirectory.ConfigFile, ct).ConfigureAwait(false);
                if (configBytes is null)
                {
                    return CliOutput.Error($"{source.Location} has no {LogDirectory.ConfigFile}; name the trusted keys with --vkey");
                }

                var config = System.Text.Json.JsonSerializer.Deserialize<LogConfig>(configBytes)
                    ?? throw new LogFormatException($"{LogDirectory.ConfigFile} is empty");
                keys = [.. config.VerifierKeys];
                expectedOrigin ??= config.Origin;
                if (source is HttpTileSource)
                {
                    Console.Error.WriteLine($"note: trusting the keys the remote {LogDirectory.ConfigFile} names; pin them with --vkey");
                }
            }

            // A fault found is a LogCorruptException, which Run reports as a failure naming it.
            var verifier = new LogVerifier(source, NoteVerifierSet.FromVerifierKeys(keys), expectedOrigin);
            var total = await PeekSizeAsync(source, ct).ConfigureAwait(false);
            var result = await verifier.VerifyAsync(new TerminalProgress("verifying", total), ct).ConfigureAwait(false);
            Console.Out.WriteLine($"OK: log '{result.Checkpoint.Origin}' of {result.Checkpoint.Size} entries verifies; "
                + $"root {Convert.ToBase64String(result.Checkpoint.RootHash)}");
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    private static async Task<long> PeekSizeAsync(ITileSource source, CancellationToken ct)
    {
        try
        {
            var bytes = await source.ReadAsync("checkpoint", ct).ConfigureAwait(false);
            return bytes is null ? 0 : Checkpoint.Parse(SignedNote.Parse(bytes).Text).Size;
        }
        catch (LogFormatException)
        {
            return 0;
        }
    }

    private static Uri? AsHttpUrl(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    /// <summary>A node directory keeps its log in <c>log/</c>; accept either.</summary>
    internal static string ResolveLogRoot(string dir) =>
        !File.Exists(Path.Combine(dir, LogDirectory.ConfigFile)) && File.Exists(Path.Combine(dir, "log", LogDirectory.ConfigFile))
            ? Path.Combine(dir, "log")
            : dir;

    private static Command Fsck()
    {
        var dir = DirArgument();
        var command = new Command("fsck", "Recover after a crash or damage: drop never-acknowledged torn batches, rewrite damaged tiles, "
            + "bundles and the proof index from sound, hash-proven sources (damaged files are moved to private/damaged/, never deleted), "
            + "finish an interrupted integration, then verify. DIR is a log or a node directory.")
        {
            dir,
        };
        command.SetAction(async (parse, ct) => await Run(async () =>
        {
            // A node's log may rebuild a damaged entry bundle from the entries its SQLite projection keeps.
            var given = parse.GetValue(dir)!;
            var logRoot = ResolveLogRoot(given);
            var nodeRoot = logRoot != given ? given : Path.GetDirectoryName(Path.GetFullPath(logRoot));
            await using var copies = nodeRoot is not null && NodeDirectory.IsNode(nodeRoot) && NodeDirectory.Store(nodeRoot) is null
                ? new ProjectionEntryCopies(Path.Combine(nodeRoot, NodeDirectory.ProjectionFile))
                : null;

            // What cannot be repaired is a LogCorruptException, which Run reports as a failure naming it.
            var progress = new Progress<string>(Console.Error.WriteLine);
            var report = await LogFsck.RunAsync(logRoot, progress, ct, NodeDirectory.Sequencers, copies)
                .ConfigureAwait(false);
            if (report.Actions.Count == 0)
            {
                Console.Out.WriteLine("nothing to repair");
            }
            else
            {
                foreach (var action in report.Actions)
                {
                    Console.Out.WriteLine($"repaired: {action}");
                }
            }

            Console.Out.WriteLine($"OK: {report.Verification.Checkpoint.Size} entries verify");
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    /// <summary>
    /// Opens a log for writing, refusing at once when it is a node's log that <c>accord serve</c> holds (instead of
    /// waiting <see cref="LockTimeout"/> for its lock).
    /// </summary>
    private static Task<TransparencyLog> OpenLogAsync(string dir, CancellationToken ct)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        if (Path.GetFileName(full) == "log" && Path.GetDirectoryName(full) is { } node && NodeDirectory.IsNode(node))
        {
            NodeDirectory.RefuseIfServed(node);
        }

        return LogDirectory.OpenAsync(dir, LockTimeout, ct, NodeDirectory.Sequencers);
    }

    /// <summary>The log verbs' entry point: their errors map to exit codes where every verb's do.</summary>
    internal static Task<int> Run(Func<Task<int>> action) => VerbRunner.RunAsync(action);
}
