using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CyberAccord.Cli.Accord.Verbs;
using CyberAccord.Cli.Terminal;
using CyberAccord.Log;
using CyberAccord.Log.Checkpoints;
using CyberAccord.Log.Merkle;
using CyberAccord.Log.Notes;
using CyberAccord.Log.Verification;

namespace CyberAccord.Cli.Log.Verbs;

/// <summary>
/// <c>accord log proof inclusion LOCATION --index N</c>: a C2SP tlog-proof, from a log directory or from the tiles of a
/// published copy.
/// </summary>
internal static class LogProofInclusionVerb
{
    public static Command Create()
    {
        var location = new Argument<string>("location")
        {
            Description = "The log directory, or the http(s) URL of a published copy (the proof is then computed from its tiles).",
        };
        var index = new Option<long>("--index") { Description = "The entry's index (0-based).", Required = true };
        var size = new Option<long?>("--size") { Description = "Tree size to prove against (default: the published checkpoint's)." };
        var json = CommonOptions.Json();
        var inclusion = new Command("inclusion", "Print a C2SP tlog-proof: index, inclusion proof hashes, and the checkpoint.")
        {
            location, index, size, json,
        };
        inclusion.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            var where = parse.GetValue(location)!;
            var leafIndex = parse.GetValue(index);
            byte[][] hashes;
            string checkpointText;
            long treeSizeProven;
            if (LogVerbSupport.AsHttpUrl(where) is { } url)
            {
                using var http = new HttpClient();
                var source = new HttpTileSource(http, url);
                var note = await source.ReadAsync("checkpoint", ct).ConfigureAwait(false)
                    ?? throw new LogCorruptException($"{source.Location} has no checkpoint", "checkpoint");
                var published = Checkpoint.Parse(SignedNote.Parse(note).Text);
                var treeSize = parse.GetValue(size) ?? published.Size;
                if (leafIndex < 0 || leafIndex >= treeSize || treeSize > published.Size)
                {
                    return CliOutput.Error(
                        $"index {leafIndex} is not in a published tree of size {treeSize} (checkpoint size {published.Size})");
                }

                treeSizeProven = treeSize;
                var reader = new TileHashReader(source, published.Size);
                hashes = await MerkleProofs.InclusionAsync(reader, leafIndex, treeSize, ct).ConfigureAwait(false);
                checkpointText = treeSize == published.Size
                    ? Encoding.UTF8.GetString(note)
                    : new Checkpoint(published.Origin, treeSize,
                        await MerkleProofs.TreeHashAsync(reader, treeSize, ct).ConfigureAwait(false)).ToText();
            }
            else
            {
                await using var transparencyLog = await LogVerbSupport.OpenLogAsync(where, ct).ConfigureAwait(false);
                var treeSize = parse.GetValue(size) ?? transparencyLog.Checkpoint.Size;
                treeSizeProven = treeSize;
                hashes = await transparencyLog.ProveInclusionAsync(leafIndex, treeSize, ct).ConfigureAwait(false);
                checkpointText = treeSize == transparencyLog.Checkpoint.Size
                    ? Encoding.UTF8.GetString((await transparencyLog.Storage.ReadCheckpointAsync(ct).ConfigureAwait(false))!)
                    : new Checkpoint(transparencyLog.Origin, treeSize, await transparencyLog.RootAsync(treeSize, ct).ConfigureAwait(false))
                        .ToText();
            }

            if (parse.GetValue(json))
            {
                // GET /log/proof/inclusion's fields, and the checkpoint the proof leads to.
                Console.Out.WriteLine(new JsonObject
                {
                    ["index"] = leafIndex,
                    ["tree_size"] = treeSizeProven,
                    ["hashes"] = new JsonArray([.. hashes.Select(hash => JsonValue.Create(Convert.ToBase64String(hash)))]),
                    ["checkpoint"] = checkpointText,
                }.ToJsonString());
                return ExitCodes.Ok;
            }

            var output = new StringBuilder("c2sp.org/tlog-proof@v1\n");
            output.Append(CultureInfo.InvariantCulture, $"index {leafIndex}\n");
            foreach (var hash in hashes)
            {
                output.Append(Convert.ToBase64String(hash)).Append('\n');
            }

            output.Append('\n').Append(checkpointText);
            Console.Out.Write(output.ToString());
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return inclusion;
    }
}
