using CyberAccord.Server.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CyberAccord.Server.Taxii;

/// <summary>TAXII 2.1 (OASIS Standard, 10 June 2021): discovery, one API root, collections, objects, manifest, versions, status.</summary>
public static partial class TaxiiApi
{
    public const string MediaType = "application/taxii+json;version=2.1";
    public const string StixMediaType = "application/stix+json;version=2.1";
    public const string ApiRoot = "/api/";
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private const string Collection = ApiRoot + "collections/{id}/";

    public static void MapTaxiiApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var taxii = app.MapGroup(string.Empty).RequireAuthorization().AddEndpointFilter(NegotiateAsync)
            .WithTags("TAXII").ProducesTaxiiErrors(401, 406, 503);

        taxii.MapGet("/taxii2/", GetDiscovery).WithName("GetDiscovery")
            .WithSummary("Discovery: this server's API roots and who runs it");
        taxii.MapGet(ApiRoot, GetApiRoot).WithName("GetApiRoot")
            .WithSummary("The API root: its TAXII version and the largest body it accepts");
        taxii.MapGet(ApiRoot + "status/{statusId}/", GetStatus).WithName("GetStatus")
            .WithSummary("The status of one of your POSTs, kept at least 24 hours")
            .ProducesTaxiiErrors(404);
        taxii.MapGet(ApiRoot + "collections/", GetCollections).WithName("GetCollections")
            .WithSummary("The collections you may read, with whether you may write to each");
        taxii.MapGet(Collection, GetCollection).WithName("GetCollection")
            .WithSummary("One collection you may read")
            .ProducesTaxiiErrors(404);
        taxii.MapGet(Collection + "objects/", GetObjects).WithName("GetObjects")
            .WithSummary("A page of the objects you may see in a collection, filtered by match[...]")
            .WithQuery(PageQuery).ProducesTaxiiErrors(400, 404);
        taxii.MapGet(Collection + "manifest/", GetManifest).WithName("GetManifest")
            .WithSummary("A page of the manifest of a collection: object versions without their content")
            .WithQuery(PageQuery).ProducesTaxiiErrors(400, 404);
        taxii.MapGet(Collection + "objects/{objectId}/", GetObject).WithName("GetObject")
            .WithSummary("The versions of one object you may see (by default its latest)")
            .WithQuery(PageQuery).ProducesTaxiiErrors(400, 404);
        taxii.MapGet(Collection + "objects/{objectId}/versions/", GetObjectVersions).WithName("GetObjectVersions")
            .WithSummary("A page of the versions of one object you may see")
            .WithQuery(PageQuery).ProducesTaxiiErrors(400, 404);
        taxii.MapPost(Collection + "objects/", AddObjects).WithName("AddObjects")
            .WithSummary("Adds an envelope of STIX objects, each signed into the log as a record of yours")
            .WithBody(MediaType, "a TAXII envelope: {\"objects\": [...]}")
            .ProducesTaxiiErrors(400, 403, 404, 413, 415);
        taxii.MapDelete(Collection + "objects/{objectId}/", DeleteObject).WithName("DeleteObject")
            .WithSummary("Deletes your object from a collection (all its versions, or those in match[version])")
            .WithQuery(VersionQuery)
            .Produces(StatusCodes.Status200OK, contentType: MediaType)
            .ProducesTaxiiErrors(403, 404);
    }

    private static readonly DocumentedQuery VersionQuery =
        new("match[version]", "versions to select: last, first, all or a version's modified time; comma-separated");

    private static readonly DocumentedQuery[] PageQuery =
    [
        new("added_after", "only versions added after this time, e.g. 2016-01-01T00:00:00.000000Z"),
        new("limit", $"the most versions on a page (default {DefaultLimit}, at most {MaxLimit})", "integer"),
        new("next", "the cursor of the next page, as the previous page's next gave it"),
        new("match[id]", "only these object ids; comma-separated"),
        new("match[type]", "only these object types; comma-separated"),
        new("match[spec_version]", "only these STIX versions; comma-separated"),
        VersionQuery,
    ];

    /// <summary>Every TAXII request must accept the TAXII media type (406); every body must be one (415).</summary>
    private static async ValueTask<object?> NegotiateAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var request = invocation.HttpContext.Request;
        if (!AcceptsTaxii(request.Headers.Accept.ToString()))
        {
            return new TaxiiError(406, "Not Acceptable", "send Accept: application/taxii+json;version=2.1");
        }

        if (HttpMethods.IsPost(request.Method) && !IsTaxii(request.ContentType))
        {
            return new TaxiiError(415, "Unsupported Media Type", "send Content-Type: application/taxii+json;version=2.1");
        }

        return await next(invocation).ConfigureAwait(false);
    }

    private static bool AcceptsTaxii(string accept) =>
        accept.Split(',').Select(a => a.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant())
            .Any(a => a is "application/taxii+json" or "application/taxii+json;version=2.1");

    private static bool IsTaxii(string? contentType) =>
        contentType is not null
        && contentType.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant()
            is "application/taxii+json;version=2.1" or "application/taxii+json";

    internal static string TaxiiTime(DateTime time) => CyberAccord.Accord.Node.CollectionIngest.FormatDateAdded(time);

    /// <summary>An error resource as the framework's own answers write it (authentication, unknown paths, overload).</summary>
    internal static string ErrorJson(int status, string title, string description) =>
        System.Text.Json.JsonSerializer.Serialize(TaxiiErrorResource.Of(status, title, description), TaxiiJson.Context.TaxiiErrorResource);
}
