namespace CyberAccord.Cli.Tests.Accord;

/// <summary>No command deletes what it did not create.</summary>
public sealed class DeletionTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Demo_force_on_a_directory_holding_no_node_refuses_and_the_users_file_survives()
    {
        var dir = _dir.DirWithUsersFile("demo-foreign");
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
