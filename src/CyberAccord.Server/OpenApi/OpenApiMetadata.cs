using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CyberAccord.Server.OpenApi;

/// <summary>
/// A query parameter a handler reads from the query itself rather than binding it (TAXII's match[...] may not repeat, and its
/// bad values answer TAXII errors), so the OpenAPI document learns of it from the route table.
/// </summary>
public sealed record DocumentedQuery(string Name, string Description, string Type = "string");

/// <summary>A request body a handler reads itself (to check its media type and size first), for the OpenAPI document.</summary>
public sealed record DocumentedBody(string ContentType, string Description);

/// <summary>A route anyone may call, whose answer depends on the credentials sent with it (entry bundles).</summary>
public sealed record OptionalCredentials;

public static class OpenApiMetadata
{
    public static TBuilder WithQuery<TBuilder>(this TBuilder builder, params DocumentedQuery[] parameters)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(parameters);

    /// <summary>Documents a body without <c>Accepts</c>, whose metadata would make routing refuse other media types itself.</summary>
    public static TBuilder WithBody<TBuilder>(this TBuilder builder, string contentType, string description)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new DocumentedBody(contentType, description));

    /// <summary>Documents RFC 9457 problem details with these statuses.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }

        return builder;
    }
}
