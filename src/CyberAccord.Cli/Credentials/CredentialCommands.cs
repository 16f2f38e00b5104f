using System.CommandLine;

namespace CyberAccord.Cli.Credentials;

/// <summary>
/// <c>accord credential add|list|rotate|revoke</c>: the TAXII users, passwords and API tokens a node's parties sign in
/// with. Secrets are printed once and stored hashed in <c>keys/credentials.json</c>, which a serving node follows, so
/// these verbs edit that file only (they never open the node, and work while it serves).
/// </summary>
internal static class CredentialCommands
{
    public static Command Create()
    {
        var command = new Command(
            "credential",
            "Issue, list, rotate and revoke the credentials parties use to reach this node: a TAXII user and password "
            + "(HTTP Basic, dashboard sign-in) and an API token (bearer). Takes effect at once on a serving node. "
            + CredentialOptions.Example);
        command.Subcommands.Add(CredentialAddVerb.Create());
        command.Subcommands.Add(CredentialListVerb.Create());
        command.Subcommands.Add(CredentialRotateVerb.Create());
        command.Subcommands.Add(CredentialRevokeVerb.Create());
        return command;
    }
}
