using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Cli.Node;
using CyberAccord.Cli.Remote;
using CyberAccord.Cli.Terminal;
using CyberAccord.Hosting;
using CyberAccord.Stix.Json;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Cli.Accord.Verbs;

/// <summary><c>accord &lt;kind&gt; add</c>: sign a record here and append it to the local log, or submit it to a remote node.</summary>
internal static class RecordAddVerb
{
    public static Command Create(string kind, string verbName)
    {
        var dir = CommonOptions.Dir();
        var asParty = new Option<string>("--as")
        {
            Description = "The party that authors and signs the record (its key must be in this node's keys/).",
            Required = true,
        };
        var file = new Argument<string>("body") { Description = "The record body as JSON: a file, or - for standard input." };
        var id = new Option<string?>("--id")
        {
            Description = $"The record id (default: {kind}--<new UUID>); reuse an id, with \"version\" in the body one above the "
                + "current one, to publish a new version of a party, accord or designation.",
        };
        var created = new Option<string?>("--created") { Description = "The record's own time, RFC 3339 (default: now)." };
        var bundle = new Option<string?>("--stix") { Description = "For incidents: a STIX 2.1 evidence bundle to validate and attach." };
        var remote = CommonOptions.NewNodeOption();
        var token = CommonOptions.NewTokenOption();
        var add = new Command(
            "add",
            $"Sign a {kind} record as --as, check it against the accord, and append it to the log (or, with --node, submit it to a "
            + $"remote node). Refused records write nothing.\n\n{RecordSchemas.Describe(kind)}\n"
            + $"For example: accord {verbName} add --dir DIR --as CN body.json")
        {
            dir, asParty, file, id, created, bundle, remote, token,
        };
        CommonOptions.RemoteCapable.Add(add);
        add.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            var source = parse.GetValue(file)!;
            string text;
            if (source == "-")
            {
                using var reader = new StreamReader(Console.OpenStandardInput());
                text = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
            }
            else if (!File.Exists(source))
            {
                return CliOutput.Error($"{source}: no such file");
            }
            else
            {
                text = await File.ReadAllTextAsync(source, ct).ConfigureAwait(false);
            }

            JsonObject body;
            try
            {
                using var document = StixJson.Parse(text, source);
                body = JsonNode.Parse(document.RootElement.GetRawText()) as JsonObject
                    ?? throw new RecordRejectedException("$.body", "the body must be a JSON object");
            }
            catch (StixJsonException e)
            {
                return CliOutput.Error(e.Message);
            }

            var time = DateTime.UtcNow;
            if (parse.GetValue(created) is { } createdText && Timestamps.TryParse(createdText, out time) < 0)
            {
                return CliOutput.Error($"--created '{createdText}' is not an RFC 3339 UTC timestamp");
            }

            var root = parse.GetValue(dir)!;
            var author = CommonOptions.Party(parse.GetValue(asParty))!;
            AccordRecord Sign()
            {
                using var key = NodeDirectory.LoadKey(root, author);
                return AccordRecord.Sign(kind, parse.GetValue(id) ?? $"{kind}--{Guid.NewGuid()}", author, time, body, key);
            }

            if (CommonOptions.RemoteOf(parse, remote) is { } nodeUrl)
            {
                if (parse.GetValue(bundle) is not null)
                {
                    return CliOutput.Error(
                        "--stix attaches a bundle to a local node only; post evidence objects to the remote node over TAXII");
                }

                var signed = Sign();
                var at = await new RemoteNode(nodeUrl, CommonOptions.TokenOf(parse, token)).SubmitAsync(signed, ct).ConfigureAwait(false);
                Console.Out.WriteLine($"accepted {signed.Id} at log index {at} on {nodeUrl}");
                return ExitCodes.Ok;
            }

            await using var node = await LocalNode.OpenAsync(root, ct).ConfigureAwait(false);
            string? attached = null;
            if (parse.GetValue(bundle) is { } bundlePath)
            {
                if (!File.Exists(bundlePath))
                {
                    return CliOutput.Error($"{bundlePath}: no such file");
                }

                var bytes = await File.ReadAllBytesAsync(bundlePath, ct).ConfigureAwait(false);
                var existed = node.Blobs.Contains(Convert.ToHexStringLower(SHA256.HashData(bytes)));
                var (sha, objects) = await node.AttachStixBundleAsync(bytes, ct).ConfigureAwait(false);
                attached = existed ? null : sha;
                body["evidence_bundle"] = new JsonObject { ["sha256"] = sha, ["objects"] = objects };
            }

            var record = Sign();
            long index;
            try
            {
                index = await node.SubmitAsync(record, ct).ConfigureAwait(false);
            }
            catch (RecordRejectedException) when (attached is not null)
            {
                // The bundle was written for this record alone: it goes with the refusal, unless a record now names it.
                var named = await node.ReadAsync(
                    state => state.Records.Values.Any(r => r.Record.Body.ToJsonString().Contains(attached, StringComparison.Ordinal)), ct)
                    .ConfigureAwait(false);
                if (!named)
                {
                    File.Delete(node.Blobs.PathOf(attached));
                }

                throw;
            }

            Console.Out.WriteLine($"accepted {record.Id} at log index {index}; checkpoint size {node.Log.Checkpoint.Size}");
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return add;
    }
}
