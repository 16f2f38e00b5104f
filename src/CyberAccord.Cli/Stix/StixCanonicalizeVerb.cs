using System.CommandLine;
using CyberAccord.Cli.Terminal;
using CyberAccord.Stix.Json;

namespace CyberAccord.Cli.Stix;

/// <summary><c>accord stix canonicalize</c>: the RFC 8785 canonical form of a JSON document.</summary>
internal static class StixCanonicalizeVerb
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A JSON file (at most 256 MiB)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write here instead of standard output." };
        var command = new Command(
            "canonicalize",
            "Print the RFC 8785 (JCS) canonical form of a JSON document: the form the accord signs and STIX hashes.")
        {
            file, output,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                return CliOutput.Error($"{path}: no such file");
            }

            if (new FileInfo(path).Length > 256L << 20)
            {
                return CliOutput.Error($"{path}: larger than 256 MiB; canonical form needs the whole document in memory");
            }

            byte[] canonical;
            try
            {
                canonical = JsonCanonicalizer.Canonicalize(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false));
            }
            catch (StixJsonException e)
            {
                return CliOutput.Error($"{path}: {e.Message}");
            }

            if (parse.GetValue(output) is { } target)
            {
                await File.WriteAllBytesAsync(target, canonical, ct).ConfigureAwait(false);
            }
            else
            {
                await using var stdout = Console.OpenStandardOutput();
                await stdout.WriteAsync(canonical, ct).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }
}
