using System.Security.Claims;
using CyberAccord.Accord.State;
using CyberAccord.Server.Auth;
using CyberAccord.Server.Dashboard.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CyberAccord.Server.Dashboard;

/// <summary>
/// The web dashboard at <c>/</c>: Razor components rendered on the server (no WebAssembly, no CDN), a sign-in cookie per
/// party, and every page filtered by TLP for the signed-in party. Its scripts and Chart.js are served from the assembly.
/// </summary>
public static class DashboardApi
{
    public const string Scheme = "Dashboard";

    public static void AddDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddAntiforgery();
        services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.LoginPath = "/signin";
            cookie.Cookie.Name = "accord_session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
    }

    /// <summary>
    /// Where to go after signing in: the return address when it is a path on this node, else the overview. An absolute,
    /// protocol-relative (<c>//host</c>) or backslash (<c>/\host</c>, which browsers read as <c>//host</c>) address would make
    /// the sign-in page an open redirect. A path with non-ASCII characters is percent-encoded (UTF-8), since a Location
    /// header holds ASCII only.
    /// </summary>
    public static string LocalReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl)
            ? Ascii(url)
            : "/";

    private static string Ascii(string url)
    {
        if (System.Text.Ascii.IsValid(url))
        {
            return url;
        }

        var ascii = new System.Text.StringBuilder(url.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                ascii.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                ascii.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return ascii.ToString();
    }

    public static ClaimsPrincipal Principal(string party) =>
        new(new ClaimsIdentity([new System.Security.Claims.Claim(PartyAuthenticationHandler.PartyClaim, party)], Scheme));

    // The signed-in principal comes from the dashboard's cookie, not the API's Basic or bearer scheme; the antiforgery
    // token of a signed-in page is bound to that principal, so sign-out must authenticate the same way to validate it.
    private static void SignedIn(AuthorizationPolicyBuilder policy) => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser();

    public static void MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAntiforgery();

        // The browser's own routes, not part of the documented API: pages, their assets, and what their scripts fetch. A
        // browser without a session is sent to the sign-in page, as from any page: typed results alone would make them API
        // endpoints, which the cookie scheme answers with a bare 401.
        var browser = app.MapGroup(string.Empty).WithMetadata(new CookieRedirect()).ExcludeFromDescription();
        browser.MapGet("/assets/{name}", GetAsset).WithName("GetDashboardAsset");
        browser.MapPost("/signout", SignOut).WithName("SignOut").RequireAuthorization(SignedIn);
        browser.MapGet("/dashboard/entries/{index:long}", GetEntry).WithName("GetDashboardEntry").RequireAuthorization(SignedIn);
        app.MapRazorComponents<App>();
    }

    internal static Results<FileStreamHttpResult, NotFound> GetAsset(string name, HttpContext http)
    {
        var stream = typeof(DashboardApi).Assembly.GetManifestResourceStream("assets/" + name);
        if (stream is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=3600";
        var type = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
        return TypedResults.Stream(stream, type);
    }

    internal static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignOut(HttpContext http, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem(statusCode: 400, title: "sign-out refused",
                detail: "the form's antiforgery token is missing or does not match; reload the page and sign out again");
        }

        await http.SignOutAsync(Scheme).ConfigureAwait(false);
        return TypedResults.Redirect("/signin");
    }

    /// <summary>One log entry, byte for byte from the log, for the browser to hash itself; only for a party that may see it.</summary>
    internal static async Task<Results<FileContentHttpResult, NotFound>> GetEntry(
        long index, HttpContext http, AccordServerContext context, CancellationToken ct)
    {
        var party = PartyClaims.Of(http.User);
        if (index < 0 || index >= context.Node.Log.Checkpoint.Size)
        {
            return TypedResults.NotFound();
        }

        ReadOnlyMemory<byte> entry = default;
        await foreach (var bytes in context.Node.Log.ReadEntriesAsync(index, 1, ct).ConfigureAwait(false))
        {
            entry = bytes;
        }

        var visible = await context.Node.ReadAsync(
            state => state.EntryAt(index) is { } stored && Visibility.CanSee(state, stored, party), ct).ConfigureAwait(false);
        return visible ? TypedResults.Bytes(entry.ToArray(), "application/octet-stream") : TypedResults.NotFound();
    }

    private sealed class CookieRedirect : IAllowCookieRedirectMetadata;
}
