using System.CommandLine;
using System.Diagnostics;
using CyberAccord.Cli.Terminal;
using CyberAccord.Hosting;
using CyberAccord.Stix.Streaming;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Cli.Stix;

/// <summary><c>accord stix stats</c>: the objects of STIX files by type, and their issues by rule.</summary>
internal static class StixStatsVerb
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "STIX 2.1 files.", Arity = ArgumentArity.OneOrMore };
        var maxObject = StixCommands.MaxObjectOption();
        var command = new Command("stats", "Count the objects of STIX files by type, with their errors and warnings.") { files, maxObject };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            var exit = ExitCodes.Ok;
            foreach (var file in parse.GetValue(files)!)
            {
                if (!File.Exists(file))
                {
                    exit = CliOutput.Error($"{file}: no such file");
                    continue;
                }

                await using var stream = File.OpenRead(file);
                var codes = new Dictionary<string, long>(StringComparer.Ordinal);
                var started = Stopwatch.GetTimestamp();
                var report = await StixFileValidator.ValidateAsync(
                    stream,
                    issue => codes[issue.Code] = codes.GetValueOrDefault(issue.Code) + 1,
                    new TerminalProgress($"reading {Path.GetFileName(file)} (bytes)", stream.Length),
                    new StixReaderOptions { MaxObjectBytes = parse.GetValue(maxObject) << 20 },
                    ct).ConfigureAwait(false);
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (report.Unreadable is not null)
                {
                    exit = CliOutput.Error($"{file}: cannot read: {report.Unreadable}");
                    continue;
                }

                Console.Out.WriteLine($"{file}: {report.Objects:N0} objects, {stream.Length:N0} bytes, {report.Errors:N0} errors, "
                    + $"{report.Warnings:N0} warnings, {report.Objects / Math.Max(elapsed.TotalSeconds, 1e-9):N0} objects/s");
                var types = report.ObjectsByType.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal);
                foreach (var (type, count) in types)
                {
                    Console.Out.WriteLine($"  {type,-32} {count,10:N0}");
                }

                foreach (var (code, count) in codes.OrderByDescending(p => p.Value))
                {
                    Console.Out.WriteLine($"  issue {code,-26} {count,10:N0}");
                }
            }

            return exit;
        }).ConfigureAwait(false));
        return command;
    }
}
