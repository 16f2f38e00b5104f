using System.CommandLine;
using CyberAccord.Accord.State;
using CyberAccord.Cli.Node;
using CyberAccord.Cli.Terminal;

namespace CyberAccord.Cli.Accord.Verbs;

/// <summary><c>accord show ID</c>: a record as signed, with its log index, locally or from a remote node.</summary>
internal static class ShowVerb
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "A record id." };
        var viewer = new Option<string?>("--as")
        {
            Description = "Show only if this party may see it (TLP). With --node, the node shows what your token's party may see.",
        };
        var json = CommonOptions.Json();
        return ReadVerb.Create(
            "show",
            "Print a record as signed (its canonical envelope) with its log index.",
            async (parse, node, ct) =>
            {
                if (parse.GetValue(viewer) is not null)
                {
                    return CliOutput.Error("with --node, the node decides what your token's party may see: drop --as");
                }

                var (index, envelope) = await node.RecordAsync(parse.GetValue(id)!, ct).ConfigureAwait(false);
                return Print(index, envelope, parse.GetValue(json));
            },
            async (parse, localDir, ct) =>
            {
                await using var node = await LocalNode.OpenAsync(localDir, ct).ConfigureAwait(false);
                var who = CommonOptions.Party(parse.GetValue(viewer));
                var stored = await node.ReadAsync(
                    state => state.Records.TryGetValue(parse.GetValue(id)!, out var record)
                        && (who is null || Visibility.CanSee(state, record.Record, who)) ? record : null, ct).ConfigureAwait(false);
                if (stored is null)
                {
                    return CliOutput.Error($"no record '{parse.GetValue(id)}'{(who is null ? string.Empty : $" visible to {who}")}");
                }

                return Print(stored.Sequence, stored.Record.ToEntry(), parse.GetValue(json));
            },
            id,
            viewer,
            json);
    }

    private static int Print(long? sequence, byte[] envelope, bool json)
    {
        Console.Out.WriteLine(json
            ? RecordFormatter.ToJson(sequence, envelope).ToJsonString()
            : RecordFormatter.Envelope(sequence, envelope));
        return ExitCodes.Ok;
    }
}
