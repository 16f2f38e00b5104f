using System.CommandLine;
using System.Text.RegularExpressions;
using CyberAccord.Cli.Terminal;
using CyberAccord.Hosting;
using CyberAccord.Server;

namespace CyberAccord.Cli.Accord.Verbs;

/// <summary><c>accord serve</c>: the node over HTTP until Ctrl-C or SIGTERM.</summary>
internal static class ServeVerb
{
    public static Command Create()
    {
        var dir = CommonOptions.Dir();
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, such as http://127.0.0.1:8400 (semicolon-separated for several).",
            DefaultValueFactory = _ => "http://127.0.0.1:8400",
        };
        var interval = new Option<int>("--checkpoint-interval-ms")
        {
            Description = "Publish a signed checkpoint at most this often for TAXII POSTs (0: one per POST). "
                + "Entries are durable before the checkpoint either way.",
            DefaultValueFactory = _ => 0,
        };
        var store = CommonOptions.Store("Serve with the projection in this PostgreSQL store instead of the one the node was created "
            + "with (rebuilt there from the log when it differs). " + CommonOptions.StoreHelp);
        var command = new Command(
            "serve",
            "Serve the node over HTTP: TAXII 2.1 at /taxii2/, the accord API at /accord/, the log at /log/. "
            + "Parties sign in with their credentials (Basic for TAXII, bearer tokens for the API).")
        {
            dir, urls, interval, store,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(() => ServeAsync(
            parse.GetValue(dir)!, parse.GetValue(urls)!, parse.GetValue(interval), parse.GetValue(store), ct)).ConfigureAwait(false));
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
            var checkable = Regex.Replace(url, @"^(https?://)[*+](?=[:/]|$)", "${1}any.invalid", RegexOptions.IgnoreCase);
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
    internal static async Task<int> ServeAsync(
        string root, string urls, int intervalMs, string? store, CancellationToken ct, Action? listening = null)
    {
        var listen = ListenUrls(urls);
        var options = new NodeHostOptions(new AccordServerOptions(
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
}
