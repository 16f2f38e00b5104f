using System.CommandLine;
using CyberAccord.Cli.Terminal;

namespace CyberAccord.Cli.Credentials;

/// <summary><c>accord credential revoke</c>: a party's credentials removed; its password and token stop working at once.</summary>
internal static class CredentialRevokeVerb
{
    public static Command Create()
    {
        var dir = CredentialOptions.Dir();
        var party = CredentialOptions.Party();
        var command = new Command(
            "revoke",
            "Remove a party's credentials: its password and token stop working at once, on a serving node too. "
            + "Example: accord credential revoke --dir node-cn --party CN")
        {
            dir, party,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(() => CredentialFile.EditAsync(
            parse.GetValue(dir)!, parse.GetValue(party)!, (credentials, id) =>
        {
            if (credentials.RemoveAll(c => c.Party == id) == 0)
            {
                return (CliOutput.Error($"{id} has no credentials on this node"), null);
            }

            Console.Out.WriteLine($"revoked the credentials of {id}");
            return (ExitCodes.Ok, credentials);
        }, ct)).ConfigureAwait(false));
        return command;
    }
}
