using System.Threading.RateLimiting;
using CyberAccord.Server.Auth;
using CyberAccord.Server.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CyberAccord.Server;

/// <summary>
/// How many requests each kind of client may hold at once, and how slow a client may be. Anonymous clients (sign-in, the log,
/// scrapers) get a small pool of their own and a few slots per address, so slow anonymous uploads cannot hold the slots that
/// parties need; each party has its own pool, so one party cannot starve another; the node-wide bound caps them all.
/// </summary>
public sealed record RequestLimitOptions
{
    /// <summary>Requests one signed-in party may have in flight.</summary>
    public int MaxConcurrentRequestsPerParty { get; init; } = 128;

    /// <summary>Requests all anonymous clients together may have in flight; past it and its queue they get 503.</summary>
    public int MaxConcurrentAnonymousRequests { get; init; } = 32;

    public int MaxQueuedAnonymousRequests { get; init; } = 32;

    /// <summary>Requests one anonymous client address may have in flight; past it, 503 at once.</summary>
    public int MaxConcurrentRequestsPerAnonymousClient { get; init; } = 8;

    /// <summary>A request body slower than this (after the grace period) is cut off; Kestrel's default is 240 bytes/s.</summary>
    public double MinRequestBodyBytesPerSecond { get; init; } = 1024;

    public TimeSpan MinRequestBodyGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time a client has to send its request headers (Kestrel's default is 30 s).</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an idle kept-alive connection is held open (Kestrel's default is 130 s).</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

internal static class RequestLimits
{
    private const string PartyItem = "accord.limits.party";

    public static void Apply(KestrelServerLimits kestrel, RequestLimitOptions limits)
    {
        kestrel.MinRequestBodyDataRate = new MinDataRate(limits.MinRequestBodyBytesPerSecond, limits.MinRequestBodyGracePeriod);
        kestrel.RequestHeadersTimeout = limits.RequestHeadersTimeout;
        kestrel.KeepAliveTimeout = limits.KeepAliveTimeout;
    }

    /// <summary>
    /// The limiter every request passes: its class's pool (its party's, or the anonymous one), then the node-wide bound, then,
    /// for anonymous requests, its address's share. A request refused by any of them gets 503 with Retry-After.
    /// </summary>
    public static PartitionedRateLimiter<HttpContext> Create(AccordServerOptions options)
    {
        var limits = options.RequestLimits;
        var byClass = PartitionedRateLimiter.Create<HttpContext, string>(http => PartyOf(http) is { } party
            ? RateLimitPartition.GetConcurrencyLimiter("party:" + party,
                _ => Concurrency(limits.MaxConcurrentRequestsPerParty, options.MaxQueuedRequests))
            : RateLimitPartition.GetConcurrencyLimiter("anonymous",
                _ => Concurrency(limits.MaxConcurrentAnonymousRequests, limits.MaxQueuedAnonymousRequests)));
        var node = PartitionedRateLimiter.Create<HttpContext, string>(_ =>
            RateLimitPartition.GetConcurrencyLimiter("node", _ => Concurrency(options.MaxConcurrentRequests, options.MaxQueuedRequests)));
        var byClient = PartitionedRateLimiter.Create<HttpContext, string>(http => PartyOf(http) is not null
            ? RateLimitPartition.GetNoLimiter("party")
            : RateLimitPartition.GetConcurrencyLimiter("client:" + http.Connection.RemoteIpAddress,
                _ => Concurrency(limits.MaxConcurrentRequestsPerAnonymousClient, 0)));
        return PartitionedRateLimiter.CreateChained(byClient, byClass, node);
    }

    /// <summary>
    /// Finds the dashboard's signed-in party for the limiter: the default scheme (Basic, bearer) has already run, but the
    /// dashboard's cookie is otherwise checked only by its pages' policies. The principal is not replaced, so a cookie never
    /// authenticates an API request.
    /// </summary>
    public static async Task IdentifyDashboardPartyAsync(HttpContext http, RequestDelegate next)
    {
        if (http.User.Identity?.IsAuthenticated != true && http.Request.Cookies.ContainsKey("accord_session"))
        {
            var result = await http.AuthenticateAsync(DashboardApi.Scheme).ConfigureAwait(false);
            if (result.Succeeded && PartyClaims.Of(result.Principal) is { Length: > 0 } party)
            {
                http.Items[PartyItem] = party;
            }
        }

        await next(http).ConfigureAwait(false);
    }

    private static string? PartyOf(HttpContext http) =>
        (PartyClaims.Of(http.User) is { Length: > 0 } party ? party : null) ?? http.Items[PartyItem] as string;

    private static ConcurrencyLimiterOptions Concurrency(int permits, int queue) => new()
    {
        PermitLimit = permits,
        QueueLimit = queue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };
}
