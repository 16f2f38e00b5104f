using CyberAccord.Server.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CyberAccord.Server.Accord;

/// <summary>
/// JSON endpoints for accord records under <c>/accord/</c>: list and read what a party may see, submit records it signed.
/// </summary>
public static partial class AccordApi
{
    private const int DefaultPage = 1_000;

    private const int MaxPage = 10_000;

    public static void MapAccordApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/accord").RequireAuthorization().AddEndpointFilter(RequireJsonAsync)
            .WithTags("Accord").ProducesProblems(401, 503);

        api.MapGet("/records", GetRecords).WithName("GetRecords")
            .WithSummary("A page of the current records you may see, in log order; the next page's cursor is in X-Accord-Next")
            .ProducesProblems(400);
        api.MapGet("/records/{id}", GetRecord).WithName("GetRecord")
            .WithSummary("One record you may see, as its signed envelope; its log index is in X-Accord-Log-Index")
            .Produces<System.Text.Json.Nodes.JsonObject>(StatusCodes.Status200OK, "application/json")
            .ProducesProblems(404);
        api.MapPost("/records", SubmitRecord).WithName("SubmitRecord")
            .WithSummary("Submits a record you signed")
            .WithBody("application/json", "a signed accord record envelope")
            .ProducesProblems(400, 403, 415, 422);
        api.MapPost("/records/{kind}", SignRecord).WithName("SignRecord")
            .WithSummary("Has this node sign a record body as you (only for a party whose key it holds) and submits it")
            .WithBody("application/json", "the body of a record of this kind")
            .ProducesProblems(400, 403, 404, 415, 422);
        api.MapGet("/requests", GetRequests).WithName("GetRequests")
            .WithSummary("The requests for assistance you may see: status, deadline, first response, overdue or not")
            .ProducesProblems(400);
        api.MapGet("/requests/{id}", GetRequest).WithName("GetRequest")
            .WithSummary("One request for assistance you may see")
            .ProducesProblems(404);
        api.MapGet("/scorecards", GetScorecards).WithName("GetScorecards")
            .WithSummary("Each party's scorecard from the records you may see, as of at (default: now)")
            .ProducesProblems(400);
        api.MapGet("/assessment", GetAssessment).WithName("GetAssessment")
            .WithSummary("The assessment of the records you may see against the accord's commitments, as of at (default: now)")
            .ProducesProblems(400);
    }

    /// <summary>Bodies are JSON and only JSON: a form or text/plain POST (what a cross-site page can send) is refused unread.</summary>
    private static async ValueTask<object?> RequireJsonAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var request = invocation.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) && !IsJson(request.ContentType))
        {
            return TypedResults.Problem(statusCode: 415, title: "unsupported media type",
                detail: $"Content-Type '{request.ContentType}' is not application/json (UTF-8); send Content-Type: application/json");
        }

        return await next(invocation).ConfigureAwait(false);
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>A problem naming the JSON path or parameter at fault (its <c>path</c> member is there even when unknown).</summary>
    private static ProblemHttpResult Problem(int status, string title, string detail, string? path) =>
        TypedResults.Problem(
            statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["path"] = path });

    /// <summary>A filter that names no value the accord knows would match nothing; say so instead of answering an empty list.</summary>
    private static ProblemHttpResult UnknownValue(string parameter, string value, IEnumerable<string> known) =>
        Problem(400, $"unknown {parameter}", $"{parameter}='{value}' is not one of {string.Join(", ", known)}", parameter);

    private static ProblemHttpResult UnknownParty(string parameter, string value) =>
        Problem(400, $"unknown {parameter}", $"{parameter}='{value}' is not the code or id of a party of the accord", parameter);

    private static bool TryTime(string? text, out DateTime time)
    {
        time = DateTime.UtcNow;
        return text is null || CyberAccord.Stix.Validation.Timestamps.TryParse(text, out time) >= 0;
    }

    private static ProblemHttpResult BadTime(string? text) =>
        Problem(400, "bad time", $"at='{text}' is not an RFC 3339 UTC timestamp such as 2025-01-01T00:00:00Z", "at");
}
