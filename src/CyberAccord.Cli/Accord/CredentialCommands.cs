using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Cli.Log;
using CyberAccord.Cli.Node;
using CyberAccord.Cli.Terminal;
using CyberAccord.Hosting;
using CyberAccord.Log;
using CyberAccord.Server.Auth;

namespace CyberAccord.Cli.Accord;

/// <summary>
/// <c>accord credential add|list|rotate|revoke</c>: the TAXII users, passwords and API tokens a node's parties sign in
/// with. Secrets are printed once and stored hashed in <c>keys/credentials.json</c>, which a serving node follows, so
/// these verbs edit that file only (they never open the node, and work while it serves).
/// </summary>
internal static class CredentialCommands
{
    private const string Example = "Example: accord credential add --dir node-cn --party CN";

    public static Command Create()
    {
        var command = new Command(
            "credential",
            "Issue, list, rotate and revoke the credentials parties use to reach this node: a TAXII user and password "
            + "(HTTP Basic, dashboard sign-in) and an API token (bearer). Takes effect at once on a serving node. " + Example);
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Rotate());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Option<string> Dir() => new("--dir") { Description = "The node directory.", Required = true };

    private static Option<string> PartyOption() =>
        new("--party") { Description = "The party's code (such as CN) or id (party--cn).", Required = true };

    private static Option<bool> Json() => new("--json") { Description = "Print JSON." };

