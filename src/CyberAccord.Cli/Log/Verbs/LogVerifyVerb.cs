using System.CommandLine;
using System.Text.Json.Nodes;
using CyberAccord.Cli.Terminal;
using CyberAccord.Hosting;
using CyberAccord.Log;
using CyberAccord.Log.Checkpoints;
using CyberAccord.Log.Notes;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Log.Tiles;
using CyberAccord.Log.Verification;

namespace CyberAccord.Cli.Log.Verbs;

/// <summary><c>accord log verify LOCATION</c>: a log checked end to end, from a directory or a served copy.</summary>
internal static class LogVerifyVerb
{
    public static Command Create()
    {
        var location = new Argument<string>("location")
        {
            Description = "A log directory, or the http(s) URL under which a copy's checkpoint and tile/ are served.",
        };
        var vkeys = new Option<string[]>("--vkey")
        {
            Description = "A trusted verifier key (C2SP vkey). Repeatable. Default: the keys in the log's log.json.",
            AllowMultipleArgumentsPerToken = true,
        };
        var origin = new Option<string?>("--origin")
        {
            Description = "The origin the checkpoint must carry (default: log.json's, when read).",
        };
        var token = new Option<string?>("--token")
        {
            Description = "For a node's /log/ URL: your API token, since entry bundles are served only to parties entitled to "
                + "their records.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the outcome as JSON: origin, size, root, entries_checked and result (ok, or failed with the fault).",
        };
        var command = new Command("verify", "Check a log end to end: checkpoint signatures, every entry bundle and tile, and the root. "
            + "Exit 0 when sound, 1 with the first fault named when not.")
        {
            location, vkeys, origin, token, json,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            var where = parse.GetValue(location)!;
            using var http = new HttpClient();
            if (parse.GetValue(token) is { } bearer)
            {
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
            }

            ITileSource source = LogVerbSupport.AsHttpUrl(where) is { } uri
                ? new HttpTileSource(http, uri)
                : new DirectoryTileSource(LogVerbSupport.ResolveLogRoot(where));
            var keys = parse.GetValue(vkeys) ?? [];
            var expectedOrigin = parse.GetValue(origin);
            if (keys.Length == 0)
            {
                var configBytes = await source.ReadAsync(LogDirectory.ConfigFile, ct).ConfigureAwait(false);
                if (configBytes is null)
                {
                    return CliOutput.Error($"{source.Location} has no {LogDirectory.ConfigFile}; name the trusted keys with --vkey");
                }

                var config = System.Text.Json.JsonSerializer.Deserialize<LogConfig>(configBytes)
                    ?? throw new LogFormatException($"{LogDirectory.ConfigFile} is empty");
                keys = [.. config.VerifierKeys];
                expectedOrigin ??= config.Origin;
                if (source is HttpTileSource)
                {
                    Console.Error.WriteLine($"note: trusting the keys the remote {LogDirectory.ConfigFile} names; pin them with --vkey");
                }
            }

            // A fault found is a LogCorruptException, which VerbRunner reports as a failure naming it.
            var verifier = new LogVerifier(source, NoteVerifierSet.FromVerifierKeys(keys), expectedOrigin);
            var total = await PeekSizeAsync(source, ct).ConfigureAwait(false);
            LogVerification result;
            try
            {
                result = await verifier.VerifyAsync(new TerminalProgress("verifying", total), ct).ConfigureAwait(false);
            }
            catch (LogCorruptException e) when (parse.GetValue(json))
            {
                // The JSON names the fault too; the exit code and the FAILED line on standard error stay as without --json.
                Console.Out.WriteLine(new JsonObject { ["result"] = "failed", ["fault"] = e.Message }.ToJsonString());
                throw;
            }

            if (parse.GetValue(json))
            {
                // Every entry up to the checkpoint's size was read and hashed, so the entries checked are its size.
                Console.Out.WriteLine(new JsonObject
                {
                    ["origin"] = result.Checkpoint.Origin,
                    ["size"] = result.Checkpoint.Size,
                    ["root"] = Convert.ToBase64String(result.Checkpoint.RootHash),
                    ["entries_checked"] = result.Checkpoint.Size,
                    ["result"] = "ok",
                }.ToJsonString());
                return ExitCodes.Ok;
            }

            Console.Out.WriteLine($"OK: log '{result.Checkpoint.Origin}' of {result.Checkpoint.Size} entries verifies; "
                + $"root {Convert.ToBase64String(result.Checkpoint.RootHash)}");
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    private static async Task<long> PeekSizeAsync(ITileSource source, CancellationToken ct)
    {
        try
        {
            var bytes = await source.ReadAsync("checkpoint", ct).ConfigureAwait(false);
            return bytes is null ? 0 : Checkpoint.Parse(SignedNote.Parse(bytes).Text).Size;
        }
        catch (LogFormatException)
        {
            return 0;
        }
    }
}
