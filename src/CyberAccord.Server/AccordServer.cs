using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;
using CyberAccord.Server.Accord;
using CyberAccord.Server.Auth;
using CyberAccord.Server.Dashboard;
using CyberAccord.Server.Log;
using CyberAccord.Server.OpenApi;
using CyberAccord.Server.Taxii;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CyberAccord.Server;

/// <summary>Options for hosting a node over HTTP.</summary>
public sealed record AccordServerOptions(
    string[] Urls,
    string Contact = "the node operator",
    long MaxContentLength = 10 * 1024 * 1024,
    int MaxConcurrentRequests = 256,
    int MaxQueuedRequests = 1024,
    TimeSpan? CheckpointInterval = null)
{
    /// <summary>How long TAXII status resources live and how many the node keeps per party.</summary>
    public StatusStoreLimits Statuses { get; init; } = new();

    /// <summary>Request slots per party, for anonymous clients and per anonymous address; how slow a client may be.</summary>
    public RequestLimitOptions RequestLimits { get; init; } = new();

    /// <summary>The clock that status expiry reads; tests pass their own.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>The node's HTTP face as a library: the executable only opens the node and calls <see cref="Build"/>.</summary>
public static class AccordServer
{
    public static WebApplication Build(
        AccordNode node, CredentialStore credentials, Func<string, PartyKey?> keyFor, AccordServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxContentLength;
            RequestLimits.Apply(kestrel.Limits, options.RequestLimits);
        });
        builder.Logging.ClearProviders();

        // Quiet by default, but never silent about failures: warnings and errors (every 5xx with its cause) go to stderr.
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Warning);
        if (Environment.GetEnvironmentVariable("ACCORD_DEBUG_LOG") is null)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);

            // Without a persisted key ring the data-protection warnings repeat at every start; the dashboard's cookies say so.
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

            // A host that cannot start (a busy port) fails its StartAsync, and the caller says so in one line: no stack trace here.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        }

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<EndpointExceptionHandler>();
        builder.Services.AddSingleton(credentials);
        builder.Services.AddAuthentication(PartyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, PartyAuthenticationHandler>(PartyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        var context = new AccordServerContext(node, keyFor, options.Contact, options.MaxContentLength)
        {
            DeferCheckpoints = options.CheckpointInterval is not null,
            Statuses = new StatusStore(options.Time, options.Statuses),
        };
        builder.Services.AddSingleton(context);
        if (options.CheckpointInterval is { } interval)
        {
            builder.Services.AddHostedService(
                services => new CheckpointPublisher(node, interval, services.GetRequiredService<ILogger<CheckpointPublisher>>()));
        }

        builder.Services.AddDashboard();
        builder.Services.AddOpenApi(AccordOpenApi.Configure);

        // Overload answers 503 with Retry-After instead of queueing without bound; see RequestLimits for who gets which slots.
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = RequestLimits.Create(options);
            limiter.RejectionStatusCode = 503;
            limiter.OnRejected = (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "1";
                return ValueTask.CompletedTask;
            };
        });
        var app = builder.Build();

        // The handler logs the cause itself (EndpointErrors' event ids) and answers in the endpoint's format.
        app.UseExceptionHandler(new ExceptionHandlerOptions { SuppressDiagnosticsCallback = _ => true });
        app.UseStatusCodePages(EndpointErrors.FillEmptyAsync);

        // Authentication first, so the limiter knows a party from an anonymous client; authorization after it.
        app.UseAuthentication();
        app.Use(RequestLimits.IdentifyDashboardPartyAsync);
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapTaxiiApi();
        app.MapLogApi();
        app.MapAccordApi();
        app.MapOpenApi("/openapi/v1.json");
        app.MapDashboard();
        return app;
    }

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> fires or the host is told to stop (SIGTERM, Ctrl-C), then drains and stops.
    /// </summary>
    public static async Task RunUntilStoppedAsync(WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var stopping = new TaskCompletionSource();
        using var onStopping = app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        using var onCancel = cancellationToken.Register(() => stopping.TrySetResult());
        await stopping.Task.ConfigureAwait(false);
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
