using System.CommandLine;
using CyberAccord.Accord.Records;
using CyberAccord.Cli.Accord.Verbs;

namespace CyberAccord.Cli.Accord;

/// <summary>
/// The node verbs, in the order --help lists them: demo, init, one verb per record kind, the read verbs, export, rebuild, serve.
/// </summary>
internal static class AccordCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return DemoVerb.Create();
        yield return InitVerb.Create();
        foreach (var kind in RecordKinds.All)
        {
            yield return RecordVerbs.Create(kind);
        }

        yield return ShowVerb.Create();
        yield return AssessmentVerb.Create();
        yield return ScorecardVerb.Create();
        yield return CiDiffVerb.Create();
        yield return ExportVerb.Create();
        yield return RebuildVerb.Create();
        yield return ServeVerb.Create();
    }
}
