using System.CommandLine;
using System.Text.Json;
using CyberAccord.Cli.Terminal;
using CyberAccord.Stix.Json;
using CyberAccord.Stix.Streaming;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Cli.Stix;

/// <summary>The <c>accord stix</c> verbs: validate, canonicalize and summarize STIX 2.1 documents.</summary>
internal static class StixCommands
{
    public static Command Create()
    {
        var stix = new Command("stix", "Validate, canonicalize (RFC 8785) and summarize STIX 2.1 documents of any size.");
        stix.Subcommands.Add(Validate());
        stix.Subcommands.Add(Canonicalize());
        stix.Subcommands.Add(Stats());
        return stix;
    }

    private static Option<int> MaxObjectOption() => new("--max-object-mb") { Description = "Refuse any single object larger than this many MiB.", DefaultValueFactory = _ => 16 };

    private static Command Validate()
    {
        var files = new Argument<string[]>("files") { Description = "STIX 2.1 files: a bundle or a single object each.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON report per file (one line each) instead of text." };
        var quiet = new Option<bool>("--no-warnings") { Description = "Do not print warnings (they are still counted)." };
        var maxObject = MaxObjectOption();
        var command = new Command("validate", "Check STIX 2.1 files against the specification: every error (a broken MUST) and warning (a SHOULD), with object id, JSON path and rule code. Exit 0 when every file is valid, 1 when any object is invalid, 2 when a file cannot be read or is not JSON.")
        {
            files, json, quiet, maxObject,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            var exit = ExitCodes.Ok;
            var options = new StixReaderOptions { MaxObjectBytes = parse.GetValue(maxObject) << 20 };
            foreach (var file in parse.GetValue(files)!)
            {
                var result = await ValidateFileAsync(file, parse.GetValue(json), parse.GetValue(quiet), options, ct).ConfigureAwait(false);
                exit = Math.Max(exit, result);
            }

            return exit;
        }).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> ValidateFileAsync(string file, bool json, bool noWarnings, StixReaderOptions options, CancellationToken ct)
    {
        var issues = new List<ValidationIssue>();
        StixFileReport report;
        try
        {
            await using var stream = File.OpenRead(file);
            var progress = new TerminalProgress($"validating {Path.GetFileName(file)} (bytes)", stream.Length);
            report = await StixFileValidator.ValidateAsync(stream, issue =>
            {
                if (json)
                {
                    issues.Add(issue);
                }
                else if (issue.Severity == Severity.Error || !noWarnings)
                {
                    Console.Out.WriteLine($"{file}: {issue}");
                }
            }, progress, options, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            report = new StixFileReport { Unreadable = e.Message };
        }

        if (json)
        {
            var document = new Dictionary<string, object?>
            {
                ["file"] = file,
                ["valid"] = report.IsValid,
                ["unreadable"] = report.Unreadable,
                ["objects"] = report.Objects,
                ["errors"] = report.Errors,
                ["warnings"] = report.Warnings,
                ["issues"] = issues.Select(i => new Dictionary<string, object?>
                {
                    ["severity"] = i.Severity == Severity.Error ? "error" : "warning",
                    ["code"] = i.Code,
                    ["object_id"] = i.ObjectId,
                    ["path"] = i.Path,
                    ["message"] = i.Message,
                }).ToList(),
            };
            Console.Out.WriteLine(JsonSerializer.Serialize(document));
        }
        else if (report.Unreadable is not null)
        {
            Console.Error.WriteLine($"{file}: cannot read: {report.Unreadable}");
        }
        else
        {
            Console.Out.WriteLine($"{file}: {(report.IsValid ? "valid" : "INVALID")} — {report.Objects:N0} objects, {report.Errors:N0} errors, {report.Warnings:N0} warnings");
        }

        return report.Unreadable is not null ? ExitCodes.Error : report.IsValid ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static Command Canonicalize()
    {
        var file = new Argument<string>("file") { Description = "A JSON file (at most 256 MiB)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write here instead of standard output." };
        var command = new Command("canonicalize", "Print the RFC 8785 (JCS) canonical form of a JSON document: the form the accord signs and STIX hashes.") { file, output };
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

    private static Command Stats()
    {
        var files = new Argument<string[]>("files") { Description = "STIX 2.1 files.", Arity = ArgumentArity.OneOrMore };
        var maxObject = MaxObjectOption();
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
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var report = await StixFileValidator.ValidateAsync(stream, issue => codes[issue.Code] = codes.GetValueOrDefault(issue.Code) + 1,
                    new TerminalProgress($"reading {Path.GetFileName(file)} (bytes)", stream.Length), new StixReaderOptions { MaxObjectBytes = parse.GetValue(maxObject) << 20 }, ct).ConfigureAwait(false);
                var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                if (report.Unreadable is not null)
                {
                    exit = CliOutput.Error($"{file}: cannot read: {report.Unreadable}");
                    continue;
                }

                Console.Out.WriteLine($"{file}: {report.Objects:N0} objects, {stream.Length:N0} bytes, {report.Errors:N0} errors, {report.Warnings:N0} warnings, {report.Objects / Math.Max(elapsed.TotalSeconds, 1e-9):N0} objects/s");
                foreach (var (type, count) in report.ObjectsByType.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
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
