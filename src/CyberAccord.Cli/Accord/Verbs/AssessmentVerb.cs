using System.CommandLine;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Assessment;
using CyberAccord.Cli.Node;
using CyberAccord.Cli.Terminal;

namespace CyberAccord.Cli.Accord.Verbs;

/// <summary><c>accord assessment</c>: every finding, locally or on a remote node, printed alike.</summary>
internal static class AssessmentVerb
{
    public static Command Create()
    {
        var at = new Option<string?>("--at") { Description = "Judge deadlines as of this time (default: now)." };
        var json = CommonOptions.Json();
        return ReadVerb.Create(
            "assessment",
            "Print every assessment finding: which commitment each incident, request or claim implicates, under whose list or view, "
            + "and why. With --node, the findings on records your token's party may see.",
            async (parse, node, ct) =>
            {
                var codes = parse.GetValue(json)
                    ? new Dictionary<string, string>(StringComparer.Ordinal)
                    : await node.PartyCodesAsync(ct).ConfigureAwait(false);
                var findings = await node.AssessmentAsync(parse.GetValue(at), ct).ConfigureAwait(false);
                return Print(findings, codes, parse.GetValue(json));
            },
            async (parse, localDir, ct) =>
            {
                await using var node = await LocalNode.OpenAsync(localDir, ct).ConfigureAwait(false);
                var time = CommonOptions.Time(parse.GetValue(at));
                var (findings, codes) = await node.ReadAsync(state => (
                    new JsonArray([.. AssessmentEngine.Assess(state, time).Select(finding => finding.ToJson())]),
                    PartyCodes.Of(state)), ct).ConfigureAwait(false);
                return Print(findings, codes, parse.GetValue(json));
            },
            at,
            json);
    }

    /// <summary>Findings in the API's JSON shape, as JSON or one line each.</summary>
    private static int Print(JsonArray findings, IReadOnlyDictionary<string, string> codes, bool json)
    {
        if (json)
        {
            Console.Out.WriteLine(findings.ToJsonString());
            return ExitCodes.Ok;
        }

        foreach (var finding in findings)
        {
            Console.Out.WriteLine(Summary.Finding(finding!.AsObject(), codes));
        }

        return ExitCodes.Ok;
    }
}
