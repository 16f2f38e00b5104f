using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace CyberAccord.Server.Taxii;

/// <summary>
/// How TAXII answers go out. The framework's typed results write <c>application/json</c>, so TAXII has its own: the body in
/// the TAXII media type, already serialized, and the resource type it documents in the OpenAPI document.
/// </summary>
internal static class TaxiiResults
{
    /// <summary>
    /// The Content-Type of every body an endpoint serializes: TAXII's media type with its charset, spelled as it has always
    /// gone out (clients compare media types, not spellings, but the bytes stay the same).
    /// </summary>
    public const string BodyContentType = "application/taxii+json; version=2.1; charset=utf-8";

    public static Task WriteAsync(HttpContext http, int status, string contentType, byte[] json)
    {
        ArgumentNullException.ThrowIfNull(http);
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, http.RequestAborted).AsTask();
    }

    /// <summary>Documents TAXII error resources with these statuses in the OpenAPI document.</summary>
    public static TBuilder ProducesTaxiiErrors<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(TaxiiErrorResource), [TaxiiApi.MediaType]));
        }

        return builder;
    }
}

/// <summary>A TAXII resource answered with 200; <typeparamref name="TResource"/> is its schema in the OpenAPI document.</summary>
public sealed class TaxiiOk<TResource> : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    private readonly byte[] _json;

    internal TaxiiOk(byte[] json, string contentType)
    {
        _json = json;
        ContentType = contentType;
    }

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType { get; }

    public Task ExecuteAsync(HttpContext httpContext) => TaxiiResults.WriteAsync(httpContext, StatusCodes.Status200OK, ContentType, _json);

    [SuppressMessage("Design", "CA1000", Justification = "IEndpointMetadataProvider's member is static, as on the framework's Ok<T>")]
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TResource), [TaxiiApi.MediaType]));
    }
}

/// <summary>A TAXII resource answered with 202 (a POST's status); <typeparamref name="TResource"/> is its schema.</summary>
public sealed class TaxiiAccepted<TResource> : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    private readonly byte[] _json;

    internal TaxiiAccepted(byte[] json) => _json = json;

    public int? StatusCode => StatusCodes.Status202Accepted;

    public string ContentType => TaxiiResults.BodyContentType;

    public Task ExecuteAsync(HttpContext httpContext) =>
        TaxiiResults.WriteAsync(httpContext, StatusCodes.Status202Accepted, ContentType, _json);

    [SuppressMessage("Design", "CA1000", Justification = "IEndpointMetadataProvider's member is static, as on the framework's Ok<T>")]
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status202Accepted, typeof(TResource), [TaxiiApi.MediaType]));
    }
}

/// <summary>A TAXII error resource (section 3.6.1) with its status; which statuses a route answers is in its route table.</summary>
public sealed class TaxiiError : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private readonly byte[] _json;

    public TaxiiError(int status, string title, string description)
    {
        StatusCode = status;
        _json = TaxiiJson.SerializeToUtf8Bytes(TaxiiErrorResource.Of(status, title, description));
    }

    public int? StatusCode { get; }

    public string ContentType => TaxiiResults.BodyContentType;

    public static TaxiiError BadRequest(string description) => new(StatusCodes.Status400BadRequest, "Bad Request", description);

    public static TaxiiError Forbidden(string description) => new(StatusCodes.Status403Forbidden, "Forbidden", description);

    public static TaxiiError NotFound(string description) => new(StatusCodes.Status404NotFound, "Not Found", description);

    public static TaxiiError TooLarge(string description) => new(StatusCodes.Status413PayloadTooLarge, "Content Too Large", description);

    public static TaxiiError NoCollection(string id) => NotFound($"no collection '{id}' that you may read");

    public Task ExecuteAsync(HttpContext httpContext) => TaxiiResults.WriteAsync(httpContext, StatusCode!.Value, ContentType, _json);
}
