using System.Globalization;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Server.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyberAccord.Server.Accord;

public static partial class AccordApi
{
    /// <summary>
    /// The current version of each record the reader may see, in log order, a page at a time: ?after= the last sequence
    /// of the previous page (its X-Accord-Next header), ?limit= up to 10,000 (default 1,000); filters kind= and author=.
    /// </summary>
    internal static async Task<Results<Ok<List<RecordEntry>>, ProblemHttpResult>> GetRecords(
        string? kind, string? author, long? after, int? limit, HttpContext http, AccordServerContext context, CancellationToken ct)
    {
        if (limit is < 1 or > MaxPage)
        {
            return Problem(400, "bad limit", $"limit={limit} must be between 1 and {MaxPage}", "limit");
        }

        if (after is < 0)
        {
            return Problem(400, "bad cursor", $"after={after} must be a sequence number from a previous page", "after");
        }

        if (kind is not null && !RecordKinds.All.Contains(kind))
        {
            return UnknownValue("kind", kind, RecordKinds.All);
        }

        var party = PartyClaims.Of(http.User);
        var by = author is null ? null : PartyIds.FromCodeOrId(author);
        if (by is not null && !await context.Node.ReadAsync(state => state.Parties.ContainsKey(by), ct).ConfigureAwait(false))
        {
            return UnknownParty("author", author!);
        }

        var size = limit ?? DefaultPage;
        var (page, next) = await context.Node.ReadAsync(state =>
        {
            var rows = new List<StoredRecord>(Math.Min(size, 1024));
            long? more = null;
            for (var i = after is null ? 0 : state.IndexAfter(after.Value); i < state.Entries.Count; i++)
            {
                var r = state.Entries[i];
                if (state.Records[r.Record.Id].Sequence != r.Sequence
                    || (kind is not null && r.Record.Kind != kind)
                    || (by is not null && r.Record.Author != by)
                    || !Visibility.CanSee(state, r, party))
                {
                    continue;
                }

                if (rows.Count == size)
                {
                    more = rows[^1].Sequence;
                    break;
                }

                rows.Add(r);
            }

            return (rows, more);
        }, ct).ConfigureAwait(false);
        if (next is { } cursor)
        {
            http.Response.Headers["X-Accord-Next"] = cursor.ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Ok(page.ConvertAll(r => new RecordEntry(r.Sequence, JsonNode.Parse(r.Record.ToEntry()))));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetRecord(
        string id, HttpContext http, AccordServerContext context, CancellationToken ct)
    {
        var party = PartyClaims.Of(http.User);
        var found = await context.Node.ReadAsync(
            state => state.Records.TryGetValue(id, out var stored) && Visibility.CanSee(state, stored, party) ? stored : null,
            ct).ConfigureAwait(false);
        if (found is null)
        {
            return Problem(404, "no such record", $"no record '{id}' that you may see");
        }

        // The body is the signed envelope byte for byte; where it sits in the log travels beside it.
        http.Response.Headers["X-Accord-Log-Index"] = found.Sequence.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Bytes(found.Record.ToEntry(), "application/json");
    }

    /// <summary>A record the client signed: the signature must be the authenticated party's own.</summary>
    internal static async Task<Results<Created<SubmittedRecord>, ProblemHttpResult>> SubmitRecord(
        HttpContext http, AccordServerContext context, CancellationToken ct)
    {
        var party = PartyClaims.Of(http.User);
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct).ConfigureAwait(false);
        AccordRecord record;
        try
        {
            record = AccordRecord.Parse(buffer.ToArray());
        }
        catch (RecordRejectedException e)
        {
            return Problem(400, "malformed record", e.Message, e.JsonPath);
        }

        if (record.Author != party)
        {
            return Problem(403, "not your record", $"you are {party}; a party can only submit records it authored");
        }

        return await SubmitAsync(context, record, ct).ConfigureAwait(false);
    }

    /// <summary>A record body for the node to sign: only for a party whose key this node holds (its own party).</summary>
    internal static async Task<Results<Created<SubmittedRecord>, ProblemHttpResult>> SignRecord(
        string kind, string? id, HttpContext http, AccordServerContext context, CancellationToken ct)
    {
        var party = PartyClaims.Of(http.User);
        if (!RecordKinds.All.Contains(kind) || kind == RecordKinds.StixObject)
        {
            var kinds = string.Join(", ", RecordKinds.All.Where(k => k != RecordKinds.StixObject));
            return Problem(404, "no such record kind",
                $"'{kind}' is not a record kind; use one of {kinds} (STIX objects go through TAXII)");
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct).ConfigureAwait(false);
        JsonObject body;
        try
        {
            // The bytes themselves are parsed: decoding to a string first would sign U+FFFD in place of invalid UTF-8.
            using var document = CyberAccord.Stix.Json.StixJson.Parse(buffer.ToArray(), "body");
            body = JsonNode.Parse(document.RootElement.GetRawText()) as JsonObject
                ?? throw new RecordRejectedException("$", "the record body must be a JSON object");
        }
        catch (CyberAccord.Stix.Json.StixJsonException e)
        {
            return Problem(400, "malformed record body", e.Message);
        }
        catch (RecordRejectedException e)
        {
            return Problem(400, "malformed record body", e.Message, e.JsonPath);
        }

        var record = context.SignAs(party, kind, id ?? $"{kind}--{Guid.NewGuid()}", body);
        if (record is null)
        {
            return Problem(403, "this node does not sign for you",
                $"this node holds no key for {party}; sign the record yourself and POST it to /accord/records");
        }

        return await SubmitAsync(context, record, ct).ConfigureAwait(false);
    }

    /// <summary>Appends a signed record: 201 with its log index, or 422 naming what the accord refused (nothing written).</summary>
    private static async Task<Results<Created<SubmittedRecord>, ProblemHttpResult>> SubmitAsync(
        AccordServerContext context, AccordRecord record, CancellationToken cancellationToken)
    {
        try
        {
            var index = await context.Node.SubmitAsync(record, cancellationToken).ConfigureAwait(false);

            // No Location: a record's address is /accord/records/{id}, but the answer has never named it.
            return TypedResults.Created((string?)null, new SubmittedRecord(record.Id, index));
        }
        catch (RecordRejectedException e)
        {
            return Problem(422, "record refused", e.Message, e.JsonPath);
        }
    }
}
