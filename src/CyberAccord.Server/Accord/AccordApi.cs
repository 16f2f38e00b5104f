using CyberAccord.Accord.Assessment;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Server.Auth;
using CyberAccord.Server.Taxii;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CyberAccord.Server.Accord;

/// <summary>JSON endpoints for accord records under <c>/accord/</c>: list and read what a party may see, submit records it signed.</summary>
public static class AccordApi
{
    private const int DefaultPage = 1_000;

    private const int MaxPage = 10_000;

    public static void MapAccordApi(this IEndpointRouteBuilder app, AccordServerContext context)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(context);
        var api = app.MapGroup("/accord").RequireAuthorization().AddEndpointFilter(async (invocation, next) =>
        {
            // Bodies are JSON and only JSON: a form or text/plain POST (what a cross-site page can send) is refused unread.
            var request = invocation.HttpContext.Request;
            if (HttpMethods.IsPost(request.Method) && !IsJson(request.ContentType))
            {
                return Results.Problem(statusCode: 415, title: "unsupported media type",
                    detail: $"Content-Type '{request.ContentType}' is not application/json (UTF-8); send Content-Type: application/json");
            }

            return await next(invocation).ConfigureAwait(false);
        });

        // The current version of each record the reader may see, in log order, a page at a time: ?after= the last sequence
        // of the previous page (its X-Accord-Next header), ?limit= up to 10,000 (default 1,000); filters kind= and author=.
        api.MapGet("/records", async (string? kind, string? author, long? after, int? limit, HttpContext http, CancellationToken ct) =>
        {
            if (limit is < 1 or > MaxPage)
            {
                return Results.Problem(statusCode: 400, title: "bad limit", detail: $"limit={limit} must be between 1 and {MaxPage}", extensions: new Dictionary<string, object?> { ["path"] = "limit" });
            }

            if (after is < 0)
            {
                return Results.Problem(statusCode: 400, title: "bad cursor", detail: $"after={after} must be a sequence number from a previous page", extensions: new Dictionary<string, object?> { ["path"] = "after" });
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
                    if (state.Records[r.Record.Id].Sequence != r.Sequence || (kind is not null && r.Record.Kind != kind) || (by is not null && r.Record.Author != by) || !Visibility.CanSee(state, r, party))
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
                http.Response.Headers["X-Accord-Next"] = cursor.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.Json(page.Select(r => new { sequence = r.Sequence, record = System.Text.Json.Nodes.JsonNode.Parse(r.Record.ToEntry()) }).ToList());
        });

        api.MapGet("/records/{id}", async (string id, HttpContext http, CancellationToken ct) =>
        {
            var party = PartyClaims.Of(http.User);
            var found = await context.Node.ReadAsync(state => state.Records.TryGetValue(id, out var stored) && Visibility.CanSee(state, stored, party) ? stored : null, ct).ConfigureAwait(false);
            if (found is null)
            {
                return Results.Problem(statusCode: 404, title: "no such record", detail: $"no record '{id}' that you may see");
            }

            // The body is the signed envelope byte for byte; where it sits in the log travels beside it.
            http.Response.Headers["X-Accord-Log-Index"] = found.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Bytes(found.Record.ToEntry(), "application/json");
        });

        // A record the client signed: the signature must be the authenticated party's own.
        api.MapPost("/records", async (HttpContext http, CancellationToken ct) =>
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
                return Results.Problem(statusCode: 400, title: "malformed record", detail: e.Message, extensions: new Dictionary<string, object?> { ["path"] = e.JsonPath });
            }

            if (record.Author != party)
            {
                return Results.Problem(statusCode: 403, title: "not your record", detail: $"you are {party}; a party can only submit records it authored");
            }

            return await SubmitAsync(context, record, ct).ConfigureAwait(false);
        });

        // A record body for the node to sign: only for a party whose key this node holds (its own party).
        api.MapPost("/records/{kind}", async (string kind, string? id, HttpContext http, CancellationToken ct) =>
        {
            var party = PartyClaims.Of(http.User);
            if (!RecordKinds.All.Contains(kind) || kind == RecordKinds.StixObject)
            {
                return Results.Problem(statusCode: 404, title: "no such record kind", detail: $"'{kind}' is not a record kind; use one of {string.Join(", ", RecordKinds.All.Where(k => k != RecordKinds.StixObject))} (STIX objects go through TAXII)");
            }

            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, ct).ConfigureAwait(false);
            System.Text.Json.Nodes.JsonObject body;
            try
            {
                // The bytes themselves are parsed: decoding to a string first would sign U+FFFD in place of invalid UTF-8.
                using var document = CyberAccord.Stix.Json.StixJson.Parse(buffer.ToArray(), "body");
                body = System.Text.Json.Nodes.JsonNode.Parse(document.RootElement.GetRawText()) as System.Text.Json.Nodes.JsonObject
                    ?? throw new RecordRejectedException("$", "the record body must be a JSON object");
            }
            catch (CyberAccord.Stix.Json.StixJsonException e)
            {
                return Results.Problem(statusCode: 400, title: "malformed record body", detail: e.Message);
            }
            catch (RecordRejectedException e)
            {
                return Results.Problem(statusCode: 400, title: "malformed record body", detail: e.Message, extensions: new Dictionary<string, object?> { ["path"] = e.JsonPath });
            }

            var record = context.SignAs(party, kind, id ?? $"{kind}--{Guid.NewGuid()}", body);
            if (record is null)
            {
                return Results.Problem(statusCode: 403, title: "this node does not sign for you", detail: $"this node holds no key for {party}; sign the record yourself and POST it to /accord/records");
            }

            return await SubmitAsync(context, record, ct).ConfigureAwait(false);
        });

        // The state of requests for assistance the party may see: status, deadline, first response, overdue or not.
        api.MapGet("/requests", async (string? status, string? to, string? from, bool? overdue, HttpContext http, CancellationToken ct) =>
        {
            if (status is not null && status != "open" && !Vocabulary.RequestStatuses.Contains(status))
            {
                return UnknownValue("status", status, ["open", .. Vocabulary.RequestStatuses]);
            }

            foreach (var (name, code) in new[] { ("to", to), ("from", from) })
            {
                var known = code is null
                    || await context.Node.ReadAsync(state => state.Parties.ContainsKey(PartyIds.FromCodeOrId(code)), ct)
                        .ConfigureAwait(false);
                if (!known)
                {
                    return UnknownParty(name, code!);
                }
            }

            var party = PartyClaims.Of(http.User);
            var now = DateTime.UtcNow;
            return Results.Json(await context.Node.ReadAsync(state => state.SeenBy(party).Requests.Values
                .Where(r => (status is null || r.Status == status) && (to is null || r.To == PartyIds.FromCodeOrId(to)) && (from is null || r.From == PartyIds.FromCodeOrId(from)) && (overdue is null || r.IsOverdue(now) == overdue))
                .OrderBy(r => r.Created).Select(r => RequestState(r, now)).ToList(), ct).ConfigureAwait(false));
        });

        api.MapGet("/requests/{id}", async (string id, HttpContext http, CancellationToken ct) =>
        {
            var party = PartyClaims.Of(http.User);
            var now = DateTime.UtcNow;
            var request = await context.Node.ReadAsync(state => state.SeenBy(party).Requests.TryGetValue(id, out var r) ? RequestState(r, now) : null, ct).ConfigureAwait(false);
            return request is null ? Results.Problem(statusCode: 404, title: "no such request", detail: $"no request '{id}' that you may see") : Results.Json(request);
        });

        // Both judge deadlines as of ?at= (RFC 3339 UTC), or now.
        // Counted from the records the reader may see: a figure must not reveal a restricted record between two others.
        api.MapGet("/scorecards", async (string? at, HttpContext http, CancellationToken ct) =>
        {
            if (!TryTime(at, out var now))
            {
                return BadTime(at);
            }

            var party = PartyClaims.Of(http.User);
            return Results.Json(await context.Node.ReadAsync(state => new System.Text.Json.Nodes.JsonArray(Scorecards.SeenBy(state, party, now).Select(c => (System.Text.Json.Nodes.JsonNode?)c.ToJson()).ToArray()), ct).ConfigureAwait(false));
        });

        api.MapGet("/assessment", async (string? at, HttpContext http, CancellationToken ct) =>
        {
            if (!TryTime(at, out var now))
            {
                return BadTime(at);
            }

            var party = PartyClaims.Of(http.User);
            return Results.Json(await context.Node.ReadAsync(state => new System.Text.Json.Nodes.JsonArray(AssessmentEngine.Assess(state.SeenBy(party), now)
                .Select(f => (System.Text.Json.Nodes.JsonNode?)f.ToJson()).ToArray()), ct).ConfigureAwait(false));
        });
    }

    /// <summary>Appends a signed record: 201 with its log index, or 422 naming what the accord refused (nothing written).</summary>
    private static async Task<IResult> SubmitAsync(AccordServerContext context, AccordRecord record, CancellationToken cancellationToken)
    {
        try
        {
            var index = await context.Node.SubmitAsync(record, cancellationToken).ConfigureAwait(false);
            return Results.Json(new { id = record.Id, log_index = index }, statusCode: 201);
        }
        catch (RecordRejectedException e)
        {
            return Results.Problem(statusCode: 422, title: "record refused", detail: e.Message, extensions: new Dictionary<string, object?> { ["path"] = e.JsonPath });
        }
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>A filter that names no value the accord knows would match nothing; say so instead of answering an empty list.</summary>
    private static IResult UnknownValue(string parameter, string value, IEnumerable<string> known) =>
        Results.Problem(statusCode: 400, title: $"unknown {parameter}",
            detail: $"{parameter}='{value}' is not one of {string.Join(", ", known)}",
            extensions: new Dictionary<string, object?> { ["path"] = parameter });

    private static IResult UnknownParty(string parameter, string value) =>
        Results.Problem(statusCode: 400, title: $"unknown {parameter}",
            detail: $"{parameter}='{value}' is not the code or id of a party of the accord",
            extensions: new Dictionary<string, object?> { ["path"] = parameter });

    private static bool TryTime(string? text, out DateTime time)
    {
        time = DateTime.UtcNow;
        return text is null || CyberAccord.Stix.Validation.Timestamps.TryParse(text, out time) >= 0;
    }

    private static IResult BadTime(string? text) =>
        Results.Problem(statusCode: 400, title: "bad time", detail: $"at='{text}' is not an RFC 3339 UTC timestamp such as 2025-01-01T00:00:00Z", extensions: new Dictionary<string, object?> { ["path"] = "at" });

    private static object RequestState(RequestCase r, DateTime now) => new
    {
        id = r.Id,
        from = r.From,
        to = r.To,
        incident = r.Incident,
        type = r.Type,
        asks = r.Asks,
        tlp = r.Tlp,
        created = r.Created,
        deadline = r.Deadline,
        status = r.Status,
        closed = r.IsClosed,
        overdue = r.IsOverdue(now),
        first_response = r.FirstResponse?.Created,
        updates = r.Updates.Select(u => new { id = u.Id, author = u.Author, status = u.Status, note = u.Note, created = u.Created }).ToList(),
    };
}
