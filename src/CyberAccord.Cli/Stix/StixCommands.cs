using System.CommandLine;

namespace CyberAccord.Cli.Stix;

/// <summary>The <c>accord stix</c> verbs: validate, canonicalize and summarize STIX 2.1 documents.</summary>
internal static class StixCommands
{
    public static Command Create()
    {
        var stix = new Command("stix", "Validate, canonicalize (RFC 8785) and summarize STIX 2.1 documents of any size.");
        stix.Subcommands.Add(StixValidateVerb.Create());
        stix.Subcommands.Add(StixCanonicalizeVerb.Create());
        stix.Subcommands.Add(StixStatsVerb.Create());
        return stix;
    }

    /// <summary>The bound on one object that the streaming reader enforces, for the verbs that read whole files.</summary>
    public static Option<int> MaxObjectOption() => new("--max-object-mb")
    {
        Description = "Refuse any single object larger than this many MiB.",
        DefaultValueFactory = _ => 16,
    };
}
