using System.CommandLine;
using CyberAccord.Cli.Log.Verbs;

namespace CyberAccord.Cli.Log;

/// <summary>The <c>accord log</c> verbs: a transparency log kept in a directory in the C2SP tlog-tiles layout.</summary>
internal static class LogCommands
{
    public static Command Create()
    {
        var log = new Command("log",
            "Create, append to, checkpoint, prove and verify a Merkle transparency log (RFC 6962 hashing, C2SP checkpoints and tiles).");
        log.Subcommands.Add(LogInitVerb.Create());
        log.Subcommands.Add(LogAppendVerb.Create());
        log.Subcommands.Add(LogCheckpointVerb.Create());
        log.Subcommands.Add(LogProofVerb.Create());
        log.Subcommands.Add(LogVerifyVerb.Create());
        log.Subcommands.Add(LogFsckVerb.Create());
        return log;
    }
}
