using System.CommandLine;
using System.Text.Json.Nodes;
using CyberAccord.Cli.Accord.Verbs;
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
        var json = CommonOptions.Json();
        var consistency = new Command("consistency",
            "Print the RFC 6962 consistency proof between two tree sizes, one base64 hash per line.")
        {
            dir, oldSize, newSize, json,
        };
        consistency.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            await using var transparencyLog = await LogVerbSupport.OpenLogAsync(parse.GetValue(dir)!, ct).ConfigureAwait(false);
            var hashes = await transparencyLog.ProveConsistencyAsync(parse.GetValue(oldSize), parse.GetValue(newSize), ct)
                .ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                // GET /log/proof/consistency's fields.
                Console.Out.WriteLine(new JsonObject
                {
                    ["first"] = parse.GetValue(oldSize),
                    ["second"] = parse.GetValue(newSize) ?? transparencyLog.Checkpoint.Size,
                    ["hashes"] = new JsonArray([.. hashes.Select(hash => JsonValue.Create(Convert.ToBase64String(hash)))]),
                }.ToJsonString());
                return ExitCodes.Ok;
            }

            foreach (var hash in hashes)
            {
                Console.Out.WriteLine(Convert.ToBase64String(hash));
            }

            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return consistency;
    }
}
