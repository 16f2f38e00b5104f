using System.Security.Cryptography;
using CyberAccord.Accord.Records;
using CyberAccord.Cli.Terminal;
using CyberAccord.Hosting;
using CyberAccord.Server.Auth;

namespace CyberAccord.Cli.Credentials;

/// <summary>A node's credential file: read it, or change it under a lock, and the secrets an edit issues.</summary>
internal static class CredentialFile
{
    /// <summary>New secrets for a party, with the hashes the file keeps.</summary>
    public sealed record Issued(PartyCredentials Stored, string Password, string Token);

    public static Issued Issue(string party, string user)
    {
        var (password, token, passwordHash, tokenHash) = NodeDirectory.NewCredentials();
        return new Issued(new PartyCredentials(party, user, passwordHash, tokenHash), password, token);
    }

    public static IReadOnlyList<PartyCredentials> Read(string root)
    {
        NodeDirectory.RequireNode(root);
        return CredentialStore.ReadFile(NodeDirectory.CredentialsPath(root));
    }

    /// <summary>How a stored token is hashed, as the list verb shows it.</summary>
    public static string TokenForm(PartyCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return credentials.TokenHash.StartsWith("sha256$", StringComparison.Ordinal) ? "sha256" : "legacy (rotate it)";
    }

    /// <summary>
    /// Read, change and atomically rewrite the credential file under an exclusive lock file, so that two CLI processes
    /// editing credentials at once do not lose each other's change. The edit returns the new list, or null to write nothing.
    /// </summary>
    public static async Task<int> EditAsync(
        string root,
        string party,
        Func<List<PartyCredentials>, string, (int Exit, List<PartyCredentials>? Updated)> edit,
        CancellationToken ct)
    {
        NodeDirectory.RequireNode(root);
        var id = PartyIds.FromCodeOrId(party.Trim());
        if (id.Length <= PartyIds.Prefix.Length
            || !id[PartyIds.Prefix.Length..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
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
