namespace CyberAccord.Cli.Tests.Accord;

/// <summary>No command deletes what it did not create.</summary>
public sealed class DeletionTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string DirWithUsersFile(string name)
    {
        var dir = _dir.Sub(name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "thesis.txt"), "years of work");
        return dir;
    }

    [Fact]
    public async Task Log_bench_on_an_existing_directory_with_a_users_file_refuses_and_the_file_survives()
    {
        var dir = DirWithUsersFile("bench-existing");
        var bench = await AccordProcess.RunAsync("log", "bench", "--dir", dir, "--entries", "10", "--proofs", "10", "--skip-verify");
        Assert.Equal(2, bench.ExitCode);
        Assert.Contains("is not empty", bench.Stderr, StringComparison.Ordinal);
        Assert.Equal("years of work", File.ReadAllText(Path.Combine(dir, "thesis.txt")));
    }

    [Fact]
    public async Task Log_bench_removes_the_directory_it_created_and_only_its_own_entries_from_an_empty_one()
    {
        var fresh = _dir.Sub("bench-new");
        var bench = await AccordProcess.RunAsync("log", "bench", "--dir", fresh, "--entries", "10", "--proofs", "10", "--skip-verify");
        Assert.True(bench.ExitCode == 0, bench.ToString());
        Assert.False(Directory.Exists(fresh));

        var empty = _dir.Sub("bench-empty");
        Directory.CreateDirectory(empty);
        bench = await AccordProcess.RunAsync("log", "bench", "--dir", empty, "--entries", "10", "--proofs", "10", "--skip-verify");
        Assert.True(bench.ExitCode == 0, bench.ToString());
        Assert.True(Directory.Exists(empty), "a directory the user made stays");
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
    }

    [Fact]
    public async Task Demo_force_on_a_directory_holding_no_node_refuses_and_the_users_file_survives()
    {
        var dir = DirWithUsersFile("demo-foreign");
        var demo = await AccordProcess.RunAsync("demo", "--dir", dir, "--force");
        Assert.Equal(2, demo.ExitCode);
        Assert.Contains("holds no node", demo.Stderr, StringComparison.Ordinal);
        Assert.Equal(["thesis.txt"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Demo_force_replaces_a_node_says_so_and_keeps_a_users_file_beside_it()
    {
        var dir = _dir.Sub("demo-node");
        Assert.Equal(0, (await AccordProcess.RunAsync("demo", "--dir", dir)).ExitCode);
        var oldCredentials = File.ReadAllText(Path.Combine(dir, "demo-credentials.json"));
        File.WriteAllText(Path.Combine(dir, "thesis.txt"), "years of work");

        Assert.Equal(2, (await AccordProcess.RunAsync("demo", "--dir", dir)).ExitCode);
        var replaced = await AccordProcess.RunAsync("demo", "--dir", dir, "--force");
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.Contains("replaced the node in", replaced.Stdout, StringComparison.Ordinal);
        Assert.Contains("kept files accord did not make: thesis.txt", replaced.Stdout, StringComparison.Ordinal);
        Assert.Equal("years of work", File.ReadAllText(Path.Combine(dir, "thesis.txt")));
        Assert.NotEqual(oldCredentials, File.ReadAllText(Path.Combine(dir, "demo-credentials.json")));
        Assert.Equal(0, (await AccordProcess.RunAsync("log", "verify", Path.Combine(dir, "log"))).ExitCode);
    }
}
