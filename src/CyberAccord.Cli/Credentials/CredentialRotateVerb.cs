using System.CommandLine;
using CyberAccord.Cli.Terminal;

namespace CyberAccord.Cli.Credentials;

/// <summary><c>accord credential rotate</c>: a party's password and token replaced; the old ones stop working at once.</summary>
internal static class CredentialRotateVerb
{
    public static Command Create()
    {
        var dir = CredentialOptions.Dir();
        var party = CredentialOptions.Party();
        var json = CredentialOptions.Json();
        var command = new Command(
            "rotate",
            "Replace a party's password and API token with new ones (shown once); the old ones stop working at once, on a "
            + "serving node too. Example: accord credential rotate --dir node-cn --party CN")
        {
            dir, party, json,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(() => CredentialFile.EditAsync(
            parse.GetValue(dir)!, parse.GetValue(party)!, (credentials, id) =>
        {
            var index = credentials.FindIndex(c => c.Party == id);
            if (index < 0)
            {
                var add = $"accord credential add --dir {parse.GetValue(dir)} --party {parse.GetValue(party)}";
                return (CliOutput.Error($"{id} has no credentials; issue them with '{add}'"), null);
            }

            var issued = CredentialFile.Issue(id, credentials[index].TaxiiUser);
            credentials[index] = issued.Stored;
            if (File.Exists(Path.Combine(parse.GetValue(dir)!, "demo-credentials.json")))
            {
                Console.Error.WriteLine("accord: note: demo-credentials.json still lists the old secrets, which no longer work");
            }

            return (IssuedSecrets.Print("rotated", issued, parse.GetValue(json)), credentials);
        }, ct)).ConfigureAwait(false));
        return command;
    }
}
