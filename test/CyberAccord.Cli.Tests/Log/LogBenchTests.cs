using System.Diagnostics;

namespace CyberAccord.Cli.Tests.Log;

/// <summary>The benchmarks' <c>log-bench</c> mode, run as built: it deletes only what it created.</summary>
public sealed class LogBenchTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Log_bench_on_an_existing_directory_with_a_users_file_refuses_and_the_file_survives()
    {
        var dir = _dir.DirWithUsersFile("bench-existing");
        var bench = await RunBenchAsync("log-bench", "--dir", dir, "--entries", "10", "--proofs", "10", "--skip-verify");
        Assert.Equal(2, bench.ExitCode);
        Assert.Contains("is not empty", bench.Stderr, StringComparison.Ordinal);
        Assert.Equal("years of work", File.ReadAllText(Path.Combine(dir, "thesis.txt")));
    }

    [Fact]
    public async Task Log_bench_removes_the_directory_it_created_and_only_its_own_entries_from_an_empty_one()
    {
        var fresh = _dir.Sub("bench-new");
        var bench = await RunBenchAsync("log-bench", "--dir", fresh, "--entries", "10", "--proofs", "10", "--skip-verify");
        Assert.True(bench.ExitCode == 0, bench.ToString());
        Assert.False(Directory.Exists(fresh));

        var empty = _dir.Sub("bench-empty");
        Directory.CreateDirectory(empty);
        bench = await RunBenchAsync("log-bench", "--dir", empty, "--entries", "10", "--proofs", "10", "--skip-verify");
        Assert.True(bench.ExitCode == 0, bench.ToString());
        Assert.True(Directory.Exists(empty), "a directory the user made stays");
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
    }

    /// <summary>Runs the benchmarks executable, which the test project's reference puts beside the tests.</summary>
    private static async Task<AccordProcess.Result> RunBenchAsync(params string[] args)
    {
        var info = AccordProcess.StartInfo(args);
        info.FileName = Path.Combine(AppContext.BaseDirectory,
            OperatingSystem.IsWindows() ? "CyberAccord.Benchmarks.exe" : "CyberAccord.Benchmarks");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cts.Token);
        return new AccordProcess.Result(process.ExitCode, await stdout, await stderr);
    }
}
