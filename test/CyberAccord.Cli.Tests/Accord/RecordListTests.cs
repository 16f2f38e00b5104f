namespace CyberAccord.Cli.Tests.Accord;

/// <summary><c>accord &lt;kind&gt; list --as P</c> shows what P may know: derived figures from P's view alone.</summary>
public sealed class RecordListTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_red_update_on_a_green_request_leaves_its_status_open_in_a_third_partys_list()
    {
        var node = _dir.Sub("node");
        Assert.Equal(0, (await AccordProcess.RunAsync("demo", "--dir", node)).ExitCode);
        var request = await AccordProcess.RunAsync(["request", "add", "--dir", node, "--as", "CN", "--id", "request--cli-list", "-"],
            """{"to":"party--us","type":"information","asks":"LIST-ASK","deadline":"2030-01-01T00:00:00Z","tlp":"green"}""");
        Assert.Equal(0, request.ExitCode);
        var update = await AccordProcess.RunAsync(["request-update", "add", "--dir", node, "--as", "US", "-"],
            """{"request":"request--cli-list","status":"responded","note":"hidden","tlp":"red"}""");
        Assert.Equal(0, update.ExitCode);

        static string Line(AccordProcess.Result result) =>
            result.Stdout.Split('\n').Single(l => l.StartsWith("request--cli-list", StringComparison.Ordinal));
        var third = Line(await AccordProcess.RunAsync("request", "list", "--dir", node, "--as", "DE"));
        Assert.EndsWith("open", third.TrimEnd(), StringComparison.Ordinal);
        var author = Line(await AccordProcess.RunAsync("request", "list", "--dir", node, "--as", "CN"));
        Assert.EndsWith("responded", author.TrimEnd(), StringComparison.Ordinal);
    }
}
