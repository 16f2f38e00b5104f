using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CyberAccord.Cli.Node;
using CyberAccord.Cli.Terminal;
using CyberAccord.Hosting;
using CyberAccord.Log.Merkle;
using CyberAccord.Log.Notes;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Log.Verification;

namespace CyberAccord.Cli.Log;

/// <summary>
/// <c>accord log bench</c>: builds a log of the requested size and measures durable append, integration,
/// inclusion-proof latency and end-to-end verification on it. Figures are medians where repeated.
/// </summary>
internal static class LogBench
{
    public static Command Create()
    {
        var dir = new Option<string?>("--dir")
        {
            Description = "Where to build the benchmark log: a new or empty directory, whose contents are removed afterwards unless --keep "
                + "(default: a new temporary directory).",
        };
        var entries = new Option<long>("--entries") { Description = "Entries to append.", DefaultValueFactory = _ => 200_000 };
        var entrySize = new Option<int>("--entry-size")
        {
            Description = "Bytes per entry (at most 65535).",
            DefaultValueFactory = _ => 1024,
        };
        var batch = new Option<int>("--batch")
        {
            Description = "Entries per durable batch (one fsync each).",
            DefaultValueFactory = _ => 1000,
        };
        var checkpointEvery = new Option<long>("--checkpoint-every")
        {
            Description = "Integrate after this many entries (0: once at the end).",
            DefaultValueFactory = _ => 0,
        };
        var proofs = new Option<int>("--proofs")
        {
            Description = "Inclusion proofs to time, at random indices.",
            DefaultValueFactory = _ => 100_000,
        };
        var skipVerify = new Option<bool>("--skip-verify") { Description = "Do not time 'verify' (it reads every entry)." };
        var keep = new Option<bool>("--keep") { Description = "Keep the benchmark log afterwards." };
        var command = new Command("bench", "Measure the log on this machine: durable append (entries/s), integration (entries/s), "
            + "inclusion-proof latency (median, p99) and end-to-end verify time.")
        {
            dir, entries, entrySize, batch, checkpointEvery, proofs, skipVerify, keep,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            var options = new BenchOptions(parse.GetValue(entries), parse.GetValue(entrySize), parse.GetValue(batch),
                parse.GetValue(checkpointEvery), parse.GetValue(proofs), parse.GetValue(skipVerify));
            if (options.Entries < 1 || options.EntrySize is < 0 or > 65_535 || options.Batch < 1 || options.Proofs < 0)
            {
                return CliOutput.Error("--entries and --batch must be at least 1, --entry-size between 0 and 65535, --proofs not negative");
            }

            var root = parse.GetValue(dir) ?? Path.Combine(Path.GetTempPath(), "accord-bench-" + Guid.NewGuid().ToString("N")[..8]);

            // The log is removed afterwards, so it must go where nothing else is: a new directory, or an empty one.
            if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
            {
                return CliOutput.Error(
                    $"{Path.GetFullPath(root)} is not empty; log bench builds its log in a new or empty directory "
                    + "and removes it afterwards, so give one");
            }

            var created = !Directory.Exists(root);
            try
            {
                await RunAsync(root, options, ct).ConfigureAwait(false);
            }
            finally
            {
                if (!parse.GetValue(keep) && Directory.Exists(root))
                {
                    // Only what this run made: the directory if it created it, else the entries it put in the empty one.
                    if (created)
                    {
                        Directory.Delete(root, recursive: true);
                    }
                    else
                    {
                        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos())
                        {
                            if (entry is DirectoryInfo sub)
                            {
                                sub.Delete(recursive: true);
                            }
                            else
                            {
                                entry.Delete();
                            }
                        }
                    }
                }
            }

            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    private sealed record BenchOptions(long Entries, int EntrySize, int Batch, long CheckpointEvery, int Proofs, bool SkipVerify);

    private static async Task RunAsync(string root, BenchOptions options, CancellationToken ct)
    {
        var output = Console.Out;
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        output.WriteLine($"log: {root}; {options.Entries:N0} entries of {options.EntrySize:N0} bytes, batches of {options.Batch:N0}");
        var config = await LogDirectory.InitAsync(root, "bench.cyberaccord.example/log", ct).ConfigureAwait(false);

        var payload = new byte[options.EntrySize];
        Random.Shared.NextBytes(payload);
        var appendTime = TimeSpan.Zero;
        var integrateTime = TimeSpan.Zero;
        await using (var log = await LogDirectory.OpenAsync(root, TimeSpan.FromSeconds(5), ct, NodeDirectory.Sequencers)
            .ConfigureAwait(false))
        {
            var progress = new TerminalProgress("appending", options.Entries);
            var sinceCheckpoint = 0L;
            for (long done = 0; done < options.Entries;)
            {
                var count = (int)Math.Min(options.Batch, options.Entries - done);
                var batch = new ReadOnlyMemory<byte>[count];
                for (var i = 0; i < count; i++)
                {
                    // Each entry distinct, so no layer below can deduplicate.
                    var entry = (byte[])payload.Clone();
                    BitConverter.TryWriteBytes(entry.AsSpan(0, Math.Min(8, entry.Length)), done + i);
                    batch[i] = entry;
                }

                var started = Stopwatch.GetTimestamp();
                await log.AppendAsync(batch, ct).ConfigureAwait(false);
                appendTime += Stopwatch.GetElapsedTime(started);
                done += count;
                sinceCheckpoint += count;
                progress.Report(done);
                if (options.CheckpointEvery > 0 && sinceCheckpoint >= options.CheckpointEvery)
                {
                    started = Stopwatch.GetTimestamp();
                    await log.IntegrateAsync(null, ct).ConfigureAwait(false);
                    integrateTime += Stopwatch.GetElapsedTime(started);
                    sinceCheckpoint = 0;
                }
            }

            var integrationStart = Stopwatch.GetTimestamp();
            await log.IntegrateAsync(new TerminalProgress("integrating", sinceCheckpoint), ct).ConfigureAwait(false);
            integrateTime += Stopwatch.GetElapsedTime(integrationStart);
            output.WriteLine(Row("durable append (sequencing, fsync per batch)", options.Entries / appendTime.TotalSeconds, "entries/s",
                appendTime));
            output.WriteLine(Row("integration (tiles, bundles, signed checkpoint)", options.Entries / integrateTime.TotalSeconds,
                "entries/s", integrateTime));

            if (options.Proofs > 0)
            {
                var size = log.Checkpoint.Size;
                var random = new Random(42);
                ValueTask<byte[][]> ServerProof(long index) => log.ProveInclusionAsync(index, size, ct);

                // Warm-up, untimed.
                _ = await TimeProofsAsync(Math.Min(10_000, options.Proofs), size, random, ServerProof).ConfigureAwait(false);
                var samples = await TimeProofsAsync(options.Proofs, size, random, ServerProof).ConfigureAwait(false);
                output.WriteLine(Latency($"inclusion proof (server, stored hashes), tree of {size:N0}", samples));

                // The client's path: the same proofs computed from the public tiles alone.
                var tiles = new TileHashReader(new DirectoryTileSource(root), size);
                var clientSamples = await TimeProofsAsync(Math.Max(1, options.Proofs / 10), size, random,
                    index => MerkleProofs.InclusionAsync(tiles, index, size, ct)).ConfigureAwait(false);
                output.WriteLine(Latency($"inclusion proof (client, from tiles), tree of {size:N0}", clientSamples));
            }
        }

        if (!options.SkipVerify)
        {
            var verifier = new LogVerifier(new DirectoryTileSource(root), NoteVerifierSet.FromVerifierKeys(config.VerifierKeys),
                config.Origin);
            var started = Stopwatch.GetTimestamp();
            var result = await verifier.VerifyAsync(new TerminalProgress("verifying", options.Entries), ct).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            output.WriteLine(Row($"verify end to end ({result.Checkpoint.Size:N0} entries)", result.Checkpoint.Size / elapsed.TotalSeconds,
                "entries/s", elapsed));
        }
    }

    /// <summary>Times <paramref name="count"/> proofs, each of an entry drawn at random from the tree; microseconds each.</summary>
    private static async Task<double[]> TimeProofsAsync(int count, long size, Random random, Func<long, ValueTask<byte[][]>> prove)
    {
        var samples = new double[count];
        for (var i = 0; i < samples.Length; i++)
        {
            var index = random.NextInt64(size);
            var started = Stopwatch.GetTimestamp();
            await prove(index).ConfigureAwait(false);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        return samples;
    }

    private static string Latency(string what, double[] samples)
    {
        Array.Sort(samples);
        return string.Create(CultureInfo.InvariantCulture,
            $"{what,-52} median {samples[samples.Length / 2],8:F2} µs   p99 {samples[(int)(samples.Length * 0.99)],8:F2} µs   "
                + $"({samples.Length:N0} proofs)");
    }

    private static string Row(string what, double rate, string unit, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{what,-52} {rate,12:N0} {unit}   ({elapsed.TotalSeconds:F2} s)");
}
