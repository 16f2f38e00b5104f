using System.Diagnostics;

namespace CyberAccord.Cli.Tests.Accord;

/// <summary>
/// Fault injection on a stopped demo node, through the real executable: a byte of one file is flipped, then the node is
/// served, rebuilt and repaired. The damage must be named, never served, repaired from sound data only, and the node
/// must start afterwards with every record.
/// </summary>
public sealed class TamperedNodeTests : IDisposable
{
    private readonly TempDir _dir = new();

    private async Task<string> DemoAsync()
    {
        var node = _dir.Sub("demo");
        var demo = await AccordProcess.RunAsync("demo", "--dir", node);
        Assert.True(demo.ExitCode == 0, demo.ToString());
        return node;
    }

    private static void FlipByte(string path, int offset)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[offset] ^= 0xff;
        File.WriteAllBytes(path, bytes);
    }

    private static async Task<string> DumpAsync(string node)
    {
        var rebuilt = await AccordProcess.RunAsync("rebuild", "--dir", node);
        Assert.True(rebuilt.ExitCode == 0, rebuilt.ToString());
        return rebuilt.Stdout.Split(" from the log")[0];
    }

    /// <summary>Starts serve and returns its first line of output, or its exit when it refuses to start.</summary>
    private static async Task<(string? Line, int? ExitCode, string Stderr)> ServeAsync(string node)
    {
        var port = Random.Shared.Next(20_000, 60_000);
        using var process = Process.Start(AccordProcess.StartInfo("serve", "--dir", node, "--urls", $"http://127.0.0.1:{port}"))!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            if (line is null)
            {
                await process.WaitForExitAsync();
                return (null, process.ExitCode, await stderr);
            }

            using var http = new HttpClient();
            Assert.True((await http.GetAsync($"http://127.0.0.1:{port}/log/checkpoint")).IsSuccessStatusCode);
            return (line, null, string.Empty);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Flipped_byte_in_an_entry_bundle_stops_serve_and_rebuild_and_fsck_restores_it_from_sound_copies()
    {
        var node = await DemoAsync();
        var records = await DumpAsync(node);
        var bundles = Directory.GetFiles(Path.Combine(node, "log", "tile", "entries", "000.p"));
        var current = bundles.OrderBy(f => int.Parse(Path.GetFileName(f), System.Globalization.CultureInfo.InvariantCulture)).Last();
        var original = File.ReadAllBytes(current);

        // As on a node whose journal was released and whose older partial bundles were swept: only the projection holds copies.
        foreach (var file in Directory.GetFiles(Path.Combine(node, "log", "private", "sequence")).Concat(bundles.Where(b => b != current)))
        {
            File.Delete(file);
        }

        FlipByte(current, original.Length / 2);
        var database = File.ReadAllBytes(Path.Combine(node, "accord.db"));

        var served = await ServeAsync(node);
        Assert.Null(served.Line);
        Assert.Equal(1, served.ExitCode);
        Assert.Contains($"tile/entries/000.p/{Path.GetFileName(current)}", served.Stderr, StringComparison.Ordinal);
        Assert.Contains("accord log fsck", served.Stderr, StringComparison.Ordinal);

        // rebuild refuses before it drops anything: the projection is as it was.
        var rebuild = await AccordProcess.RunAsync("rebuild", "--dir", node);
        Assert.Equal(1, rebuild.ExitCode);
        Assert.Equal(database, File.ReadAllBytes(Path.Combine(node, "accord.db")));

        var fsck = await AccordProcess.RunAsync("log", "fsck", node);
        Assert.True(fsck.ExitCode == 0, fsck.ToString());
        Assert.Contains(
            $"repaired: rewrote tile/entries/000.p/{Path.GetFileName(current)} from entries hash-proven against the checkpoint "
            + "(the projection accord.db)",
            fsck.Stdout,
            StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllBytes(current));
        Assert.Single(Directory.GetFiles(Path.Combine(node, "log", "private", "damaged"), "*.damaged-*", SearchOption.AllDirectories));
        Assert.Equal(0, (await AccordProcess.RunAsync("log", "verify", node)).ExitCode);
        Assert.NotNull((await ServeAsync(node)).Line);
        Assert.Equal(records, await DumpAsync(node));
    }

    [Fact]
    public async Task Flipped_byte_in_a_hash_tile_stops_serve_and_fsck_rewrites_it_from_the_entries()
    {
        var node = await DemoAsync();
        var records = await DumpAsync(node);
        var tile = Directory.GetFiles(Path.Combine(node, "log", "tile", "0", "000.p"))
            .OrderBy(f => int.Parse(Path.GetFileName(f), System.Globalization.CultureInfo.InvariantCulture)).Last();
        FlipByte(tile, 32 * 3);

        var served = await ServeAsync(node);
        Assert.Equal(1, served.ExitCode);
        Assert.Contains($"tile/0/000.p/{Path.GetFileName(tile)}", served.Stderr, StringComparison.Ordinal);

        var fsck = await AccordProcess.RunAsync("log", "fsck", node);
        Assert.True(fsck.ExitCode == 0, fsck.ToString());
        Assert.Contains($"rewrote tile/0/000.p/{Path.GetFileName(tile)}", fsck.Stdout, StringComparison.Ordinal);
        Assert.NotNull((await ServeAsync(node)).Line);
        Assert.Equal(records, await DumpAsync(node));
    }

    [Fact]
    public async Task Flipped_byte_in_the_stored_hash_index_stops_serve_and_fsck_rebuilds_it()
    {
        var node = await DemoAsync();
        FlipByte(Path.Combine(node, "log", "private", "hashes"), 32 * 5);

        var served = await ServeAsync(node);
        Assert.Equal(1, served.ExitCode);
        Assert.Contains("private/hashes", served.Stderr, StringComparison.Ordinal);

        var fsck = await AccordProcess.RunAsync("log", "fsck", node);
        Assert.True(fsck.ExitCode == 0, fsck.ToString());
        Assert.Contains("rebuilt the stored-hash index", fsck.Stdout, StringComparison.Ordinal);
        Assert.NotNull((await ServeAsync(node)).Line);
        var again = await AccordProcess.RunAsync("log", "fsck", node);
        Assert.Contains("nothing to repair", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flipped_byte_in_accord_db_is_named_moved_aside_and_the_projection_rebuilt_from_the_log()
    {
        var node = await DemoAsync();
        var records = await DumpAsync(node);
        var database = Path.Combine(node, "accord.db");
        var length = new FileInfo(database).Length;

        // The first byte of a page in the middle of the file: the b-tree page type, which SQLite checks on every read.
        FlipByte(database, (int)(length / 4096 / 2 * 4096));
        var damaged = File.ReadAllBytes(database);

        var served = await ServeAsync(node);
        Assert.NotNull(served.Line);
        static bool Database(string f) => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal);
        var aside = Assert.Single(Directory.GetFiles(node, "accord.db.damaged-*"), Database);
        Assert.Equal(damaged, File.ReadAllBytes(aside));
        Assert.Equal(records, await DumpAsync(node));

        // rebuild meets the same damage the same way, without an unhandled exception.
        FlipByte(database, (int)(new FileInfo(database).Length / 4096 / 2 * 4096));
        var rebuild = await AccordProcess.RunAsync("rebuild", "--dir", node);
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.Contains("accord.db is damaged", rebuild.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", rebuild.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(node, "accord.db.damaged-*").Count(Database));
        Assert.Equal(records, await DumpAsync(node));
    }

    public void Dispose() => _dir.Dispose();
}
