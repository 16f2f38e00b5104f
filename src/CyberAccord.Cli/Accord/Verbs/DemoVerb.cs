using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.Scenario;
using CyberAccord.Cli.Node;
using CyberAccord.Cli.Terminal;
using CyberAccord.Hosting;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Server.Auth;

namespace CyberAccord.Cli.Accord.Verbs;

/// <summary><c>accord demo</c>: a node holding the reference scenario, its credentials and summary, and optionally served.</summary>
internal static class DemoVerb
{
    public static Command Create()
    {
        var dir = CommonOptions.Dir();
        var force = new Option<bool>("--force")
        {
            Description = "Replace the node in DIR: its log, projection, blobs, keys and credentials are deleted; other files are kept, "
                + "and a directory holding no node is refused.",
        };
        var store = CommonOptions.Store(CommonOptions.StoreHelp);
        var serve = new Option<string?>("--serve")
        {
            Description = "Then serve it (dashboard, TAXII, API, log) at this URL, such as http://127.0.0.1:8400, until Ctrl-C.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command(
            "demo",
            "Build a node holding the reference scenario (China, the US, Germany and the UN office, 2013–2025) as signed records, "
            + "write DIR/demo-credentials.json and print a summary.")
        {
            dir, force, store, serve,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            var root = parse.GetValue(dir)!;
            var serveUrl = parse.GetResult(serve) is null ? null : parse.GetValue(serve) ?? "http://127.0.0.1:8400";
            if (serveUrl is not null)
            {
                ServeVerb.ListenUrls(serveUrl);
            }

            var replacing = parse.GetValue(force) ? NodeDirectory.SequencingLogId(root) : null;
            if (parse.GetValue(store) is { } pg)
            {
                await NodeDirectory.CheckStoreAsync(pg, replacing, ct).ConfigureAwait(false);
            }

            if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
            {
                if (!NodeDirectory.IsNode(root))
                {
                    return CliOutput.Error(
                        $"{Path.GetFullPath(root)} is not empty and holds no node; the demo goes in a new or empty directory "
                        + "(--force replaces only a node)");
                }

                if (!parse.GetValue(force))
                {
                    return CliOutput.Error($"{root} holds a node; pass --force to replace it");
                }

                NodeDirectory.RefuseIfServed(root);
                var kept = NodeDirectory.DeleteNode(root);
                var keptNote = kept.Count > 0 ? $"; kept files accord did not make: {string.Join(", ", kept)}" : string.Empty;
                Console.Out.WriteLine(
                    $"replaced the node in {Path.GetFullPath(root)} (its log, projection, blobs, keys and credentials){keptNote}");
            }

            await NodeDirectory.CreateAsync(root, "demo.cyberaccord.example/log", parse.GetValue(store), replacing, ct)
                .ConfigureAwait(false);
            var keys = new Dictionary<string, PartyKey>(StringComparer.Ordinal);
            var credentials = new JsonArray();
            var hashed = new List<PartyCredentials>();
            foreach (var (id, code, name, _) in ReferenceScenario.Parties)
            {
                keys[id] = PartyKey.Generate();
                await NodeDirectory.SaveKeyAsync(root, id, keys[id], ct).ConfigureAwait(false);
                var (password, token, passwordHash, tokenHash) = NodeDirectory.NewCredentials();
                credentials.Add(new JsonObject
                {
                    ["party"] = id,
                    ["code"] = code,
                    ["name"] = name,
                    ["taxii_user"] = code.ToLowerInvariant(),
                    ["taxii_password"] = password,
                    ["api_token"] = token,
                });
                hashed.Add(new PartyCredentials(id, code.ToLowerInvariant(), passwordHash, tokenHash));
            }

            await using (var node = await LocalNode.OpenAsync(root, ct).ConfigureAwait(false))
            {
                await ReferenceScenario.WriteAsync(node, id => keys[id], ct).ConfigureAwait(false);
                Console.Out.WriteLine($"Demo node in {Path.GetFullPath(root)}");
                Console.Out.WriteLine();
                Console.Out.Write(await Summary.RenderAsync(node, DateTime.UtcNow, ct).ConfigureAwait(false));
            }

            await SecretFile.WriteAsync(
                Path.Combine(root, "demo-credentials.json"),
                credentials.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n",
                overwrite: true,
                ct).ConfigureAwait(false);
            await CredentialStore.WriteFileAsync(NodeDirectory.CredentialsPath(root), hashed, ct).ConfigureAwait(false);
            foreach (var key in keys.Values)
            {
                key.Dispose();
            }

            Console.Out.WriteLine($"Credentials: {Path.Combine(Path.GetFullPath(root), "demo-credentials.json")}; "
                + $"verify the log with: ./accord log verify {root}");
            if (serveUrl is null)
            {
                return ExitCodes.Ok;
            }

            // Every party's sign-in, in the scenario's order: the demo points no one to one party's view.
            var parties = string.Join("; ", credentials.Select(c => c!.AsObject())
                .Select(c => $"{c["code"]} with user '{c["taxii_user"]}' and password '{c["taxii_password"]}'"));
            var signIn = $"Dashboard: {serveUrl.Split(';')[0].TrimEnd('/')}/ — sign in as any party: {parties}";
            return await ServeVerb.ServeAsync(root, serveUrl, 0, null, ct, () => Console.Out.WriteLine(signIn)).ConfigureAwait(false);
        }).ConfigureAwait(false));
        return command;
    }
}
