using System.CommandLine;
using System.Text;
using CyberAccord.Cli.Terminal;
using CyberAccord.Hosting;

namespace CyberAccord.Cli.Log.Verbs;

/// <summary><c>accord log checkpoint DIR</c>: every sequenced entry integrated and a signed checkpoint published.</summary>
internal static class LogCheckpointVerb
{
    public static Command Create()
    {
        var dir = LogVerbSupport.DirArgument();
        var command = new Command("checkpoint",
            "Integrate every sequenced entry into the tree, write its tiles and publish a signed checkpoint to DIR/checkpoint.")
        {
            dir,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            await using var transparencyLog = await LogVerbSupport.OpenLogAsync(parse.GetValue(dir)!, ct).ConfigureAwait(false);
            var pending = transparencyLog.SequencedSize - transparencyLog.Checkpoint.Size;
            var checkpoint = await transparencyLog.IntegrateAsync(new TerminalProgress("integrating", pending), ct).ConfigureAwait(false);
            var note = await transparencyLog.Storage.ReadCheckpointAsync(ct).ConfigureAwait(false);
            Console.Error.WriteLine($"integrated {pending} entries; tree size {checkpoint.Size}");
            Console.Out.Write(Encoding.UTF8.GetString(note!));
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }
}
