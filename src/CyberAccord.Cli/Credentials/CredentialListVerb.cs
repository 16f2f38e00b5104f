using System.CommandLine;
using System.Text.Json.Nodes;
using CyberAccord.Cli.Terminal;

namespace CyberAccord.Cli.Credentials;

/// <summary><c>accord credential list</c>: the parties with credentials and their TAXII users, never a secret.</summary>
internal static class CredentialListVerb
{
    public static Command Create()
    {
        var dir = CredentialOptions.Dir();
        var json = CredentialOptions.Json();
        var command = new Command(
            "list",
            "List the parties with credentials and their TAXII users (no secrets). Example: accord credential list --dir node-cn --json")
        {
            dir, json,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(() =>
        {
            var credentials = CredentialFile.Read(parse.GetValue(dir)!);
            if (parse.GetValue(json))
            {
                var array = new JsonArray([.. credentials.Select(c => new JsonObject
                {
                    ["party"] = c.Party,
                    ["taxii_user"] = c.TaxiiUser,
                    ["token_hash"] = CredentialFile.TokenForm(c),
                })]);
                Console.Out.WriteLine(array.ToJsonString());
            }
            else
            {
                foreach (var c in credentials)
                {
                    Console.Out.WriteLine($"{c.Party}  user {c.TaxiiUser}  token {CredentialFile.TokenForm(c)}");
                }
            }

            return Task.FromResult(ExitCodes.Ok);
        }).ConfigureAwait(false));
        return command;
    }
}
