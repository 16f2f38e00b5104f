using System.CommandLine;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Assessment;
using CyberAccord.Cli.Node;
using CyberAccord.Cli.Terminal;

namespace CyberAccord.Cli.Accord.Verbs;

/// <summary><c>accord scorecard</c>: each party's figures, locally or on a remote node, printed alike.</summary>
internal static class ScorecardVerb
{
    public static Command Create()
    {
        var at = new Option<string?>("--at") { Description = "Judge deadlines as of this time (default: now)." };
        var json = CommonOptions.Json();
        var viewer = new Option<string?>("--as")
        {
            Description = "Count only the records this party may see (TLP), as the API does for its token's party.",
        };
        return ReadVerb.Create(
            "scorecard",
            "Each party's figures from the records: response times, overdue requests, reciprocity, evidence behind its claims, disputes.",
            async (parse, node, ct) =>
            {
                if (parse.GetValue(viewer) is not null)
                {
                    return CliOutput.Error("with --node, the node counts what your token's party may see: drop --as");
                }

                var codes = parse.GetValue(json)
                    ? new Dictionary<string, string>(StringComparer.Ordinal)
                    : await node.PartyCodesAsync(ct).ConfigureAwait(false);
                var cards = await node.ScorecardsAsync(parse.GetValue(at), ct).ConfigureAwait(false);
                Summary.PrintScorecards(cards, codes, parse.GetValue(json));
                return ExitCodes.Ok;
            },
            async (parse, localDir, ct) =>
            {
                await using var node = await LocalNode.OpenAsync(localDir, ct).ConfigureAwait(false);
                var time = CommonOptions.Time(parse.GetValue(at));
                var who = CommonOptions.Party(parse.GetValue(viewer));
                var (cards, codes) = await node.ReadAsync(state =>
                {
                    var scorecards = who is null ? Scorecards.All(state, time) : Scorecards.SeenBy(state, who, time);
                    return (new JsonArray([.. scorecards.Select(c => c.ToJson())]), PartyCodes.Of(state));
                }, ct).ConfigureAwait(false);
                Summary.PrintScorecards(cards, codes, parse.GetValue(json));
                return ExitCodes.Ok;
            },
            at,
            json,
            viewer);
    }
}
