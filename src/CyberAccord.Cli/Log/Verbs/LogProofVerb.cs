using System.CommandLine;

namespace CyberAccord.Cli.Log.Verbs;

/// <summary><c>accord log proof inclusion|consistency</c>.</summary>
internal static class LogProofVerb
{
    public static Command Create()
    {
        var proof = new Command("proof", "Print Merkle proofs from a log's published tree.");
        proof.Subcommands.Add(LogProofInclusionVerb.Create());
        proof.Subcommands.Add(LogProofConsistencyVerb.Create());
        return proof;
    }
}
