using System.Text.Json;
using CyberAccord.Accord.State;
using CyberAccord.Server.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyberAccord.Server.Taxii;

public static partial class TaxiiApi
{
    internal static async Task<Results<TaxiiOk<TaxiiEnvelope>, TaxiiError>> GetObjects(
        string id, HttpContext http, AccordServerContext context, CancellationToken ct)
    {
        var page = await ReadPageAsync(context, id, objectId: null, http, allVersions: false, ct).ConfigureAwait(false);
        if (page.Error is { } error)
        {
            return error;
        }

        return Ok(Envelope(page));
    }

    internal static async Task<Results<TaxiiOk<TaxiiEnvelope>, TaxiiError>> GetObject(
        string id, string objectId, HttpContext http, AccordServerContext context, CancellationToken ct)
    {
        var page = await ReadPageAsync(context, id, objectId, http, allVersions: false, ct).ConfigureAwait(false);
        if (page.Error is { } error)
        {
            return error;
        }

        return Ok(Envelope(page));
    }

    internal static async Task<Results<TaxiiOk<TaxiiManifest>, TaxiiError>> GetManifest(
        string id, HttpContext http, AccordServerContext context, CancellationToken ct)
    {
        var page = await ReadPageAsync(context, id, objectId: null, http, allVersions: false, ct).ConfigureAwait(false);
        if (page.Error is { } error)
        {
            return error;
        }

        var records = page.Items.Count == 0 ? null : page.Items.ConvertAll(
            i => new TaxiiManifestRecord(i.ObjectId, TaxiiTime(i.DateAdded), i.Version, StixMediaType));
        return Ok(new TaxiiManifest(page.More, page.Next, records));
    }

    internal static async Task<Results<TaxiiOk<TaxiiVersions>, TaxiiError>> GetObjectVersions(
        string id, string objectId, HttpContext http, AccordServerContext context, CancellationToken ct)
    {
        var page = await ReadPageAsync(context, id, objectId, http, allVersions: true, ct).ConfigureAwait(false);
        if (page.Error is { } error)
        {
            return error;
        }

        return Ok(new TaxiiVersions(page.More, page.Next, page.Items.Count == 0 ? null : page.Items.ConvertAll(i => i.Version)));
    }

    internal static async Task<Results<TaxiiAccepted<TaxiiStatus>, TaxiiError>> AddObjects(
        string id, HttpContext http, AccordServerContext context, CancellationToken ct)
    {
        var party = PartyClaims.Of(http.User);
        var collection = await FindAsync(context, id, party, ct).ConfigureAwait(false);
        if (collection is null)
        {
            return TaxiiError.NoCollection(id);
        }

        if (!await context.Node.ReadAsync(state => CanWrite(context, state, collection, party), ct).ConfigureAwait(false))
        {
            return TaxiiError.Forbidden(
                $"this node holds no signing key for {party}: post to your own node, or submit signed records through the accord API");
        }

        // Refuse oversized bodies before reading them whole.
        TaxiiError TooLarge() => TaxiiError.TooLarge($"the body is larger than max_content_length ({context.MaxContentLength} bytes)");
        if (http.Request.ContentLength > context.MaxContentLength)
        {
            return TooLarge();
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
            return TaxiiError.BadRequest(e.Message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == 413)
        {
            return TooLarge();
        }

        using (envelope)
        {
            var root = envelope.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("objects", out var objects)
                || objects.ValueKind != JsonValueKind.Array)
            {
                return TaxiiError.BadRequest("the body must be a TAXII envelope: {\"objects\": [...]}");
            }

            return new TaxiiAccepted<TaxiiStatus>(await context.AddObjectsAsync(collection, party, objects, ct).ConfigureAwait(false));
        }
    }

    internal static async Task<Results<ContentHttpResult, TaxiiError>> DeleteObject(
        string id, string objectId, HttpContext http, AccordServerContext context, CancellationToken ct)
    {
        var party = PartyClaims.Of(http.User);
        var collection = await FindAsync(context, id, party, ct).ConfigureAwait(false);
        if (collection is null)
        {
            return TaxiiError.NoCollection(id);
        }

        var versions = http.Request.Query.TryGetValue("match[version]", out var v)
            ? v.ToString().Split(',').ToHashSet(StringComparer.Ordinal)
            : null;
        var removed = await context.DeleteAsync(collection, party, objectId, versions, ct).ConfigureAwait(false);
        return removed switch
        {
            null => TaxiiError.NotFound($"no object '{objectId}' in collection '{id}'"),
            false => TaxiiError.Forbidden("only the party that posted an object may delete it, and only through a node that holds its key"),

            // An empty body in the TAXII media type, spelled as the framework's text result spells it.
            _ => TypedResults.Text(string.Empty, MediaType, statusCode: StatusCodes.Status200OK),
        };
    }

    private static TaxiiEnvelope Envelope(Page page) =>
        new(page.More, page.Next, page.Items.Count == 0 ? null : page.Items.ConvertAll(i => i.Json));
}
