using System.CommandLine;
using CyberAccord.Cli.Terminal;

namespace CyberAccord.Cli.Log.Verbs;

/// <summary><c>accord log proof consistency DIR --old N [--new M]</c>: the RFC 6962 consistency proof.</summary>
internal static class LogProofConsistencyVerb
{
    public static Command Create()
    {
        var dir = LogVerbSupport.DirArgument();
        var oldSize = new Option<long>("--old") { Description = "The older tree size.", Required = true };
        var newSize = new Option<long?>("--new") { Description = "The newer tree size (default: the published checkpoint's)." };
        var consistency = new Command("consistency",
            "Print the RFC 6962 consistency proof between two tree sizes, one base64 hash per line.")
        {
            dir, oldSize, newSize,
        };
        consistency.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            await using var transparencyLog = await LogVerbSupport.OpenLogAsync(parse.GetValue(dir)!, ct).ConfigureAwait(false);
            var hashes = await transparencyLog.ProveConsistencyAsync(parse.GetValue(oldSize), parse.GetValue(newSize), ct)
                .ConfigureAwait(false);
            foreach (var hash in hashes)
            {
                Console.Out.WriteLine(Convert.ToBase64String(hash));
            }

            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return consistency;
    }
}
