using System.CommandLine;
using System.Text.Json.Nodes;
using CyberAccord.Accord.State;
using CyberAccord.Cli.Node;
using CyberAccord.Cli.Terminal;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Cli.Accord.Verbs;

/// <summary><c>accord ci-diff A B</c>: where two parties' critical-infrastructure lists in force disagree.</summary>
internal static class CiDiffVerb
{
    public static Command Create()
    {
        var dir = CommonOptions.Dir();
        var a = new Argument<string>("first") { Description = "A party code or id." };
        var b = new Argument<string>("second") { Description = "Another party code or id." };
        var at = new Option<string?>("--at") { Description = "Compare the lists in force at this time (default: now)." };
        var json = new Option<bool>("--json")
        {
            Description = "Print JSON: each list (party, designation, framework, effective, categories) and the categories in both, "
                + "only the first's and only the second's.",
        };
        var command = new Command("ci-diff", "Show where two parties' critical-infrastructure lists disagree, by common category.")
        {
            dir, a, b, at, json,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            await using var node = await LocalNode.OpenAsync(parse.GetValue(dir)!, ct).ConfigureAwait(false);
            var time = CommonOptions.Time(parse.GetValue(at));
            var (missing, output) = await node.ReadAsync(state =>
            {
                var first = state.DesignationOf(CommonOptions.Party(parse.GetValue(a))!, time);
                var second = state.DesignationOf(CommonOptions.Party(parse.GetValue(b))!, time);
                if (first is null || second is null)
                {
                    return (first is null ? parse.GetValue(a) : parse.GetValue(b), (string?)null);
                }

                return ((string?)null, parse.GetValue(json) ? Json(first, second, time).ToJsonString() : Text(state, first, second));
            }, ct).ConfigureAwait(false);
            if (output is null)
            {
                return CliOutput.Error($"no designation in force for {missing}");
            }

            Console.Out.WriteLine(output);
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    private static string Text(AccordState state, Designation first, Designation second)
    {
        string Code(string party) => state.CodeOf(party);
        var both = string.Join(", ", first.Categories.Intersect(second.Categories).Order(StringComparer.Ordinal));
        return $"{Code(first.Party)}: {first.Framework}\n{Code(second.Party)}: {second.Framework}\n"
            + $"both: {both}\n{Summary.CiDiff(first, second, Code)}";
    }

    private static JsonObject Json(Designation first, Designation second, DateTime time) => new()
    {
        ["at"] = Timestamps.Format(time),
        ["first"] = List(first),
        ["second"] = List(second),
        ["both"] = Categories(first.Categories.Intersect(second.Categories)),
        ["only_first"] = Categories(first.Categories.Except(second.Categories)),
        ["only_second"] = Categories(second.Categories.Except(first.Categories)),
    };

    private static JsonObject List(Designation designation) => new()
    {
        ["party"] = designation.Party,
        ["designation"] = designation.Id,
        ["framework"] = designation.Framework,
        ["effective"] = Timestamps.Format(designation.Effective),
        ["categories"] = Categories(designation.Categories),
    };

    private static JsonArray Categories(IEnumerable<string> categories) =>
        [.. categories.Order(StringComparer.Ordinal).Select(c => (JsonNode?)c)];
}
