using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Server.Auth;
using CyberAccord.Stix.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace CyberAccord.Server.Taxii;

/// <summary>TAXII 2.1 (OASIS Standard, 10 June 2021): discovery, one API root, collections, objects, manifest, versions, status.</summary>
public static class TaxiiApi
{
    public const string MediaType = "application/taxii+json;version=2.1";
    public const string StixMediaType = "application/stix+json;version=2.1";
    public const string ApiRoot = "/api/";
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static void MapTaxiiApi(this IEndpointRouteBuilder app, AccordServerContext context)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(context);
        var taxii = app.MapGroup(string.Empty).RequireAuthorization().AddEndpointFilter(async (invocation, next) =>
        {
            // Every TAXII request must accept the TAXII media type (406); every body must be one (415).
            var request = invocation.HttpContext.Request;
            if (!AcceptsTaxii(request.Headers.Accept.ToString()))
            {
                return Error(406, "Not Acceptable", "send Accept: application/taxii+json;version=2.1");
            }

            if (HttpMethods.IsPost(request.Method) && !IsTaxii(request.ContentType))
            {
                return Error(415, "Unsupported Media Type", "send Content-Type: application/taxii+json;version=2.1");
            }

            return await next(invocation).ConfigureAwait(false);
        });

        taxii.MapGet("/taxii2/", () => Taxii(new JsonObject
        {
            ["title"] = "CyberAccord node",
            ["description"] = "TAXII 2.1 face of a CyberAccord node: accord records as STIX, every object signed into a verifiable log.",
            ["contact"] = context.Contact,
            ["default"] = ApiRoot,
            ["api_roots"] = new JsonArray(ApiRoot),
        }));

        taxii.MapGet(ApiRoot, () => Taxii(new JsonObject
        {
            ["title"] = "Accord",
            ["description"] = "Collections of the accord: public, one per accord, one per pair of states.",
            ["versions"] = new JsonArray(MediaType),
            ["max_content_length"] = context.MaxContentLength,
        }));

        // A status names the objects a party posted, so only that party may read it; an expired one is gone like an unknown one.
        taxii.MapGet(ApiRoot + "status/{statusId}/", (string statusId, ClaimsPrincipal user) =>
            context.Statuses.TryGet(statusId, PartyClaims.Of(user), out var status)
                ? Results.Bytes(status, MediaType)
                : Error(404, "Not Found",
                    $"no status resource '{statusId}' of yours (one is kept {context.Statuses.Limits.Lifetime.TotalHours:0} hours)"));

        taxii.MapGet(ApiRoot + "collections/", async (ClaimsPrincipal user, CancellationToken ct) =>
        {
            var party = PartyClaims.Of(user);
            var collections = await context.Node.ReadAsync(
                state => state.CollectionList.Where(c => c.CanRead(party))
                    .Select(c => Describe(context, state, c, party)).ToList(),
                ct).ConfigureAwait(false);
            var body = new JsonObject();
            if (collections.Count > 0)
            {
                body["collections"] = new JsonArray([.. collections]);
            }

            return Taxii(body);
        });

        taxii.MapGet(ApiRoot + "collections/{id}/", async (string id, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var party = PartyClaims.Of(user);
            var described = await context.Node.ReadAsync(state =>
                state.FindCollection(id) is { } collection && collection.CanRead(party)
                    ? Describe(context, state, collection, party)
                    : null, ct).ConfigureAwait(false);
            return described is null ? NotFound(id) : Taxii(described);
        });

