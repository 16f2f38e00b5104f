using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;
using CyberAccord.Server;
using CyberAccord.Server.Auth;
using Microsoft.AspNetCore.Builder;

namespace CyberAccord.Hosting;

/// <summary>How to open and serve a node directory.</summary>
/// <param name="Server">The HTTP face's options: where to listen, limits, checkpoint interval.</param>
public sealed record NodeHostOptions(AccordServerOptions Server)
{
    /// <summary>
    /// A PostgreSQL store to serve from instead of the one the node was created with (see <see cref="NodeDirectory.OpenAsync"/>).
    /// </summary>
    public string? Store { get; init; }

    /// <summary>Told what opening repaired on its own, such as a damaged projection rebuilt from the log.</summary>
    public Action<string>? Warn { get; init; }
}

/// <summary>
/// A node directory opened and served over HTTP: the one composition that <c>accord serve</c>, the tests' fixtures and the
/// benchmarks share. It opens the node (log first, then its store), reads the credential file it then follows, signs with
/// the keys in <c>keys/</c>, and while it listens says so in <c>serving.json</c> so that other verbs can point to it.
/// </summary>
public sealed class NodeHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _started;
    private bool _stopped;

    private NodeHost(string directory, AccordNode node, CredentialStore credentials, WebApplication app)
    {
        Directory = directory;
        Node = node;
        Credentials = credentials;
        _app = app;
    }

    /// <summary>The node directory this host serves.</summary>
    public string Directory { get; }

    public AccordNode Node { get; }

    /// <summary>The credentials the server checks, reloaded when the node's credential file changes.</summary>
    public CredentialStore Credentials { get; }

    /// <summary>The server's services (its endpoints, options), for tools that describe it.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Where the server listens, once started (a port 0 in the options is resolved here).</summary>
    public IReadOnlyList<string> Urls => [.. _app.Urls];

    /// <summary>Opens the node in <paramref name="directory"/> and builds its server, which listens only once started.</summary>
    public static async Task<NodeHost> OpenAsync(string directory, NodeHostOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var node = await NodeDirectory.OpenAsync(directory, cancellationToken, options.Store, options.Warn).ConfigureAwait(false);
        try
        {
            var credentials = CredentialStore.Load(NodeDirectory.CredentialsPath(directory));
            var app = AccordServer.Build(node, credentials, KeysOf(directory), options.Server);
            return new NodeHost(directory, node, credentials, app);
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The signing key lookup of a node directory: a party's key when <c>keys/</c> holds it, else null.</summary>
    public static Func<string, PartyKey?> KeysOf(string directory) =>
        party => File.Exists(NodeDirectory.KeyPath(directory, party)) ? NodeDirectory.LoadKey(directory, party) : null;

    /// <summary>
    /// Starts listening, then records where in <c>serving.json</c>. A port in use fails here, before anything is written.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        _started = true;
        await NodeDirectory.ServingStartedAsync(Directory, _app.Urls, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Serves until <paramref name="cancellationToken"/> fires or the process is told to stop, then drains.</summary>
    public async Task RunUntilStoppedAsync(CancellationToken cancellationToken)
    {
        await AccordServer.RunUntilStoppedAsync(_app, cancellationToken).ConfigureAwait(false);
        _stopped = true;
    }

    /// <summary>Stops the server (finishing what is in flight), removes <c>serving.json</c>, then closes the node.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_started)
            {
                if (!_stopped)
                {
                    await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                }

                NodeDirectory.ServingEnded(Directory);
            }

            await _app.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await Node.DisposeAsync().ConfigureAwait(false);
        }
    }
}
