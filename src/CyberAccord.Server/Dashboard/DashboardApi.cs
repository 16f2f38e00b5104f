using System.Security.Claims;
using CyberAccord.Accord.State;
using CyberAccord.Server.Auth;
using CyberAccord.Server.Dashboard.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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

    /// <summary>The party a dashboard request is signed in as.</summary>
    /// <summary>
    /// Where to go after signing in: the return address when it is a path on this node, else the overview. An absolute,
    /// protocol-relative (<c>//host</c>) or backslash (<c>/\host</c>, which browsers read as <c>//host</c>) address would make
    /// the sign-in page an open redirect.
    /// </summary>
    /// A path with non-ASCII characters is percent-encoded (UTF-8), since a Location header holds ASCII only.
    public static string LocalReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl) ? Ascii(url) : "/";

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
    private static void SignedIn(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy) => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser();

    public static void MapDashboard(this WebApplication app, AccordServerContext context)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(context);
        app.UseAntiforgery();

        app.MapGet("/assets/{name}", (string name, HttpContext http) =>
        {
            var stream = typeof(DashboardApi).Assembly.GetManifestResourceStream("assets/" + name);
            if (stream is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Stream(stream, name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
        }).ExcludeFromDescription();

        app.MapPost("/signout", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Problem(statusCode: 400, title: "sign-out refused", detail: "the form's antiforgery token is missing or does not match; reload the page and sign out again");
            }

            await http.SignOutAsync(Scheme).ConfigureAwait(false);
            return Results.Redirect("/signin");
        }).RequireAuthorization(SignedIn).ExcludeFromDescription();

        // One log entry, byte for byte from the log, for the browser to hash itself; only for a party that may see it.
        app.MapGet("/dashboard/entries/{index:long}", async (long index, HttpContext http, CancellationToken ct) =>
        {
            var party = PartyClaims.Of(http.User);
            if (index < 0 || index >= context.Node.Log.Checkpoint.Size)
            {
                return Results.NotFound();
            }

            ReadOnlyMemory<byte> entry = default;
            await foreach (var bytes in context.Node.Log.ReadEntriesAsync(index, 1, ct).ConfigureAwait(false))
            {
                entry = bytes;
            }

            var visible = await context.Node.ReadAsync(state => state.EntryAt(index) is { } stored && Visibility.CanSee(state, stored, party), ct).ConfigureAwait(false);
            return visible ? Results.Bytes(entry.ToArray(), "application/octet-stream") : Results.NotFound();
        }).RequireAuthorization(SignedIn).ExcludeFromDescription();

        app.MapRazorComponents<App>();
    }
}