    private static Command Add()
    {
        var dir = Dir();
        var party = PartyOption();
        var user = new Option<string?>("--user") { Description = "The TAXII user name (default: the party's code in lower case)." };
        var json = Json();
        var command = new Command(
            "add",
            "Issue a TAXII user and password and an API token for a party. The secrets are shown once; the node keeps only "
            + "their hashes (PBKDF2 for the password, SHA-256 for the token). " + Example) { dir, party, user, json };
        command.SetAction(async (parse, ct) => await LogCommands.Run(() => EditAsync(
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

            var issued = Issue(id, name);
            credentials.Add(issued.Stored);
            return (Print("issued", issued, parse.GetValue(json)), credentials);
        }, ct)).ConfigureAwait(false));
        return command;
    }

    private static Command Rotate()
    {
        var dir = Dir();
        var party = PartyOption();
        var json = Json();
        var command = new Command(
            "rotate",
            "Replace a party's password and API token with new ones (shown once); the old ones stop working at once, on a "
            + "serving node too. Example: accord credential rotate --dir node-cn --party CN") { dir, party, json };
        command.SetAction(async (parse, ct) => await LogCommands.Run(() => EditAsync(
            parse.GetValue(dir)!, parse.GetValue(party)!, (credentials, id) =>
        {
            var index = credentials.FindIndex(c => c.Party == id);
            if (index < 0)
            {
                var add = $"accord credential add --dir {parse.GetValue(dir)} --party {parse.GetValue(party)}";
                return (CliOutput.Error($"{id} has no credentials; issue them with '{add}'"), null);
            }

            var issued = Issue(id, credentials[index].TaxiiUser);
            credentials[index] = issued.Stored;
            if (File.Exists(Path.Combine(parse.GetValue(dir)!, "demo-credentials.json")))
            {
                Console.Error.WriteLine("accord: note: demo-credentials.json still lists the old secrets, which no longer work");
            }

            return (Print("rotated", issued, parse.GetValue(json)), credentials);
        }, ct)).ConfigureAwait(false));
        return command;
    }

    private static Command Revoke()
    {
        var dir = Dir();
        var party = PartyOption();
        var command = new Command(
            "revoke",
            "Remove a party's credentials: its password and token stop working at once, on a serving node too. "
            + "Example: accord credential revoke --dir node-cn --party CN") { dir, party };
        command.SetAction(async (parse, ct) => await LogCommands.Run(() => EditAsync(
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

    private static Command List()
    {
        var dir = Dir();
        var json = Json();
        var command = new Command(
            "list",
            "List the parties with credentials and their TAXII users (no secrets). Example: accord credential list --dir node-cn --json")
        {
            dir, json,
        };
        command.SetAction(async (parse, ct) => await LogCommands.Run(() =>
        {
            var root = parse.GetValue(dir)!;
            RequireNode(root);
            var credentials = CredentialStore.ReadFile(NodeDirectory.CredentialsPath(root));
            if (parse.GetValue(json))
            {
                var array = new JsonArray(credentials.Select(c =>
                    (JsonNode?)new JsonObject { ["party"] = c.Party, ["taxii_user"] = c.TaxiiUser, ["token_hash"] = TokenForm(c) })
                    .ToArray());
                Console.Out.WriteLine(array.ToJsonString());
            }
            else
            {
                foreach (var c in credentials)
                {
                    Console.Out.WriteLine($"{c.Party}  user {c.TaxiiUser}  token {TokenForm(c)}");
                }
            }

            return Task.FromResult(ExitCodes.Ok);
        }).ConfigureAwait(false));
        return command;
    }

    private static string TokenForm(PartyCredentials c) =>
        c.TokenHash.StartsWith("sha256$", StringComparison.Ordinal) ? "sha256" : "legacy (rotate it)";

    private sealed record Issued(PartyCredentials Stored, string Password, string Token);

    private static Issued Issue(string party, string user)
    {
        var (password, token, passwordHash, tokenHash) = NodeDirectory.NewCredentials();
        return new Issued(new PartyCredentials(party, user, passwordHash, tokenHash), password, token);
    }

    private static int Print(string verb, Issued issued, bool json)
    {
        if (json)
        {
            var secrets = new JsonObject
            {
                ["party"] = issued.Stored.Party,
                ["taxii_user"] = issued.Stored.TaxiiUser,
                ["taxii_password"] = issued.Password,
                ["api_token"] = issued.Token,
            };
            Console.Out.WriteLine(secrets.ToJsonString());
        }
        else
        {
            Console.Out.WriteLine($"{verb} credentials for {issued.Stored.Party} (shown only now; the node keeps their hashes):");
            Console.Out.WriteLine($"  TAXII user:     {issued.Stored.TaxiiUser}");
            Console.Out.WriteLine($"  TAXII password: {issued.Password}");
            Console.Out.WriteLine($"  API token:      {issued.Token}");
        }

        return ExitCodes.Ok;
    }

    private static void RequireNode(string root)
    {
        if (!NodeDirectory.IsNode(root))
        {
            throw new LogStateException(
                $"{Path.GetFullPath(root)} is not a node directory; create one with 'accord init' or 'accord demo'");
        }
    }

    /// <summary>
    /// Read, change and atomically rewrite the credential file under an exclusive lock file, so that two CLI processes
    /// editing credentials at once do not lose each other's change. The edit returns the new list, or null to write nothing.
    /// </summary>
    private static async Task<int> EditAsync(
        string root,
        string party,
        Func<List<PartyCredentials>, string, (int Exit, List<PartyCredentials>? Updated)> edit,
        CancellationToken ct)
    {
        RequireNode(root);
        var id = PartyIds.FromCodeOrId(party.Trim());
        if (id.Length <= PartyIds.Prefix.Length || !id[PartyIds.Prefix.Length..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return CliOutput.Error("--party must be a party code (such as CN) or id (party--cn)");
        }

        var path = NodeDirectory.CredentialsPath(root);
        await using var held = await LockAsync(path + ".lock", ct).ConfigureAwait(false);
        var credentials = CredentialStore.ReadFile(path).ToList();
        var (exit, updated) = edit(credentials, id);
        if (updated is not null)
        {
            await CredentialStore.WriteFileAsync(path, updated, ct).ConfigureAwait(false);
        }

        return exit;
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                return new FileStream(path, options);
            }
            catch (IOException) when (attempt < 50)
            {
                await Task.Delay(100 + RandomNumberGenerator.GetInt32(50), ct).ConfigureAwait(false);
            }
        }
    }
}
