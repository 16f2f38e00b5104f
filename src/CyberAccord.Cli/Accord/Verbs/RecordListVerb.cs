using System.CommandLine;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Cli.Node;
using CyberAccord.Cli.Remote;
using CyberAccord.Cli.Terminal;

namespace CyberAccord.Cli.Accord.Verbs;

/// <summary><c>accord &lt;kind&gt; list</c>: the records of one kind, locally or on a remote node, printed alike.</summary>
internal static class RecordListVerb
{
    public static Command Create(string kind)
    {
        var dir = CommonOptions.LocalDir();
        var viewer = new Option<string?>("--as")
        {
            Description = "List only what this party may see (TLP). With --node, you see what your token's party may see.",
        };
        var remote = CommonOptions.NewNodeOption();
        var token = CommonOptions.NewTokenOption();
        var json = CommonOptions.Json();
        var list = new Command("list", $"List {kind} records, one per line.") { dir, viewer, remote, token, json };
        CommonOptions.RemoteCapable.Add(list);
        list.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            if (CommonOptions.RemoteOf(parse, remote) is { } nodeUrl)
            {
                if (parse.GetValue(dir) is not null || parse.GetValue(viewer) is not null)
                {
                    return CliOutput.Error("with --node, the node decides what your token's party may see: drop --dir and --as");
                }

                var node = new RemoteNode(nodeUrl, CommonOptions.TokenOf(parse, token));
                var items = await node.ListAsync(kind, ct).ConfigureAwait(false);
                if (parse.GetValue(json))
                {
                    return PrintJson(items);
                }

                var codes = await node.PartyCodesAsync(ct).ConfigureAwait(false);
                var statuses = kind == RecordKinds.Request
                    ? await node.RequestStatusesAsync(ct).ConfigureAwait(false)
                    : new Dictionary<string, string>(StringComparer.Ordinal);
                return PrintLines(items, codes, statuses);
            }

            if (parse.GetValue(dir) is not { } localDir)
            {
                return CliOutput.Error("give --dir (a local node) or --node (a remote one)");
            }

            await using var local = await LocalNode.OpenAsync(localDir, ct).ConfigureAwait(false);
            var who = CommonOptions.Party(parse.GetValue(viewer));

            // As a party would see it: its view, so that a request's status rests only on what it may see.
            // A view holds no shared STIX objects: those are listed as their collections allow.
            var (records, partyCodes, requestStatuses) = await local.ReadAsync(all =>
            {
                var state = who is null || kind == RecordKinds.StixObject ? all : all.SeenBy(who);
                var records = state.Records.Values
                    .Where(r => r.Record.Kind == kind && Visibility.CanSee(state, r, who ?? r.Record.Author))
                    .OrderBy(r => r.Sequence)
                    .Select(RecordFormatter.ToJson)
                    .ToList();
                return (records, PartyCodes.Of(state), RecordFormatter.RequestStatuses(state));
            }, ct).ConfigureAwait(false);
            return parse.GetValue(json) ? PrintJson(records) : PrintLines(records, partyCodes, requestStatuses);
        }).ConfigureAwait(false));
        return list;
    }

    /// <summary>The records as one JSON array, as the API pages them.</summary>
    private static int PrintJson(List<JsonObject> items)
    {
        Console.Out.WriteLine(new JsonArray([.. items]).ToJsonString());
        return ExitCodes.Ok;
    }

    private static int PrintLines(
        List<JsonObject> items, IReadOnlyDictionary<string, string> codes, IReadOnlyDictionary<string, string> requestStatuses)
    {
        foreach (var item in items)
        {
            Console.Out.WriteLine(RecordFormatter.Line(item, codes, requestStatuses));
        }

        return ExitCodes.Ok;
    }
}
