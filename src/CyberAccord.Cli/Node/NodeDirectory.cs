using System.Security.Cryptography;
using System.Text.Json;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;
using CyberAccord.Log;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Storage.Sqlite;

namespace CyberAccord.Cli.Node;

/// <summary>
/// The embedded node layout: <c>log/</c> (the transparency log), <c>accord.db</c> (SQLite projection),
/// <c>blobs/</c> (evidence), <c>keys/</c> (the signing keys of the parties this node acts for, 0600),
/// <c>node.json</c>.
/// </summary>
internal static class NodeDirectory
{
    public const string ConfigFile = "node.json";

    public static bool IsNode(string dir) => File.Exists(Path.Combine(dir, ConfigFile));

    public static async Task CreateAsync(string dir, string origin, CancellationToken cancellationToken)
    {
        if (IsNode(dir))
        {
            throw new LogStateException($"{Path.GetFullPath(dir)} already holds a node; refusing to overwrite it");
        }

        Directory.CreateDirectory(dir);
        var keys = Path.Combine(dir, "keys");
        Directory.CreateDirectory(keys);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await LogDirectory.InitAsync(Path.Combine(dir, "log"), origin, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(dir, ConfigFile), JsonSerializer.Serialize(new Dictionary<string, string> { ["format"] = "1", ["origin"] = origin }) + "\n", cancellationToken).ConfigureAwait(false);
    }

    public static async Task<AccordNode> OpenAsync(string dir, CancellationToken cancellationToken)
    {
        if (!IsNode(dir))
        {
            throw new LogStateException($"{Path.GetFullPath(dir)} is not a node directory; create one with 'accord init' or 'accord demo'");
        }

        var log = await LogDirectory.OpenAsync(Path.Combine(dir, "log"), TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        try
        {
            var store = await SqliteAccordStore.OpenAsync(Path.Combine(dir, "accord.db"), cancellationToken).ConfigureAwait(false);
            return await AccordNode.OpenAsync(log, store, new BlobStore(Path.Combine(dir, "blobs")), null, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await log.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static string KeyPath(string dir, string party) => Path.Combine(dir, "keys", party + ".pem");

    public static Task SaveKeyAsync(string dir, string party, PartyKey key, CancellationToken cancellationToken) =>
        SecretFile.WriteAsync(KeyPath(dir, party), key.ToPem(), overwrite: false, cancellationToken);

    public static PartyKey LoadKey(string dir, string party)
    {
        var path = KeyPath(dir, party);
        if (!File.Exists(path))
        {
            throw new LogStateException($"this node holds no signing key for {party} (looked for keys/{party}.pem): a node signs only for the parties it acts for");
        }

        return PartyKey.FromPem(File.ReadAllText(path));
    }

    /// <summary>Random credentials for a party, and their PBKDF2 hashes for the node to keep.</summary>
    public static (string Password, string Token, string PasswordHash, string TokenHash) NewCredentials()
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        var token = "cat_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (password, token, Hash(password), Hash(token));
    }

    public static string Hash(string secret) => CyberAccord.Server.Auth.CredentialStore.Hash(secret);
}
