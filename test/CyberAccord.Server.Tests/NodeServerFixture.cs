using System.Net.Http.Headers;
using System.Text;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.Scenario;
using CyberAccord.Hosting;
using CyberAccord.Server.Auth;

namespace CyberAccord.Server.Tests;

/// <summary>A node with the reference scenario, served over real HTTP on a loopback port, with known credentials per party.</summary>
public class NodeServerFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private readonly Dictionary<string, PartyKey> _keys = ReferenceScenario.Parties.Select(p => p.Id).Append(Stranger)
        .ToDictionary(id => id, _ => PartyKey.Generate(), StringComparer.Ordinal);
    private NodeHost? _host;

    /// <summary>Code of a party with credentials and a key on this node but no party record in the accord.</summary>
    public const string StrangerCode = "ZZ";

    public const string Stranger = "party--00000000-0000-4000-8000-00000000002a";

    public AccordNode Node { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The served app's services, for tests that look at what it maps.</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("the server has not started");

    public static string Password(string code) => "pw-" + code + "-correct horse";

    public static string Token(string code) => "cat_test_" + code;

    public string LogDirectory => Path.Combine(_dir.Path, "log");

    /// <summary>
    /// Builds the node as an operator would, through the hosting library: a node directory with the parties' keys in
    /// <c>keys/</c> and their hashed credentials in the credential file, then opened and served the way <c>accord serve</c> does.
    /// </summary>
    public async Task InitializeAsync()
    {
        var ct = CancellationToken.None;
        await NodeDirectory.CreateAsync(_dir.Path, "server-test.cyberaccord.example/log", store: null, replacing: null, ct);
        foreach (var (party, key) in _keys)
        {
            await NodeDirectory.SaveKeyAsync(_dir.Path, party, key, ct);
        }

        var credentials = ReferenceScenario.Parties.Select(p => (p.Id, p.Code)).Append((Stranger, StrangerCode))
            .Select(p => new PartyCredentials(
                p.Item1, p.Item2.ToLowerInvariant(), CredentialStore.Hash(Password(p.Item2)), CredentialStore.HashToken(Token(p.Item2))));
        await CredentialStore.WriteFileAsync(NodeDirectory.CredentialsPath(_dir.Path), credentials, ct);
        var options = Configure(new AccordServerOptions(["http://127.0.0.1:0"], MaxContentLength: 256 * 1024));
        _host = await NodeHost.OpenAsync(_dir.Path, new NodeHostOptions(options), ct);
        Node = _host.Node;
        await ReferenceScenario.WriteAsync(Node, id => _keys[id], ct);
        await _host.StartAsync(ct);
        BaseAddress = new Uri(_host.Urls[0]);
    }

    /// <summary>The server's options; a fixture for one kind of test (a clock it moves, tight limits) changes them here.</summary>
    protected virtual AccordServerOptions Configure(AccordServerOptions options) => options;

    /// <summary>A client signed in as a party with HTTP Basic, accepting TAXII.</summary>
    public HttpClient Taxii(string? code)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
        if (code is not null)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{code.ToLowerInvariant()}:{Password(code)}"));
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }

        return client;
    }

    public HttpClient Api(string code) => new()
    {
        BaseAddress = BaseAddress,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", Token(code)) },
    };

    public PartyKey Key(string party) => _keys[party];

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _dir.Dispose();
    }
}
