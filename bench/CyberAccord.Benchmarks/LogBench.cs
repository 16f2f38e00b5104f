using System.Diagnostics;
using System.Globalization;
using CyberAccord.Hosting;
using CyberAccord.Log;
using CyberAccord.Log.Merkle;
using CyberAccord.Log.Notes;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Log.Verification;

namespace CyberAccord.Benchmarks;

/// <summary>
/// <c>log-bench</c>: builds a log of the requested size and measures durable append, integration,
/// inclusion-proof latency and end-to-end verification on it. Figures are medians where repeated.
/// </summary>
internal static class LogBench
{
    public const string Usage = "log-bench [--dir DIR (a new temporary directory)] [--entries N (200000)] [--entry-size BYTES (1024)] "
        + "[--batch N (1000)] [--checkpoint-every N (0: once at the end)] [--proofs N (100000)] [--skip-verify] [--keep]";

    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        if (Parse(args) is not var (dir, options, keep))
        {
            await Console.Error.WriteLineAsync($"usage: {Usage}").ConfigureAwait(false);
            return 2;
        }

        if (options.Entries < 1 || options.EntrySize is < 0 or > 65_535 || options.Batch < 1 || options.Proofs < 0)
        {
            return Error("--entries and --batch must be at least 1, --entry-size between 0 and 65535, --proofs not negative");
        }

        var root = dir ?? Path.Combine(Path.GetTempPath(), "accord-bench-" + Guid.NewGuid().ToString("N")[..8]);

        // The log is removed afterwards, so it must go where nothing else is: a new directory, or an empty one.
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            return Error(
                $"{Path.GetFullPath(root)} is not empty; log-bench builds its log in a new or empty directory "
                + "and removes it afterwards, so give one");
        }

        var created = !Directory.Exists(root);
        try
        {
            await MeasureAsync(root, options, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is LogFormatException or LogStateException or LogCorruptException or IOException
            or UnauthorizedAccessException or OperationCanceledException)
        {
            return Error(e.Message);
        }
        finally
        {
            if (!keep && Directory.Exists(root))
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

        return 0;
    }

    private static int Error(string message)
    {
        Console.Error.WriteLine($"log-bench: error: {message}");
        return 2;
    }

    private static (string? Dir, BenchOptions Options, bool Keep)? Parse(string[] args)
    {
        string? dir = null;
        long? entries = 200_000, checkpointEvery = 0;
        int? entrySize = 1024, batch = 1000, proofs = 100_000;
        bool skipVerify = false, keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--dir": dir = value; i++; break;
                case "--entries": entries = Number(value); i++; break;
                case "--entry-size": entrySize = (int?)Number(value, int.MaxValue); i++; break;
                case "--batch": batch = (int?)Number(value, int.MaxValue); i++; break;
                case "--checkpoint-every": checkpointEvery = Number(value); i++; break;
                case "--proofs": proofs = (int?)Number(value, int.MaxValue); i++; break;
                case "--skip-verify": skipVerify = true; break;
                case "--keep": keep = true; break;
                default: return null;
            }
        }

        return (dir is null && args.Contains("--dir")) || entries is null || checkpointEvery is null || entrySize is null
            || batch is null || proofs is null
            ? null
            : (dir, new BenchOptions(entries.Value, entrySize.Value, batch.Value, checkpointEvery.Value, proofs.Value, skipVerify),
                keep);
    }

    /// <summary>A whole number, signed so that a negative one reaches the range check and its message.</summary>
    private static long? Number(string? text, long max = long.MaxValue) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= -max - 1 && n <= max
            ? n
            : null;

    private sealed record BenchOptions(long Entries, int EntrySize, int Batch, long CheckpointEvery, int Proofs, bool SkipVerify);

    private static async Task MeasureAsync(string root, BenchOptions options, CancellationToken ct)
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
