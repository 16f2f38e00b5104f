using System.CommandLine;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Cli.Node;
using CyberAccord.Cli.Terminal;
using CyberAccord.Hosting;

namespace CyberAccord.Cli.Accord.Verbs;

/// <summary><c>accord init</c>: a node for one party, whose registration is its first record.</summary>
internal static class InitVerb
{
    public static Command Create()
    {
        var dir = CommonOptions.Dir();
        var code = new Option<string>("--party")
        {
            Description = "The code of the party this node acts for, such as CN or US.",
            Required = true,
        };
        var name = new Option<string>("--name") { Description = "The party's full name.", Required = true };
        var kind = new Option<string>("--kind") { Description = "state, cert, observer or witness.", DefaultValueFactory = _ => "state" };
        var store = CommonOptions.Store(CommonOptions.StoreHelp + " Its schema and tables are created (migrated) here.");
        var command = new Command(
            "init",
            "Create a node for one party: a new log, a projection database, and the party's signing key; "
            + "the party's registration is its first record.")
        {
            dir, code, name, kind, store,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            var root = parse.GetValue(dir)!;
            var partyCode = parse.GetValue(code)!.Trim();
            if (partyCode.Length is < 2 or > 16 || !partyCode.All(char.IsAsciiLetterOrDigit))
            {
                return CliOutput.Error("--party must be 2–16 letters or digits");
            }

            var party = PartyIds.FromCodeOrId(partyCode);
            var origin = $"node-{partyCode.ToLowerInvariant()}.cyberaccord.example/log";
            await NodeDirectory.CreateAsync(root, origin, parse.GetValue(store), null, ct).ConfigureAwait(false);
            using var key = PartyKey.Generate();
            await NodeDirectory.SaveKeyAsync(root, party, key, ct).ConfigureAwait(false);
            await using var node = await LocalNode.OpenAsync(root, ct).ConfigureAwait(false);
            var body = new JsonObject
            {
                ["code"] = partyCode.ToUpperInvariant(),
                ["name"] = parse.GetValue(name),
                ["kind"] = parse.GetValue(kind),
                ["keys"] = new JsonArray(new JsonObject { ["public_key"] = Convert.ToBase64String(key.PublicKey) }),
            };
            var registration = AccordRecord.Sign(RecordKinds.Party, party, party, DateTime.UtcNow, body, key);
            await node.SubmitAsync(registration, ct).ConfigureAwait(false);
            Console.Out.WriteLine($"created node for {party} in {Path.GetFullPath(root)}; key {key.KeyId}");
            Console.Out.WriteLine(
                $"no one can sign in to it yet; issue credentials with: accord credential add --dir {root} --party {partyCode}");
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }
}
