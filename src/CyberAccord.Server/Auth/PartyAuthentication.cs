using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberAccord.Server.Auth;

/// <summary>HTTP Basic (TAXII clients) and bearer tokens (the accord API), both resolving to a party.</summary>
public sealed class PartyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CredentialStore credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Party";
    public const string PartyClaim = "party";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
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
                return AuthenticateResult.Fail("malformed Basic credentials");
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                var address = Context.Connection.RemoteIpAddress?.ToString() ?? string.Empty;
                var check = await credentials.CheckPasswordAsync(decoded[..colon], decoded[(colon + 1)..], address, Context.RequestAborted)
                    .ConfigureAwait(false);
                if (check.RetryAfter is { } wait)
                {
                    // Refused before hashing; the challenge still answers 401, and says when to try again.
                    Response.Headers.RetryAfter = PasswordThrottle.RetryAfterSeconds(wait);
                    return AuthenticateResult.Fail("too many failed password attempts");
                }

                party = check.Party;
            }
        }
        else if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            party = credentials.CheckToken(header[7..].Trim());
        }

        if (party is null)
        {
            return AuthenticateResult.Fail("unknown user, password or token");
        }

        var identity = new ClaimsIdentity([new Claim(PartyClaim, party), new Claim(ClaimTypes.Name, party)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
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
