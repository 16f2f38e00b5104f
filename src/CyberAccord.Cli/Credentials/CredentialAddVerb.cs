using System.CommandLine;
using CyberAccord.Accord.Records;
using CyberAccord.Cli.Terminal;

namespace CyberAccord.Cli.Credentials;

/// <summary><c>accord credential add</c>: a TAXII user and password and an API token for a party that has none.</summary>
internal static class CredentialAddVerb
{
    public static Command Create()
    {
        var dir = CredentialOptions.Dir();
        var party = CredentialOptions.Party();
        var user = new Option<string?>("--user") { Description = "The TAXII user name (default: the party's code in lower case)." };
        var json = CredentialOptions.Json();
        var command = new Command(
            "add",
            "Issue a TAXII user and password and an API token for a party. The secrets are shown once; the node keeps only "
            + "their hashes (PBKDF2 for the password, SHA-256 for the token). " + CredentialOptions.Example)
        {
            dir, party, user, json,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(() => CredentialFile.EditAsync(
            parse.GetValue(dir)!, parse.GetValue(party)!, (credentials, id) =>
        {
            if (credentials.Any(c => c.Party == id))
            {
                var rotate = $"accord credential rotate --dir {parse.GetValue(dir)} --party {parse.GetValue(party)}";
                return (CliOutput.Error($"{id} already has credentials; replace them with '{rotate}'"), null);
            }

            var name = parse.GetValue(user) ?? id[PartyIds.Prefix.Length..];
            if (name.Length == 0 || name.Contains(':', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace) || name.Any(char.IsControl))
            {
                return (CliOutput.Error("--user must be non-empty, without ':', spaces or control characters"), null);
            }

            if (credentials.FirstOrDefault(c => c.TaxiiUser == name) is { } taken)
            {
                return (CliOutput.Error($"the TAXII user '{name}' belongs to {taken.Party}; choose another with --user"), null);
            }

            var issued = CredentialFile.Issue(id, name);
            credentials.Add(issued.Stored);
            return (IssuedSecrets.Print("issued", issued, parse.GetValue(json)), credentials);
        }, ct)).ConfigureAwait(false));
        return command;
    }
}
