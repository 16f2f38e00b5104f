using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CyberAccord.Cli.Node;
using CyberAccord.Cli.Terminal;
using CyberAccord.Hosting;

namespace CyberAccord.Cli.Accord.Verbs;

/// <summary><c>accord rebuild</c>: the projection dropped and rebuilt from the log alone.</summary>
internal static class RebuildVerb
{
    public static Command Create()
    {
        var dir = CommonOptions.Dir();
        var command = new Command("rebuild", "Drop the projection database and rebuild it from the log alone.") { dir };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            await using var node = await LocalNode.OpenAsync(parse.GetValue(dir)!, ct).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            var count = await node.RebuildAsync(new TerminalProgress("rebuilding", node.Log.Checkpoint.Size), ct).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rebuilt {count} records from the log in {elapsed.TotalSeconds:F2} s "
                + $"({count / Math.Max(elapsed.TotalSeconds, 1e-9):N0} records/s)"));
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }
}