        taxii.MapGet(ApiRoot + "collections/{id}/objects/", (string id, HttpContext http, CancellationToken ct) => ListAsync(context, id, null, http, Shape.Objects, ct));
        taxii.MapGet(ApiRoot + "collections/{id}/manifest/", (string id, HttpContext http, CancellationToken ct) => ListAsync(context, id, null, http, Shape.Manifest, ct));
        taxii.MapGet(ApiRoot + "collections/{id}/objects/{objectId}/", (string id, string objectId, HttpContext http, CancellationToken ct) => ListAsync(context, id, objectId, http, Shape.Objects, ct));
        taxii.MapGet(ApiRoot + "collections/{id}/objects/{objectId}/versions/", (string id, string objectId, HttpContext http, CancellationToken ct) => ListAsync(context, id, objectId, http, Shape.Versions, ct));
        taxii.MapPost(ApiRoot + "collections/{id}/objects/", (string id, HttpContext http, CancellationToken ct) => AddAsync(context, id, http, ct));
        taxii.MapDelete(ApiRoot + "collections/{id}/objects/{objectId}/", (string id, string objectId, HttpContext http, CancellationToken ct) => DeleteAsync(context, id, objectId, http, ct));
    }

    private enum Shape
    {
        Objects,
        Manifest,
        Versions,
    }

    private static bool AcceptsTaxii(string accept) =>
        accept.Split(',').Select(a => a.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant())
            .Any(a => a is "application/taxii+json" or "application/taxii+json;version=2.1");

    private static bool IsTaxii(string? contentType) =>
        contentType is not null && contentType.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant() is "application/taxii+json;version=2.1" or "application/taxii+json";

    private static async Task<CollectionDescriptor?> FindAsync(AccordServerContext context, string id, string party, CancellationToken ct) =>
        await context.Node.ReadAsync(state => state.FindCollection(id) is { } c && c.CanRead(party) ? c : null, ct).ConfigureAwait(false);

    /// <summary>
    /// Whether a POST by <paramref name="party"/> to <paramref name="collection"/> would be accepted: it must be a member (any
    /// party of the accord for the public collection, the group's or the pair's members for theirs) and this node must hold
    /// its key. Describe and POST both ask this, so can_write never promises what POST refuses.
    /// </summary>
    internal static bool CanWrite(AccordServerContext context, AccordState state, CollectionDescriptor collection, string party) =>
        collection.CanWrite(party) && state.Parties.ContainsKey(party) && context.CanSignFor(party);

    private static JsonObject Describe(AccordServerContext context, AccordState state, CollectionDescriptor collection, string party) =>
        new()
        {
            ["id"] = collection.Id,
            ["title"] = collection.Title,
            ["description"] = collection.Description,
            ["alias"] = collection.Alias,
            ["can_read"] = collection.CanRead(party),
            ["can_write"] = CanWrite(context, state, collection, party),
            ["media_types"] = new JsonArray(StixMediaType),
        };

    private static async Task<IResult> ListAsync(AccordServerContext context, string id, string? objectId, HttpContext http, Shape shape, CancellationToken ct)
    {
        var party = PartyClaims.Of(http.User);
        var query = http.Request.Query;
        DateTime? addedAfter = null;
        if (query.TryGetValue("added_after", out var addedAfterText))
        {
            if (Timestamps.TryParse(addedAfterText.ToString(), out var parsed) < 0)
            {
                return Error(400, "Bad Request", $"added_after '{addedAfterText}' is not a timestamp such as 2016-01-01T00:00:00.000000Z");
            }

            addedAfter = parsed;
        }

        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            return Error(400, "Bad Request", $"limit '{limitText}' is not a positive integer");
        }

        limit = Math.Min(limit, MaxLimit);
        if (query.TryGetValue("next", out var nextText))
        {
            if (!TryDecodeCursor(nextText.ToString(), out var cursor))
            {
                return Error(400, "Bad Request", "next is not a cursor this server issued");
            }

            addedAfter = addedAfter is null || cursor > addedAfter ? cursor : addedAfter;
        }

        var filters = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
        {
            if (key.StartsWith("match[", StringComparison.Ordinal) && key.EndsWith(']'))
            {
                if (value.Count > 1)
                {
                    return Error(400, "Bad Request", $"{key} may appear only once");
                }

                filters[key[6..^1]] = value.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            }
        }

        if (objectId is not null)
        {
            filters["id"] = [objectId];
        }

        var version = filters.GetValueOrDefault("version") ?? (shape == Shape.Versions ? ["all"] : ["last"]);
        var result = await context.Node.ReadAsync(state =>
        {
            var collection = state.FindCollection(id) is { } c && c.CanRead(party) ? c : null;
            if (collection is null)
            {
                return ((CollectionDescriptor?)null, (List<CollectionObject>?)null, false);
            }

            var page = Select(state, collection, party, filters, version, addedAfter, limit + 1);
            var more = page.Count > limit;
            return (collection, more ? page[..limit] : page, more);
        }, ct).ConfigureAwait(false);

        var (found, pageItems, hasMore) = result;
        if (found is null)
        {
            return NotFound(id);
        }

        if (objectId is not null && pageItems!.Count == 0 && addedAfter is null)
        {
            return Error(404, "Not Found", $"no object '{objectId}' in collection '{id}' that you may read");
        }

        var body = new JsonObject();
        if (hasMore)
        {
            // Every paged shape carries next: a client that pages by next alone (the OASIS reference client's as_pages) would
            // otherwise fetch the first page forever.
            body["more"] = true;
            body["next"] = EncodeCursor(pageItems![^1].DateAdded);
        }

        if (pageItems!.Count > 0)
        {
            body[shape switch { Shape.Objects => "objects", Shape.Manifest => "objects", _ => "versions" }] = shape switch
            {
                Shape.Objects => new JsonArray([.. pageItems.Select(i => (JsonNode)i.Json.DeepClone())]),
                Shape.Manifest => new JsonArray([.. pageItems.Select(i => (JsonNode)new JsonObject { ["id"] = i.ObjectId, ["date_added"] = TaxiiTime(i.DateAdded), ["version"] = i.Version, ["media_type"] = StixMediaType })]),
                _ => new JsonArray([.. pageItems.Select(i => (JsonNode)JsonValue.Create(i.Version))]),
            };
            http.Response.Headers["X-TAXII-Date-Added-First"] = TaxiiTime(pageItems[0].DateAdded);
            http.Response.Headers["X-TAXII-Date-Added-Last"] = TaxiiTime(pageItems[^1].DateAdded);
        }

        return Taxii(body);
    }

    /// <summary>
    /// The versions a reader may see after <paramref name="after"/>, filtered and selected as TAXII's match parameters say,
    /// in date_added order, at most <paramref name="take"/> of them: a binary search, then a walk.
    /// </summary>
    private static List<CollectionObject> Select(AccordState state, CollectionDescriptor collection, string party, Dictionary<string, HashSet<string>> filters, HashSet<string> version, DateTime? after, int take)
    {
        var page = new List<CollectionObject>(Math.Min(take, 1024));
        if (!state.Collections.TryGetValue(collection.Id, out var index))
        {
            return page;
        }

        filters.TryGetValue("id", out var ids);
        filters.TryGetValue("type", out var types);
        filters.TryGetValue("spec_version", out var specVersions);
        var all = version.Contains("all");
        for (var i = index.FirstAfter(after); i < index.Items.Count && page.Count < take; i++)
        {
            var o = index.Items[i];
            if ((ids is not null && !ids.Contains(o.ObjectId)) || (types is not null && !types.Contains(o.Type)) || (specVersions is not null && !specVersions.Contains(o.SpecVersion))
                || !index.IsLive(o) || !collection.CanSee(party, o))
            {
                continue;
            }

            if (!all)
            {
                // First and last among the versions this reader may see: a hidden newer version must not hide the one it may.
                var keep = version.Contains(o.Version)
                    || (version.Contains("last") && VisibleVersion(index, collection, party, o.ObjectId, last: true) == o.Version)
                    || (version.Contains("first") && VisibleVersion(index, collection, party, o.ObjectId, last: false) == o.Version);
                if (!keep)
                {
                    continue;
                }
            }

            page.Add(o);
        }

        return page;
    }

    private static string? VisibleVersion(CollectionIndex index, CollectionDescriptor collection, string party, string objectId, bool last) =>
        index.LiveVersion(objectId, last, collection, party)?.Version;

    private static async Task<IResult> AddAsync(AccordServerContext context, string id, HttpContext http, CancellationToken ct)
    {
        var party = PartyClaims.Of(http.User);
        var collection = await FindAsync(context, id, party, ct).ConfigureAwait(false);
        if (collection is null)
        {
            return NotFound(id);
        }

        if (!await context.Node.ReadAsync(state => CanWrite(context, state, collection, party), ct).ConfigureAwait(false))
        {
            return Error(403, "Forbidden", $"this node holds no signing key for {party}: post to your own node, or submit signed records through the accord API");
        }

        // Refuse oversized bodies before reading them whole.
        if (http.Request.ContentLength > context.MaxContentLength)
        {
            return Error(413, "Content Too Large", $"the body is larger than max_content_length ({context.MaxContentLength} bytes)");
        }

        http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize = context.MaxContentLength;
        JsonDocument envelope;
        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, ct).ConfigureAwait(false);
            envelope = Stix.Json.StixJson.Parse(buffer.ToArray());
        }
        catch (Stix.Json.StixJsonException e)
        {
            return Error(400, "Bad Request", e.Message);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == 413)
        {
            return Error(413, "Content Too Large", $"the body is larger than max_content_length ({context.MaxContentLength} bytes)");
        }

        using (envelope)
        {
            if (envelope.RootElement.ValueKind != JsonValueKind.Object || !envelope.RootElement.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Array)
            {
                return Error(400, "Bad Request", "the body must be a TAXII envelope: {\"objects\": [...]}");
            }

            var status = await context.AddObjectsAsync(collection, party, objects, ct).ConfigureAwait(false);
            return Taxii(status, 202);
        }
    }

    private static async Task<IResult> DeleteAsync(AccordServerContext context, string id, string objectId, HttpContext http, CancellationToken ct)
    {
        var party = PartyClaims.Of(http.User);
        var collection = await FindAsync(context, id, party, ct).ConfigureAwait(false);
        if (collection is null)
        {
            return NotFound(id);
        }

        var versions = http.Request.Query.TryGetValue("match[version]", out var v) ? v.ToString().Split(',').ToHashSet(StringComparer.Ordinal) : null;
        var removed = await context.DeleteAsync(collection, party, objectId, versions, ct).ConfigureAwait(false);
        return removed switch
        {
            null => Error(404, "Not Found", $"no object '{objectId}' in collection '{id}'"),
            false => Error(403, "Forbidden", "only the party that posted an object may delete it, and only through a node that holds its key"),
            _ => Results.Text(string.Empty, MediaType, statusCode: 200),
        };
    }

    internal static string TaxiiTime(DateTime time) => CyberAccord.Accord.Node.CollectionIngest.FormatDateAdded(time);

    private static string EncodeCursor(DateTime time) => Convert.ToBase64String(Encoding.UTF8.GetBytes("v1:" + time.Ticks.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecodeCursor(string text, out DateTime time)
    {
        time = default;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            // A forged cursor may name any number: only ticks of a real DateTime are a cursor this server could have issued.
            if (decoded.StartsWith("v1:", StringComparison.Ordinal)
                && long.TryParse(decoded[3..], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTime.MaxValue.Ticks)
            {
                time = new DateTime(ticks, DateTimeKind.Utc);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }

    private static readonly JsonSerializerOptions Output = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static string Serialize(JsonObject body) => body.ToJsonString(Output);

    internal static IResult Taxii(JsonObject body, int status = 200) => Results.Text(Serialize(body), MediaType, Encoding.UTF8, status);

    internal static string ErrorJson(int status, string title, string description) =>
        new JsonObject
        {
            ["title"] = title,
            ["description"] = description,
            ["http_status"] = status.ToString(CultureInfo.InvariantCulture),
        }.ToJsonString(Output);

    internal static IResult Error(int status, string title, string description) =>
        Results.Text(ErrorJson(status, title, description), MediaType, Encoding.UTF8, status);

    private static IResult NotFound(string id) => Error(404, "Not Found", $"no collection '{id}' that you may read");
}
