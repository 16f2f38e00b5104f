using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberAccord.Server.Auth;

/// <summary>A party's stored credentials: PBKDF2 hashes of its TAXII password and API token.</summary>
public sealed record PartyCredentials(string Party, string TaxiiUser, string PasswordHash, string TokenHash);

/// <summary>The parties that may sign in, loaded from the node's hashed credential file.</summary>
public sealed class CredentialStore
{
    private readonly Dictionary<string, PartyCredentials> _byUser;
    private readonly List<PartyCredentials> _all;

    // PBKDF2 costs ~100 ms by design; a secret that verified once is remembered by its SHA-256, so each request costs one hash.
    private readonly ConcurrentDictionary<string, string> _verified = new(StringComparer.Ordinal);

    public CredentialStore(IEnumerable<PartyCredentials> credentials)
    {
        _all = credentials.ToList();
        _byUser = _all.ToDictionary(c => c.TaxiiUser, StringComparer.Ordinal);
    }

    public static CredentialStore Load(string path)
    {
        if (!File.Exists(path))
        {
            return new CredentialStore([]);
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return new CredentialStore(document.RootElement.EnumerateObject().Select(p => new PartyCredentials(
            p.Name, p.Value.GetProperty("taxii_user").GetString()!, p.Value.GetProperty("password_hash").GetString()!, p.Value.GetProperty("token_hash").GetString()!)));
    }

    /// <summary>A PBKDF2-SHA512 hash of a secret, in the form this store reads.</summary>
    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(secret, salt, 210_000, HashAlgorithmName.SHA512, 32);
        return $"pbkdf2-sha512$210000${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public string? CheckPassword(string user, string password) =>
        _byUser.TryGetValue(user, out var credentials) && Verify(credentials.PasswordHash, password) ? credentials.Party : null;

    public string? CheckToken(string token) => _all.FirstOrDefault(c => Verify(c.TokenHash, token))?.Party;

    private bool Verify(string stored, string secret)
    {
        var key = stored + "|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        if (_verified.ContainsKey(key))
        {
            return true;
        }

        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha512" || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(secret, Convert.FromBase64String(parts[2]), iterations, HashAlgorithmName.SHA512, expected.Length);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return false;
        }

        _verified[key] = string.Empty;
        return true;
    }
}

/// <summary>HTTP Basic (TAXII clients) and bearer tokens (the accord API), both resolving to a party.</summary>
public sealed class PartyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CredentialStore credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Party";
    public const string PartyClaim = "party";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        string? party = null;
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            }
            catch (FormatException)
            {
                return Task.FromResult(AuthenticateResult.Fail("malformed Basic credentials"));
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            party = colon < 0 ? null : credentials.CheckPassword(decoded[..colon], decoded[(colon + 1)..]);
        }
        else if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            party = credentials.CheckToken(header[7..].Trim());
        }

        if (party is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown user, password or token"));
        }

        var identity = new ClaimsIdentity([new Claim(PartyClaim, party), new Claim(ClaimTypes.Name, party)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    // Both answers carry an error body in the endpoint's format (a TAXII error resource on TAXII paths), as TAXII requires.
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"CyberAccord TAXII\", Bearer";
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        await EndpointErrors.WriteAsync(Context, 401, result.Failure is { } failure
            ? $"{failure.Message}: authenticate with HTTP Basic (TAXII) or a bearer token (accord API)"
            : "this resource needs credentials: HTTP Basic (TAXII) or a bearer token (accord API)").ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        EndpointErrors.WriteAsync(Context, 403, $"{Context.User.Identity?.Name ?? "you"} may not {Request.Method} {Request.Path}");
}
