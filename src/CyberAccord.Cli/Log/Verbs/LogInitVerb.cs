using System.CommandLine;
using CyberAccord.Cli.Terminal;
using CyberAccord.Log;
using CyberAccord.Log.Storage.Files;

namespace CyberAccord.Cli.Log.Verbs;

/// <summary><c>accord log init DIR</c>: an empty log with new checkpoint keys.</summary>
internal static class LogInitVerb
{
    public static Command Create()
    {
        var dir = LogVerbSupport.DirArgument("Directory to create the log in (created if missing; must not already hold a log).");
        var origin = new Option<string>("--origin")
        {
            Description = "The log's origin line, a scheme-less URL such as example.org/accord/log; also the key name.",
            Required = true,
        };
        var command = new Command("init",
            "Create an empty log with new Ed25519 and ECDSA P-256 checkpoint keys. Prints the Ed25519 verifier key as the last line.")
        {
            dir, origin,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            var config = await LogDirectory.InitAsync(parse.GetValue(dir)!, parse.GetValue(origin)!, ct).ConfigureAwait(false);
            Console.WriteLine($"created log '{config.Origin}' in {Path.GetFullPath(parse.GetValue(dir)!)}");
            var privateDir = Path.Combine(Path.GetFullPath(parse.GetValue(dir)!), FileLogStorage.PrivateDirectory);
            Console.WriteLine($"private keys are in {privateDir}; publish only 'checkpoint', 'log.json' and 'tile/'");
            Console.WriteLine($"ECDSA P-256 verifier key: {config.VerifierKeys[1]}");
            Console.WriteLine(config.VerifierKeys[0]);
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }
}
