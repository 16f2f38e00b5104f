using System.CommandLine;
using CyberAccord.Accord.Records;

namespace CyberAccord.Cli.Accord.Verbs;

/// <summary><c>accord &lt;kind&gt; add|list</c>: one verb per record kind.</summary>
internal static class RecordVerbs
{
    public static Command Create(string kind)
    {
        // The verb for accords is plural: 'accord' is the program's own name.
        var verb = new Command(kind == RecordKinds.Accord ? "accords" : kind, $"Add and list {kind} records.");
        verb.Subcommands.Add(RecordAddVerb.Create(kind, verb.Name));
        verb.Subcommands.Add(RecordListVerb.Create(kind));
        return verb;
    }
}
