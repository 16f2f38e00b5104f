using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Assessment;
using CyberAccord.Accord.Export;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.Scenario;
using CyberAccord.Accord.State;
using CyberAccord.Cli.Log;
using CyberAccord.Cli.Node;
using CyberAccord.Cli.Terminal;
using CyberAccord.Hosting;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Cli.Accord;

/// <summary>The node verbs: demo, init, one verb per record kind, show, assess, scorecard, ci-diff, export, rebuild.</summary>
internal static class AccordCommands
{
    /// <summary>
    /// Global (<c>accord --node URL ...</c>, or after the verb): the verbs in <see cref="RemoteCapable"/> then act on a remote
    /// node over its API instead of a local directory; every other verb refuses it rather than silently act locally.
    /// </summary>
    public static readonly Option<string?> NodeOption = NewNodeOption();

    public static readonly Option<string?> TokenOption = NewTokenOption();

    // The verbs that act remotely also take both options after the verb; each command needs its own instances.
    private static Option<string?> NewNodeOption() => new("--node")
    {
        Description = "Act on this remote node (such as http://127.0.0.1:8400) over its API; --dir then only supplies your key (keys/<party>.pem). Records are signed here; the node checks the signature is yours. Supported by '<kind> add', '<kind> list', show, assessment and scorecard.",
    };

    private static Option<string?> NewTokenOption() => new("--token")
    {
        Description = "Your API bearer token on the remote node (default: $ACCORD_TOKEN).",
    };

    public static HashSet<Command> RemoteCapable { get; } = [];

    /// <summary>The bearer token: given after the verb, before it, or in $ACCORD_TOKEN.</summary>
    private static string? Token(ParseResult parse, Option<string?> verbToken) =>
        parse.GetValue(verbToken) ?? parse.GetValue(TokenOption) ?? Environment.GetEnvironmentVariable("ACCORD_TOKEN");

    private static Option<string> DirOption() => new("--dir") { Description = "The node directory.", Required = true };

    private static Option<string?> StoreOption(string description) => new("--store") { Description = description };

    private const string StoreHelp = "Keep the projection in PostgreSQL instead of DIR/accord.db: postgres://user@host:5432/db?search_path=schema or Host=...;Port=...;Username=...;Database=... (the schema defaults to cyberaccord; a password is better kept in PGPASSWORD or ~/.pgpass).";

    public static IEnumerable<Command> Create()
    {
        yield return Demo();
        yield return Init();
        foreach (var kind in RecordKinds.All)
        {
            yield return RecordVerb(kind);
        }

        yield return Show();
        yield return Assess();
        yield return ScorecardCommand();
        yield return CiDiffCommand();
        yield return ExportCommand();
        yield return Rebuild();
        yield return Serve();
        yield return FillCollection();
    }

