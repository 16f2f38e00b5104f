using System.CommandLine;
using CyberAccord.Cli.Node;
using CyberAccord.Cli.Terminal;
using CyberAccord.Hosting;
using CyberAccord.Log.Recovery;

namespace CyberAccord.Cli.Log.Verbs;

/// <summary><c>accord log fsck DIR</c>: recovery after a crash or damage, then verification.</summary>
internal static class LogFsckVerb
{
    public static Command Create()
    {
        var dir = LogVerbSupport.DirArgument();
        var command = new Command("fsck", "Recover after a crash or damage: drop never-acknowledged torn batches, rewrite damaged tiles, "
            + "bundles and the proof index from sound, hash-proven sources (damaged files are moved to private/damaged/, never deleted), "
            + "finish an interrupted integration, then verify. DIR is a log or a node directory.")
        {
            dir,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            // A node's log may rebuild a damaged entry bundle from the entries its SQLite projection keeps.
            var given = parse.GetValue(dir)!;
            var logRoot = LogVerbSupport.ResolveLogRoot(given);
            var nodeRoot = logRoot != given ? given : Path.GetDirectoryName(Path.GetFullPath(logRoot));
            await using var copies = nodeRoot is not null && NodeDirectory.IsNode(nodeRoot) && NodeDirectory.Store(nodeRoot) is null
                ? new ProjectionEntryCopies(Path.Combine(nodeRoot, NodeDirectory.ProjectionFile))
                : null;

            // What cannot be repaired is a LogCorruptException, which VerbRunner reports as a failure naming it.
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
}
