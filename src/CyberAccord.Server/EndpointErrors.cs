using CyberAccord.Server.Taxii;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CyberAccord.Server;

/// <summary>
/// Errors in the format of the endpoint they answer: a TAXII error resource under <c>/taxii2/</c> and <c>/api/</c>, RFC 9457
/// problem details elsewhere. Used wherever the framework, not an endpoint, decides the answer (authentication challenges,
/// authorization, unknown paths, the rate limiter, unhandled exceptions), so no error goes out with an empty body.
/// </summary>
public static partial class EndpointErrors
{
    public static bool IsTaxii(PathString path) => path.StartsWithSegments("/taxii2") || path.StartsWithSegments("/api");

    /// <summary>Paths whose errors the dashboard renders itself (pages, sign-in); everything under these API prefixes is not.</summary>
    public static bool IsDashboard(PathString path) =>
        !IsTaxii(path) && !path.StartsWithSegments("/accord") && !path.StartsWithSegments("/log") && !path.StartsWithSegments("/openapi");

    public static string Title(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";

    /// <summary>Writes an error in the format of the request's endpoint, unless the response has started.</summary>
    public static async Task WriteAsync(HttpContext http, int status, string description)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Response.HasStarted)
        {
            return;
        }

        http.Response.StatusCode = status;
        if (IsTaxii(http.Request.Path))
        {
            http.Response.ContentType = TaxiiApi.MediaType;
            var error = TaxiiApi.ErrorJson(status, Title(status), description);
            await http.Response.WriteAsync(error, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (IsDashboard(http.Request.Path))
        {
            // A person reads these: a plain page saying what went wrong, with a way back.
            var html = System.Text.Encodings.Web.HtmlEncoder.Default;
            http.Response.ContentType = "text/html; charset=utf-8";
            var heading = $"{status} {html.Encode(Title(status))}";
            await http.Response.WriteAsync(
                $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{heading}</title></head><body><h1>{heading}</h1>"
                + $"<p>{html.Encode(description)}</p><p><a href=\"/\">Back to the overview</a></p></body></html>",
                http.RequestAborted).ConfigureAwait(false);
            return;
        }

        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = Title(status), Detail = description },
        }).ConfigureAwait(false);
    }

    /// <summary>What an empty-bodied status means, said to the client.</summary>
    public static string Describe(HttpContext http, int status)
    {
        ArgumentNullException.ThrowIfNull(http);
        var path = http.Request.Path.Value;
        return status switch
        {
            401 => "authenticate with HTTP Basic (TAXII) or a bearer token (accord API)",
            403 => $"you may not {http.Request.Method} {path}",
            404 => $"no resource at {path}",
            405 => $"{path} does not accept {http.Request.Method}",
            413 => "the request body is larger than this node accepts",
            415 => "the request's Content-Type is not one this endpoint accepts",
            429 or 503 => "the node is busy; retry after the number of seconds in Retry-After",
            _ => Title(status),
        };
    }

    /// <summary>Fills a body into every error the framework answered without one, in the endpoint's format.</summary>
    public static Task FillEmptyAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (status >= 500 && status != StatusCodes.Status503ServiceUnavailable)
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EndpointErrors));
            ServerErrorAnswered(logger, http.Request.Method, http.Request.Path.Value ?? string.Empty, status);
        }

        return IsDashboard(http.Request.Path) ? Task.CompletedTask : WriteAsync(http, status, Describe(http, status));
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "{Method} {Path} failed with {Status}")]
    internal static partial void RequestFailed(ILogger logger, Exception exception, string method, string path, int status);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "{Method} {Path} answered {Status} without a body or an exception")]
    internal static partial void ServerErrorAnswered(ILogger logger, string method, string path, int status);
}

/// <summary>Answers an unhandled exception with a 500 in the endpoint's format and logs its cause; nothing leaks to the client.</summary>
internal sealed class EndpointExceptionHandler(ILogger<EndpointExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A client that went away is not a server fault.
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        // Kestrel's own refusals of a request (body too large, too slow, malformed) are the client's, with their own status.
        var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        if (status >= 500)
        {
            var path = httpContext.Request.Path.Value ?? string.Empty;
            EndpointErrors.RequestFailed(logger, exception, httpContext.Request.Method, path, status);
        }

        await EndpointErrors.WriteAsync(httpContext, status, status >= 500
            ? $"the node failed to answer this request (trace {httpContext.TraceIdentifier}); its operator has the cause in the log"
            : exception.Message).ConfigureAwait(false);
        return true;
    }
}