    /// <summary>Benchmark aid: posts many generated indicators into a collection through the same path TAXII POSTs take.</summary>
    private static Command FillCollection()
    {
        var dir = DirOption();
        var alias = new Option<string>("--collection") { Description = "The collection alias, such as cn-us.", Required = true };
        var asParty = new Option<string>("--as") { Description = "The posting party.", Required = true };
        var count = new Option<int>("--objects") { Description = "How many indicators to add.", DefaultValueFactory = _ => 100_000 };
        var batch = new Option<int>("--batch") { Description = "Objects per POST-sized batch.", DefaultValueFactory = _ => 100 };
        var defer = new Option<bool>("--defer-checkpoints") { Description = "Sequence durably per batch and publish one checkpoint at the end, as the server does with --checkpoint-interval." };
        var command = new Command("bench-taxii", "Fill a TAXII collection with generated indicators through the POST path (validate, sign, log, project) and report objects/s.") { dir, alias, asParty, count, batch, defer };
        command.SetAction(async (parse, ct) => await Run(async () =>
        {
            var root = parse.GetValue(dir)!;
            await using var node = await LocalNode.OpenAsync(root, ct).ConfigureAwait(false);
            var party = Party(parse.GetValue(asParty))!;
            PartyKey? KeyFor(string p) => File.Exists(NodeDirectory.KeyPath(root, p)) ? NodeDirectory.LoadKey(root, p) : null;
            var context = new CyberAccord.Server.AccordServerContext(node, KeyFor, "bench", 10 << 20) { DeferCheckpoints = parse.GetValue(defer) };
            if (await node.ReadAsync(state => state.FindCollection(parse.GetValue(alias)!), ct).ConfigureAwait(false) is not { } collection)
            {
                return CliOutput.Error($"no collection '{parse.GetValue(alias)}' on this node");
            }

            var total = parse.GetValue(count);
            var size = parse.GetValue(batch);
            var progress = new TerminalProgress("posting", total);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var done = 0; done < total; done += size)
            {
                var objects = string.Join(',', Enumerable.Range(done, Math.Min(size, total - done)).Select(i =>
                    $$"""{"type":"indicator","spec_version":"2.1","id":"indicator--{{Guid.NewGuid()}}","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"generated {{i}}","pattern":"[ipv4-addr:value = '198.51.100.{{i % 256}}']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z","labels":["bench"]}"""));
                using var document = JsonDocument.Parse("[" + objects + "]");
                await context.AddObjectsAsync(collection, party, document.RootElement, ct).ConfigureAwait(false);
                progress.Report(Math.Min(total, done + size));
            }

            await node.IntegrateAsync(ct).ConfigureAwait(false);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"added {total:N0} objects to {collection.Alias} in {elapsed.TotalSeconds:F1} s: {total / elapsed.TotalSeconds:N0} objects/s (validated, signed, durably sequenced per batch of {size}, {(parse.GetValue(defer) ? "one checkpoint at the end" : "a checkpoint per batch")}, projected)"));
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    private static Command Serve()
    {
        var dir = DirOption();
        var urls = new Option<string>("--urls") { Description = "Where to listen, such as http://127.0.0.1:8400 (semicolon-separated for several).", DefaultValueFactory = _ => "http://127.0.0.1:8400" };
        var interval = new Option<int>("--checkpoint-interval-ms") { Description = "Publish a signed checkpoint at most this often for TAXII POSTs (0: one per POST). Entries are durable before the checkpoint either way.", DefaultValueFactory = _ => 0 };
        var store = StoreOption("Serve with the projection in this PostgreSQL store instead of the one the node was created with (rebuilt there from the log when it differs). " + StoreHelp);
        var command = new Command("serve", "Serve the node over HTTP: TAXII 2.1 at /taxii2/, the accord API at /accord/, the log at /log/. Parties sign in with their credentials (Basic for TAXII, bearer tokens for the API).") { dir, urls, interval, store };
        command.SetAction(async (parse, ct) => await Run(() =>
            ServeAsync(parse.GetValue(dir)!, parse.GetValue(urls)!, parse.GetValue(interval), parse.GetValue(store), ct)).ConfigureAwait(false));
        return command;
    }

    /// <summary>
    /// The URLs to listen at, checked before anything is opened: each must be an absolute http or https URL with a host
    /// (Kestrel would otherwise fail deep inside with a stack trace).
    /// </summary>
    internal static string[] ListenUrls(string urls)
    {
        var list = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (list.Length == 0)
        {
            throw new ArgumentException("--urls is empty; give a URL such as http://127.0.0.1:8400");
        }

        foreach (var url in list)
        {
            // Kestrel's "any address" hosts (http://*:8400, http://+:8400) are not URI hosts; check the rest with a stand-in.
            var checkable = System.Text.RegularExpressions.Regex.Replace(
                url, @"^(https?://)[*+](?=[:/]|$)", "${1}any.invalid", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            if (!Uri.TryCreate(checkable, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0
                || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
            {
                throw new ArgumentException(
                    $"'{url}' is not a URL to listen at; give scheme, host and port, such as http://127.0.0.1:8400 "
                    + "(several separated by ';')");
            }
        }

        return list;
    }

    /// <summary>Serves a node until Ctrl-C or SIGTERM: the body of <c>serve</c>, and of <c>demo --serve</c>.</summary>
    /// <param name="listening">Called once the server listens (not before: a port in use fails first).</param>
    private static async Task<int> ServeAsync(
        string root, string urls, int intervalMs, string? store, CancellationToken ct, Action? listening = null)
    {
        var listen = ListenUrls(urls);
        var options = new NodeHostOptions(new CyberAccord.Server.AccordServerOptions(
            listen, CheckpointInterval: intervalMs > 0 ? TimeSpan.FromMilliseconds(intervalMs) : null))
        {
            Store = store,
            Warn = CliOutput.Warning,
        };
        await using (var host = await NodeHost.OpenAsync(root, options, ct).ConfigureAwait(false))
        {
            foreach (var party in host.Credentials.LegacyTokenParties)
            {
                CliOutput.Warning(
                    $"the API token of {party} is stored in the old PBKDF2 form, which bearer checks no longer accept; "
                    + $"issue a new one with: accord credential rotate --dir {root} --party {party}");
            }

            if (host.Credentials.All.Count == 0)
            {
                Console.Error.WriteLine(
                    "accord: note: no party has credentials on this node yet, so every request needing sign-in gets 401; "
                    + $"issue some with: accord credential add --dir {root} --party CODE");
            }

            try
            {
                await host.StartAsync(ct).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                // Kestrel names the address; the inner exception (address in use, permission) says why.
                var repeats = e.InnerException is { } cause
                    && e.Message.Contains(cause.Message.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
                return CliOutput.Error(e.InnerException is { } inner && !repeats
                    ? $"{e.Message.TrimEnd('.')} ({inner.Message.TrimEnd('.')})"
                    : e.Message);
            }

            Console.Out.WriteLine($"serving {Path.GetFullPath(root)} at {string.Join(", ", host.Urls)}: "
                + "dashboard at /, TAXII discovery at /taxii2/, accord API at /accord/, log at /log/");
            listening?.Invoke();
            Console.Out.Flush();

            // Ctrl-C or SIGTERM: stop accepting, finish what is in flight, then close the node.
            await host.RunUntilStoppedAsync(ct).ConfigureAwait(false);
        }

        Console.Out.WriteLine("stopped");
        return ExitCodes.Ok;
    }

    private static Task<int> Run(Func<Task<int>> action) => LogCommands.Run(async () =>
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (RecordRejectedException e)
        {
            return CliOutput.Failure($"record refused, nothing written: {e.Message}");
        }
        catch (CyberAccord.Accord.State.ReplayRefusedException e)
        {
            return CliOutput.Error(e.Message);
        }
    });

    private static Command Demo()
    {
        var dir = DirOption();
        var force = new Option<bool>("--force")
        {
            Description = "Replace the node in DIR: its log, projection, blobs, keys and credentials are deleted; other files are kept, "
                + "and a directory holding no node is refused.",
        };
        var store = StoreOption(StoreHelp);
        var serve = new Option<string?>("--serve") { Description = "Then serve it (dashboard, TAXII, API, log) at this URL, such as http://127.0.0.1:8400, until Ctrl-C.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("demo", "Build a node holding the reference scenario (China, the US, Germany and the UN office, 2013–2025) as signed records, write DIR/demo-credentials.json and print a summary.") { dir, force, store, serve };
        command.SetAction(async (parse, ct) => await Run(async () =>
        {
            var root = parse.GetValue(dir)!;
            var serveUrl = parse.GetResult(serve) is null ? null : parse.GetValue(serve) ?? "http://127.0.0.1:8400";
            if (serveUrl is not null)
            {
                ListenUrls(serveUrl);
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

            await NodeDirectory.CreateAsync(root, "demo.cyberaccord.example/log", parse.GetValue(store), replacing, ct).ConfigureAwait(false);
            var keys = new Dictionary<string, PartyKey>(StringComparer.Ordinal);
            var credentials = new JsonArray();
            var hashed = new List<CyberAccord.Server.Auth.PartyCredentials>();
            foreach (var (id, code, name, _) in ReferenceScenario.Parties)
            {
                keys[id] = PartyKey.Generate();
                await NodeDirectory.SaveKeyAsync(root, id, keys[id], ct).ConfigureAwait(false);
                var (password, token, passwordHash, tokenHash) = NodeDirectory.NewCredentials();
                credentials.Add(new JsonObject { ["party"] = id, ["code"] = code, ["name"] = name, ["taxii_user"] = code.ToLowerInvariant(), ["taxii_password"] = password, ["api_token"] = token });
                hashed.Add(new CyberAccord.Server.Auth.PartyCredentials(id, code.ToLowerInvariant(), passwordHash, tokenHash));
            }

            await using (var node = await LocalNode.OpenAsync(root, ct).ConfigureAwait(false))
            {
                await ReferenceScenario.WriteAsync(node, id => keys[id], ct).ConfigureAwait(false);
                Console.Out.WriteLine($"Demo node in {Path.GetFullPath(root)}");
                Console.Out.WriteLine();
                Console.Out.Write(await Summary.RenderAsync(node, DateTime.UtcNow, ct).ConfigureAwait(false));
            }

            await SecretFile.WriteAsync(Path.Combine(root, "demo-credentials.json"), credentials.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", overwrite: true, ct).ConfigureAwait(false);
            await CyberAccord.Server.Auth.CredentialStore.WriteFileAsync(
                NodeDirectory.CredentialsPath(root), hashed, ct).ConfigureAwait(false);
            foreach (var key in keys.Values)
            {
                key.Dispose();
            }

            Console.Out.WriteLine($"Credentials: {Path.Combine(Path.GetFullPath(root), "demo-credentials.json")}; verify the log with: ./accord log verify {root}");
            if (serveUrl is null)
            {
                return ExitCodes.Ok;
            }

            var us = credentials.Select(c => c!.AsObject()).First(c => (string?)c["code"] == "US");
            var signIn = $"Dashboard: {serveUrl.Split(';')[0].TrimEnd('/')}/ — sign in as the US with user '{us["taxii_user"]}' "
                + $"and password '{us["taxii_password"]}' (other parties' in demo-credentials.json)";
            return await ServeAsync(root, serveUrl, 0, null, ct, () => Console.Out.WriteLine(signIn)).ConfigureAwait(false);
        }).ConfigureAwait(false));
        return command;
    }

    private static Command Init()
    {
        var dir = DirOption();
        var code = new Option<string>("--party") { Description = "The code of the party this node acts for, such as CN or US.", Required = true };
        var name = new Option<string>("--name") { Description = "The party's full name.", Required = true };
        var kind = new Option<string>("--kind") { Description = "state, cert, observer or witness.", DefaultValueFactory = _ => "state" };
        var store = StoreOption(StoreHelp + " Its schema and tables are created (migrated) here.");
        var command = new Command("init", "Create a node for one party: a new log, a projection database, and the party's signing key; the party's registration is its first record.") { dir, code, name, kind, store };
        command.SetAction(async (parse, ct) => await Run(async () =>
        {
            var root = parse.GetValue(dir)!;
            var partyCode = parse.GetValue(code)!.Trim();
            if (partyCode.Length is < 2 or > 16 || !partyCode.All(char.IsAsciiLetterOrDigit))
            {
                return CliOutput.Error("--party must be 2–16 letters or digits");
            }

            var party = PartyIds.FromCodeOrId(partyCode);
            await NodeDirectory.CreateAsync(root, $"node-{partyCode.ToLowerInvariant()}.cyberaccord.example/log", parse.GetValue(store), null, ct).ConfigureAwait(false);
            using var key = PartyKey.Generate();
            await NodeDirectory.SaveKeyAsync(root, party, key, ct).ConfigureAwait(false);
            await using var node = await LocalNode.OpenAsync(root, ct).ConfigureAwait(false);
            var body = new JsonObject { ["code"] = partyCode.ToUpperInvariant(), ["name"] = parse.GetValue(name), ["kind"] = parse.GetValue(kind), ["keys"] = new JsonArray(new JsonObject { ["public_key"] = Convert.ToBase64String(key.PublicKey) }) };
            await node.SubmitAsync(AccordRecord.Sign(RecordKinds.Party, party, party, DateTime.UtcNow, body, key), ct).ConfigureAwait(false);
            Console.Out.WriteLine($"created node for {party} in {Path.GetFullPath(root)}; key {key.KeyId}");
            Console.Out.WriteLine($"no one can sign in to it yet; issue credentials with: accord credential add --dir {root} --party {partyCode}");
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    private static Command RecordVerb(string kind)
    {
        // The verb for accords is plural: 'accord' is the program's own name.
        var verb = new Command(kind == RecordKinds.Accord ? "accords" : kind, $"Add and list {kind} records.");

        var dir = DirOption();
        var asParty = new Option<string>("--as") { Description = "The party that authors and signs the record (its key must be in this node's keys/).", Required = true };
        var file = new Argument<string>("body") { Description = "The record body as JSON: a file, or - for standard input." };
        var id = new Option<string?>("--id") { Description = $"The record id (default: {kind}--<new UUID>); reuse an id, with \"version\" in the body one above the current one, to publish a new version of a party, accord or designation." };
        var created = new Option<string?>("--created") { Description = "The record's own time, RFC 3339 (default: now)." };
        var bundle = new Option<string?>("--stix") { Description = "For incidents: a STIX 2.1 evidence bundle to validate and attach." };
        var remote = NewNodeOption();
        var token = NewTokenOption();
        var add = new Command("add", $"Sign a {kind} record as --as, check it against the accord, and append it to the log (or, with --node, submit it to a remote node). Refused records write nothing.\n\n{RecordSchemas.Describe(kind)}\nFor example: accord {verb.Name} add --dir DIR --as CN body.json") { dir, asParty, file, id, created, bundle, remote, token };
        RemoteCapable.Add(add);
        add.SetAction(async (parse, ct) => await Run(async () =>
        {
            var source = parse.GetValue(file)!;
            string text;
            if (source == "-")
            {
                using var reader = new StreamReader(Console.OpenStandardInput());
                text = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
            }
            else if (!File.Exists(source))
            {
                return CliOutput.Error($"{source}: no such file");
            }
            else
            {
                text = await File.ReadAllTextAsync(source, ct).ConfigureAwait(false);
            }

            JsonObject body;
            try
            {
                using var document = CyberAccord.Stix.Json.StixJson.Parse(text, source);
                body = JsonNode.Parse(document.RootElement.GetRawText()) as JsonObject ?? throw new RecordRejectedException("$.body", "the body must be a JSON object");
            }
            catch (CyberAccord.Stix.Json.StixJsonException e)
            {
                return CliOutput.Error(e.Message);
            }

            var time = DateTime.UtcNow;
            if (parse.GetValue(created) is { } createdText && Timestamps.TryParse(createdText, out time) < 0)
            {
                return CliOutput.Error($"--created '{createdText}' is not an RFC 3339 UTC timestamp");
            }

            var root = parse.GetValue(dir)!;
            var author = Party(parse.GetValue(asParty))!;
            AccordRecord Sign()
            {
                using var key = NodeDirectory.LoadKey(root, author);
                return AccordRecord.Sign(kind, parse.GetValue(id) ?? $"{kind}--{Guid.NewGuid()}", author, time, body, key);
            }

            if ((parse.GetValue(remote) ?? parse.GetValue(NodeOption)) is { } nodeUrl)
            {
                if (parse.GetValue(bundle) is not null)
                {
                    return CliOutput.Error("--stix attaches a bundle to a local node only; post evidence objects to the remote node over TAXII");
                }

                return await RemoteNode.SubmitAsync(nodeUrl, Token(parse, token), Sign(), ct).ConfigureAwait(false);
            }

            await using var node = await LocalNode.OpenAsync(root, ct).ConfigureAwait(false);
            string? attached = null;
            if (parse.GetValue(bundle) is { } bundlePath)
            {
                if (!File.Exists(bundlePath))
                {
                    return CliOutput.Error($"{bundlePath}: no such file");
                }

                var bytes = await File.ReadAllBytesAsync(bundlePath, ct).ConfigureAwait(false);
                var existed = node.Blobs.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
                var (sha, objects) = await node.AttachStixBundleAsync(bytes, ct).ConfigureAwait(false);
                attached = existed ? null : sha;
                body["evidence_bundle"] = new JsonObject { ["sha256"] = sha, ["objects"] = objects };
            }

            var record = Sign();
            long index;
            try
            {
                index = await node.SubmitAsync(record, ct).ConfigureAwait(false);
            }
            catch (RecordRejectedException) when (attached is not null)
            {
                // The bundle was written for this record alone: it goes with the refusal, unless a record now names it.
                var named = await node.ReadAsync(
                    state => state.Records.Values.Any(r => r.Record.Body.ToJsonString().Contains(attached, StringComparison.Ordinal)), ct)
                    .ConfigureAwait(false);
                if (!named)
                {
                    File.Delete(node.Blobs.PathOf(attached));
                }

                throw;
            }

            Console.Out.WriteLine($"accepted {record.Id} at log index {index}; checkpoint size {node.Log.Checkpoint.Size}");
            return ExitCodes.Ok;
        }).ConfigureAwait(false));

        var dir2 = new Option<string?>("--dir") { Description = "The node directory (not with --node)." };
        var viewer = new Option<string?>("--as") { Description = "List only what this party may see (TLP). With --node, you see what your token's party may see." };
        var listRemote = NewNodeOption();
        var listToken = NewTokenOption();
        var list = new Command("list", $"List {kind} records, one per line.") { dir2, viewer, listRemote, listToken };
        RemoteCapable.Add(list);
        list.SetAction(async (parse, ct) => await Run(async () =>
        {
            if ((parse.GetValue(listRemote) ?? parse.GetValue(NodeOption)) is { } nodeUrl)
            {
                if (parse.GetValue(dir2) is not null || parse.GetValue(viewer) is not null)
                {
                    return CliOutput.Error("with --node, the node decides what your token's party may see: drop --dir and --as");
                }

                return await RemoteNode.ListAsync(nodeUrl, Token(parse, listToken), kind, ct).ConfigureAwait(false);
            }

            if (parse.GetValue(dir2) is not { } localDir)
            {
                return CliOutput.Error("give --dir (a local node) or --node (a remote one)");
            }

            await using var node = await LocalNode.OpenAsync(localDir, ct).ConfigureAwait(false);
            var who = Party(parse.GetValue(viewer));

            // As a party would see it: its view, so that a request's status or a claim's support rests only on what it may see.
            // A view holds no shared STIX objects: those are listed as their collections allow.
            var lines = await node.ReadAsync(all =>
            {
                var state = who is null || kind == RecordKinds.StixObject ? all : all.SeenBy(who);
                return state.Records.Values
                    .Where(r => r.Record.Kind == kind && Visibility.CanSee(state, r, who ?? r.Record.Author))
                    .OrderBy(r => r.Sequence)
                    .Select(stored => $"{stored.Record.Id}  {stored.Record.Created:yyyy-MM-dd}  {Code(state, stored.Record.Author),-4} "
                        + Describe(state, stored.Record))
                    .ToList();
            }, ct).ConfigureAwait(false);
            foreach (var line in lines)
            {
                Console.Out.WriteLine(line);
            }

            return ExitCodes.Ok;
        }).ConfigureAwait(false));

        verb.Subcommands.Add(add);
        verb.Subcommands.Add(list);
        return verb;
    }

    private static string? Party(string? value) => value is null ? null : PartyIds.FromCodeOrId(value);

    private static string Code(AccordState state, string party) => state.CodeOf(party);

    private static string Describe(AccordState state, AccordRecord record) => record.Kind switch
    {
        RecordKinds.Party => $"{state.Parties[record.Id].Name} ({state.Parties[record.Id].Kind})",
        RecordKinds.Incident => $"{state.Incidents[record.Id].Title} [{string.Join(", ", state.Incidents[record.Id].Effects)}]",
        RecordKinds.Claim => $"→ {state.Claims[record.Id].AttributedToParty ?? state.Claims[record.Id].AttributedToActor}: {state.Claims[record.Id].Likelihood}/{state.Claims[record.Id].Confidence}{(state.Claims[record.Id].Unsupported ? ", unsupported" : string.Empty)}",
        RecordKinds.Request => $"→ {Code(state, state.Requests[record.Id].To)} {state.Requests[record.Id].Type}, deadline {state.Requests[record.Id].Deadline:yyyy-MM-dd}, {state.Requests[record.Id].Status}",
        RecordKinds.Statement => state.Statements[record.Id].Title,
        RecordKinds.Evidence => state.Evidence[record.Id].Description,
        RecordKinds.Position => $"{state.Positions[record.Id].Stance} on {state.Positions[record.Id].Subject}",
        RecordKinds.Accord => state.Accords[record.Id].Title,
        RecordKinds.Designation => state.Designations.Last(d => d.Id == record.Id).Framework,
        _ => record.Body["status"]?.GetValue<string>() ?? string.Empty,
    };

    /// <summary>The remote node a remote-capable verb acts on: --node after the verb or before it; null to act locally.</summary>
    private static string? Remote(ParseResult parse, Option<string?> verbNode) => parse.GetValue(verbNode) ?? parse.GetValue(NodeOption);

    /// <summary>A verb that reads a local node (--dir) or a remote one (--node), never both.</summary>
    private static Command ReadVerb(string name, string description, Func<ParseResult, string, string?, CancellationToken, Task<int>> remote, Func<ParseResult, string, CancellationToken, Task<int>> local, params Symbol[] symbols)
    {
        var dir = new Option<string?>("--dir") { Description = "The node directory (not with --node)." };
        var node = NewNodeOption();
        var token = NewTokenOption();
        var command = new Command(name, description) { dir, node, token };
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option: command.Options.Add(option); break;
                case Argument argument: command.Arguments.Add(argument); break;
            }
        }

        RemoteCapable.Add(command);
        command.SetAction(async (parse, ct) => await Run(async () =>
        {
            if (Remote(parse, node) is { } url)
            {
                return parse.GetValue(dir) is not null
                    ? CliOutput.Error("give --dir (a local node) or --node (a remote one), not both")
                    : await remote(parse, url, Token(parse, token), ct).ConfigureAwait(false);
            }

            return parse.GetValue(dir) is { } localDir
                ? await local(parse, localDir, ct).ConfigureAwait(false)
                : CliOutput.Error("give --dir (a local node) or --node (a remote one)");
        }).ConfigureAwait(false));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "A record id." };
        var viewer = new Option<string?>("--as") { Description = "Show only if this party may see it (TLP). With --node, the node shows what your token's party may see." };
        return ReadVerb("show", "Print a record as signed (its canonical envelope) with its log index.",
            (parse, url, token, ct) => parse.GetValue(viewer) is not null
                ? Task.FromResult(CliOutput.Error("with --node, the node decides what your token's party may see: drop --as"))
                : RemoteNode.ShowAsync(url, token, parse.GetValue(id)!, ct),
            async (parse, localDir, ct) =>
            {
                await using var node = await LocalNode.OpenAsync(localDir, ct).ConfigureAwait(false);
                var who = Party(parse.GetValue(viewer));
                var stored = await node.ReadAsync(
                    state => state.Records.TryGetValue(parse.GetValue(id)!, out var record)
                        && (who is null || Visibility.CanSee(state, record.Record, who)) ? record : null, ct).ConfigureAwait(false);
                if (stored is null)
                {
                    return CliOutput.Error($"no record '{parse.GetValue(id)}'{(who is null ? string.Empty : $" visible to {who}")}");
                }

                PrintEnvelope(stored.Sequence, stored.Record.ToEntry());
                return ExitCodes.Ok;
            },
            id, viewer);
    }

    /// <summary>A signed envelope as <c>show</c> prints it, locally or from a remote node.</summary>
    internal static void PrintEnvelope(long? sequence, byte[] entry)
    {
        if (sequence is not null)
        {
            Console.Out.WriteLine($"# log index {sequence}");
        }

        Console.Out.WriteLine(JsonNode.Parse(entry)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private static Command Assess()
    {
        var at = new Option<string?>("--at") { Description = "Judge deadlines as of this time (default: now)." };
        return ReadVerb("assessment", "Print every assessment finding: which commitment each incident, request or claim implicates, under whose list or view, and why. With --node, the findings on records your token's party may see.",
            (parse, url, token, ct) => RemoteNode.AssessmentAsync(url, token, parse.GetValue(at), ct),
            async (parse, localDir, ct) =>
            {
                await using var node = await LocalNode.OpenAsync(localDir, ct).ConfigureAwait(false);
                var time = Time(parse.GetValue(at));
                var lines = await node.ReadAsync(state =>
                {
                    var codes = Codes(state);
                    return AssessmentEngine.Assess(state, time).Select(finding => Summary.Finding(finding.ToJson(), codes)).ToList();
                }, ct).ConfigureAwait(false);
                foreach (var line in lines)
                {
                    Console.Out.WriteLine(line);
                }

                return ExitCodes.Ok;
            },
            at);
    }

    private static Dictionary<string, string> Codes(AccordState state) => state.Parties.Values.ToDictionary(p => p.Id, p => p.Code, StringComparer.Ordinal);

    private static DateTime Time(string? text) => text is null ? DateTime.UtcNow : Timestamps.TryParse(text, out var time) >= 0 ? time : throw new ArgumentException($"'{text}' is not an RFC 3339 UTC timestamp");

    private static Command ScorecardCommand()
    {
        var at = new Option<string?>("--at") { Description = "Judge deadlines as of this time (default: now)." };
        var json = new Option<bool>("--json") { Description = "Print JSON (the API's shape)." };
        var viewer = new Option<string?>("--as") { Description = "Count only the records this party may see (TLP), as the API does for its token's party." };
        return ReadVerb("scorecard", "Each party's figures from the records: response times, overdue requests, reciprocity, evidence behind its claims, disputes.",
            (parse, url, token, ct) => parse.GetValue(viewer) is not null
                ? Task.FromResult(CliOutput.Error("with --node, the node counts what your token's party may see: drop --as"))
                : RemoteNode.ScorecardsAsync(url, token, parse.GetValue(at), parse.GetValue(json), ct),
            async (parse, localDir, ct) =>
            {
                await using var node = await LocalNode.OpenAsync(localDir, ct).ConfigureAwait(false);
                var time = Time(parse.GetValue(at));
                var who = Party(parse.GetValue(viewer));
                var (cards, codes) = await node.ReadAsync(state =>
                {
                    var scorecards = who is null ? Scorecards.All(state, time) : Scorecards.SeenBy(state, who, time);
                    return (new JsonArray(scorecards.Select(c => (JsonNode?)c.ToJson()).ToArray()), Codes(state));
                }, ct).ConfigureAwait(false);
                Summary.PrintScorecards(cards, codes, parse.GetValue(json));
                return ExitCodes.Ok;
            },
            at, json, viewer);
    }

    private static Command CiDiffCommand()
    {
        var dir = DirOption();
        var a = new Argument<string>("first") { Description = "A party code or id." };
        var b = new Argument<string>("second") { Description = "Another party code or id." };
        var at = new Option<string?>("--at") { Description = "Compare the lists in force at this time (default: now)." };
        var command = new Command("ci-diff", "Show where two parties' critical-infrastructure lists disagree, by common category.") { dir, a, b, at };
        command.SetAction(async (parse, ct) => await Run(async () =>
        {
            await using var node = await LocalNode.OpenAsync(parse.GetValue(dir)!, ct).ConfigureAwait(false);
            var time = Time(parse.GetValue(at));
            var (missing, text) = await node.ReadAsync(state =>
            {
                var first = state.DesignationOf(Party(parse.GetValue(a))!, time);
                var second = state.DesignationOf(Party(parse.GetValue(b))!, time);
                if (first is null || second is null)
                {
                    return (first is null ? parse.GetValue(a) : parse.GetValue(b), (string?)null);
                }

                var both = string.Join(", ", first.Categories.Intersect(second.Categories).Order(StringComparer.Ordinal));
                return ((string?)null, $"{Code(state, first.Party)}: {first.Framework}\n{Code(state, second.Party)}: {second.Framework}\n"
                    + $"both: {both}\n{Summary.CiDiff(first, second, p => Code(state, p))}");
            }, ct).ConfigureAwait(false);
            if (text is null)
            {
                return CliOutput.Error($"no designation in force for {missing}");
            }

            Console.Out.WriteLine(text);
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    private static Command ExportCommand()
    {
        var dir = DirOption();
        var party = new Option<string>("--party") { Description = "Export only what this party may see (TLP 2.0).", Required = true };
        var stix = new Option<string?>("--stix") { Description = "Write a STIX 2.1 bundle here." };
        var records = new Option<string?>("--records") { Description = "Write the signed records here, one canonical envelope per line." };
        var command = new Command("export", "Export everything a party may see: a STIX 2.1 bundle and/or the signed records.") { dir, party, stix, records };
        command.SetAction(async (parse, ct) => await Run(async () =>
        {
            if (parse.GetValue(stix) is null && parse.GetValue(records) is null)
            {
                return CliOutput.Error("give --stix FILE, --records FILE, or both");
            }

            await using var node = await LocalNode.OpenAsync(parse.GetValue(dir)!, ct).ConfigureAwait(false);
            var who = Party(parse.GetValue(party))!;
            if (!await node.ReadAsync(state => state.Parties.ContainsKey(who), ct).ConfigureAwait(false))
            {
                return CliOutput.Error($"unknown party '{parse.GetValue(party)}'");
            }

            if (parse.GetValue(stix) is { } stixPath)
            {
                var bundle = await node.ReadAsync(state => StixExport.Bundle(state, who), ct).ConfigureAwait(false);
                using var document = JsonDocument.Parse(bundle.ToJsonString());
                var errors = StixValidator.ValidateDocument(document.RootElement).Where(i => i.Severity == Severity.Error).ToList();
                if (errors.Count > 0)
                {
                    return CliOutput.Failure($"the export does not validate as STIX 2.1: {string.Join("; ", errors.Take(3))}");
                }

                await File.WriteAllTextAsync(stixPath, bundle.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), ct).ConfigureAwait(false);
                Console.Out.WriteLine($"wrote {bundle["objects"]?.AsArray().Count ?? 0} STIX objects visible to {who} to {stixPath}");
            }

            if (parse.GetValue(records) is { } recordsPath)
            {
                await using var writer = new StreamWriter(recordsPath);
                var count = 0;
                var entries = await node.ReadAsync(
                    state => state.Records.Values.OrderBy(r => r.Sequence).Where(r => Visibility.CanSee(state, r, who)).Select(r => r.Record.ToEntry())
                        .ToList(), ct).ConfigureAwait(false);
                foreach (var entry in entries)
                {
                    await writer.WriteLineAsync(Encoding.UTF8.GetString(entry)).ConfigureAwait(false);
                    count++;
                }

                Console.Out.WriteLine($"wrote {count} signed records visible to {who} to {recordsPath}");
            }

            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }

    private static Command Rebuild()
    {
        var dir = DirOption();
        var command = new Command("rebuild", "Drop the projection database and rebuild it from the log alone.") { dir };
        command.SetAction(async (parse, ct) => await Run(async () =>
        {
            await using var node = await LocalNode.OpenAsync(parse.GetValue(dir)!, ct).ConfigureAwait(false);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var count = await node.RebuildAsync(new TerminalProgress("rebuilding", node.Log.Checkpoint.Size), ct).ConfigureAwait(false);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rebuilt {count} records from the log in {elapsed.TotalSeconds:F2} s ({count / Math.Max(elapsed.TotalSeconds, 1e-9):N0} records/s)"));
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }
}
