using System.CommandLine;

namespace CyberAccord.Cli.Log;

internal static class LogBench
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure the log: durable append, integration, inclusion proofs and verification.");
        command.SetAction((_, _) => Task.FromResult(0));
        return command;
    }
}
