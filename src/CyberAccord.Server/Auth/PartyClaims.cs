using System.Security.Claims;

namespace CyberAccord.Server.Auth;

/// <summary>The one way every endpoint learns which party a request speaks for.</summary>
public static class PartyClaims
{
    /// <summary>The authenticated party's id, or an empty string for an anonymous request.</summary>
    public static string Of(ClaimsPrincipal? user) => user?.FindFirst(PartyAuthenticationHandler.PartyClaim)?.Value ?? string.Empty;
}
