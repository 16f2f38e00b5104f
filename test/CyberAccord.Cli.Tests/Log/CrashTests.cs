using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CyberAccord.Log.Checkpoints;
using CyberAccord.Log.Notes;
using CyberAccord.Log.Tiles;

namespace CyberAccord.Cli.Tests.Log;

/// <summary>
/// The durability contract, tested the hard way: appends and integrations are killed with SIGKILL at
/// random moments; after fsck every index that was ever reported holds the entry it was reported for.
/// </summary>
public sealed partial class CrashTests : IDisposable
{
    private readonly TempDir _dir = new();

    [GeneratedRegex(@"^sequenced (\d+)(?:-(\d+))?$")]
    private static partial Regex Sequenced();

    [Fact]
    public async Task Every_reported_index_survives_repeated_sigkill_during_append_and_checkpoint()
    {
        var root = _dir.Sub("log");
        var init = await AccordProcess.RunAsync("log", "init", root, "--origin", "example.org/crash");
        Assert.Equal(0, init.ExitCode);
        var random = new Random(20261123);
        var reported = new Dictionary<long, string>();
        var rounds = 8;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (index, entry) in await AppendUntilKilledAsync(root, round, random))
            {
                reported[index] = entry;
            }

            if (round % 2 == 1)
            {
                await CheckpointUntilKilledAsync(root, random);
            }
        }

        Assert.True(reported.Count > 0, "no append was ever acknowledged before the kill");
        var fsck = await AccordProcess.RunAsync("log", "fsck", root);
        Assert.True(fsck.ExitCode == 0, fsck.ToString());
        var verify = await AccordProcess.RunAsync("log", "verify", root);
        Assert.True(verify.ExitCode == 0, verify.ToString());

        var vkeys = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "log.json"))).RootElement
            .GetProperty("verifierKeys").EnumerateArray().Select(e => e.GetString()!);
        var signed = File.ReadAllBytes(Path.Combine(root, "checkpoint"));
        var checkpoint = Checkpoint.Parse(NoteVerifierSet.FromVerifierKeys(vkeys).Open(signed).Note.Text);
        var last = reported.Keys.Max();
        Assert.True(checkpoint.Size > last, $"checkpoint size {checkpoint.Size} does not cover reported index {last}");
        foreach (var (index, expected) in reported)
        {
            Assert.Equal(expected, ReadEntry(root, checkpoint.Size, index));
        }
    }

    private static string ReadEntry(string root, long size, long index)
    {
        var bundleIndex = index / TileId.FullWidth;
        var width = (int)Math.Min(TileId.FullWidth, size - (bundleIndex * TileId.FullWidth));
        var tile = TileId.Entries(bundleIndex, width);
        var entries = EntryBundle.Decode(File.ReadAllBytes(Path.Combine(root, tile.Path)), width, tile.Path);
        return Encoding.UTF8.GetString(entries[(int)(index % TileId.FullWidth)].Span);
    }

    /// <summary>Feeds lines until killed; returns each index the process reported, with the line it stands for.</summary>
    private static async Task<List<(long Index, string Entry)>> AppendUntilKilledAsync(string root, int round, Random random)
    {
        using var process = Process.Start(AccordProcess.StartInfo("log", "append", root, "--lines", "--batch", "64"))!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var stop = new CancellationTokenSource();
        var feeder = Task.Run(async () =>
        {
            try
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    await process.StandardInput.WriteAsync($"round {round} line {i} {new string('x', 200)}\n");
                }
            }
            catch (IOException)
            {
                // The process was killed while we wrote.
            }
        });

        var reported = new List<(long, string)>();
        long? firstIndex = null;
        var killAfter = TimeSpan.FromMilliseconds(random.Next(50, 600));
        Stopwatch? sinceFirst = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            var match = Sequenced().Match(line);
            Assert.True(match.Success, $"unexpected output '{line}'");
            var from = long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var to = match.Groups[2].Success ? long.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : from;
            firstIndex ??= from;
            for (var index = from; index <= to; index++)
            {
                reported.Add((index, $"round {round} line {index - firstIndex} {new string('x', 200)}"));
            }

            sinceFirst ??= Stopwatch.StartNew();
            if (sinceFirst.Elapsed >= killAfter)
            {
                process.Kill(entireProcessTree: true);
                break;
            }
        }

        stop.Cancel();
        await process.WaitForExitAsync();
        await feeder;
        Assert.True(reported.Count > 0 || process.ExitCode != 0, await stderr);
        return reported;
    }

    private static async Task CheckpointUntilKilledAsync(string root, Random random)
    {
        using var process = Process.Start(AccordProcess.StartInfo("log", "checkpoint", root))!;
        process.StandardInput.Close();
        await Task.Delay(random.Next(80, 400));
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public void Dispose() => _dir.Dispose();
}
