using System.Globalization;
using System.Text;
using CyberAccord.Accord.State;
using CyberAccord.Server.Auth;
using CyberAccord.Stix.Validation;
using Microsoft.AspNetCore.Http;

namespace CyberAccord.Server.Taxii;

public static partial class TaxiiApi
{
    /// <summary>A page of versions in date_added order, or the error that answers the request instead.</summary>
    private readonly record struct Page(TaxiiError? Error, List<CollectionObject> Items, bool? More, string? Next)
    {
        public static Page Failed(TaxiiError error) => new(error, [], null, null);
    }

    /// <summary>
    /// The page a list request asks for: its added_after, limit, next and match[...] parameters (read from the query as they
    /// came, so a repeated match[...] can be refused), then the versions the reader may see. Sets the X-TAXII-Date-Added
    /// headers of a page that has items.
    /// </summary>
    private static async Task<Page> ReadPageAsync(
        AccordServerContext context, string id, string? objectId, HttpContext http, bool allVersions, CancellationToken ct)
    {
        var party = PartyClaims.Of(http.User);
        var query = http.Request.Query;
        DateTime? addedAfter = null;
        if (query.TryGetValue("added_after", out var addedAfterText))
        {
            if (Timestamps.TryParse(addedAfterText.ToString(), out var parsed) < 0)
            {
                return Page.Failed(TaxiiError.BadRequest(
                    $"added_after '{addedAfterText}' is not a timestamp such as 2016-01-01T00:00:00.000000Z"));
            }

            addedAfter = parsed;
        }

        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            return Page.Failed(TaxiiError.BadRequest($"limit '{limitText}' is not a positive integer"));
        }

        limit = Math.Min(limit, MaxLimit);
        if (query.TryGetValue("next", out var nextText))
        {
            if (!TryDecodeCursor(nextText.ToString(), out var cursor))
            {
                return Page.Failed(TaxiiError.BadRequest("next is not a cursor this server issued"));
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
                    return Page.Failed(TaxiiError.BadRequest($"{key} may appear only once"));
                }

                filters[key[6..^1]] = value.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .ToHashSet(StringComparer.Ordinal);
            }
        }

        if (objectId is not null)
        {
            filters["id"] = [objectId];
        }

        var version = filters.GetValueOrDefault("version") ?? (allVersions ? ["all"] : ["last"]);
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

        var (found, items, hasMore) = result;
        if (found is null)
        {
            return Page.Failed(TaxiiError.NoCollection(id));
        }

        if (objectId is not null && items!.Count == 0 && addedAfter is null)
        {
            return Page.Failed(TaxiiError.NotFound($"no object '{objectId}' in collection '{id}' that you may read"));
        }

        if (items!.Count > 0)
        {
            http.Response.Headers["X-TAXII-Date-Added-First"] = TaxiiTime(items[0].DateAdded);
            http.Response.Headers["X-TAXII-Date-Added-Last"] = TaxiiTime(items[^1].DateAdded);
        }

        // Every paged shape carries next: a client that pages by next alone (the OASIS reference client's as_pages) would
        // otherwise fetch the first page forever.
        return hasMore ? new Page(null, items, true, EncodeCursor(items[^1].DateAdded)) : new Page(null, items, null, null);
    }

    /// <summary>
    /// The versions a reader may see after <paramref name="after"/>, filtered and selected as TAXII's match parameters say,
    /// in date_added order, at most <paramref name="take"/> of them: a binary search, then a walk.
    /// </summary>
    private static List<CollectionObject> Select(
        AccordState state, CollectionDescriptor collection, string party, Dictionary<string, HashSet<string>> filters,
        HashSet<string> version, DateTime? after, int take)
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
            if ((ids is not null && !ids.Contains(o.ObjectId))
                || (types is not null && !types.Contains(o.Type))
                || (specVersions is not null && !specVersions.Contains(o.SpecVersion))
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

    private static string? VisibleVersion(
        CollectionIndex index, CollectionDescriptor collection, string party, string objectId, bool last) =>
        index.LiveVersion(objectId, last, collection, party)?.Version;

    private static string EncodeCursor(DateTime time) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("v1:" + time.Ticks.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

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
}
