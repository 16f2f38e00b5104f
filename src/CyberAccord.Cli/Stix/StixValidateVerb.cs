using System.CommandLine;
using System.Text.Json;
using CyberAccord.Cli.Terminal;
using CyberAccord.Hosting;
using CyberAccord.Stix.Streaming;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Cli.Stix;

/// <summary><c>accord stix validate</c>: every error and warning of STIX 2.1 files, as text or one JSON report per file.</summary>
internal static class StixValidateVerb
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "STIX 2.1 files: a bundle or a single object each.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON report per file (one line each) instead of text." };
        var quiet = new Option<bool>("--no-warnings") { Description = "Do not print warnings (they are still counted)." };
        var maxObject = StixCommands.MaxObjectOption();
        var command = new Command(
            "validate",
            "Check STIX 2.1 files against the specification: every error (a broken MUST) and warning (a SHOULD), with object id, "
            + "JSON path and rule code. Exit 0 when every file is valid, 1 when any object is invalid, 2 when a file cannot be read "
            + "or is not JSON.")
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

    private static async Task<int> ValidateFileAsync(
        string file, bool json, bool noWarnings, StixReaderOptions options, CancellationToken ct)
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
            Console.Out.WriteLine($"{file}: {(report.IsValid ? "valid" : "INVALID")} — {report.Objects:N0} objects, "
                + $"{report.Errors:N0} errors, {report.Warnings:N0} warnings");
        }

        return report.Unreadable is not null ? ExitCodes.Error : report.IsValid ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
