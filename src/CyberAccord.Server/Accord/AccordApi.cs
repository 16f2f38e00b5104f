using CyberAccord.Accord.Assessment;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Server.Taxii;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CyberAccord.Server.Accord;

/// <summary>JSON endpoints for accord records under <c>/accord/</c>: list and read what a party may see, submit records it signed.</summary>
public static class AccordApi
{
    public static void MapAccordApi(this IEndpointRouteBuilder app, AccordServerContext context)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(context);
        var api = app.MapGroup("/accord").RequireAuthorization();

        api.MapGet("/records", async (string? kind, HttpContext http, CancellationToken ct) =>
        {
            var party = TaxiiApi.Party(http.User);
            var records = await context.Node.ReadAsync(state => state.Records.Values.OrderBy(r => r.Sequence)
                .Where(r => (kind is null || r.Record.Kind == kind) && Visibility.CanSee(state, r.Record, party))
                .Select(r => new { sequence = r.Sequence, record = System.Text.Json.Nodes.JsonNode.Parse(r.Record.ToEntry()) }).ToList(), ct).ConfigureAwait(false);
            return Results.Json(records);
        });

        api.MapGet("/records/{id}", async (string id, HttpContext http, CancellationToken ct) =>
        {
            var party = TaxiiApi.Party(http.User);
            var entry = await context.Node.ReadAsync(state => state.Records.TryGetValue(id, out var stored) && Visibility.CanSee(state, stored.Record, party) ? stored.Record.ToEntry() : null, ct).ConfigureAwait(false);
            return entry is null ? Results.Problem(statusCode: 404, title: "no such record", detail: $"no record '{id}' that you may see") : Results.Bytes(entry, "application/json");
        });

        // A record the client signed: the signature must be the authenticated party's own.
        api.MapPost("/records", async (HttpContext http, CancellationToken ct) =>
        {
            var party = TaxiiApi.Party(http.User);
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

            try
            {
                var index = await context.Node.SubmitAsync(record, ct).ConfigureAwait(false);
                return Results.Json(new { id = record.Id, log_index = index }, statusCode: 201);
            }
            catch (RecordRejectedException e)
            {
                return Results.Problem(statusCode: 422, title: "record refused", detail: e.Message, extensions: new Dictionary<string, object?> { ["path"] = e.JsonPath });
            }
        });

        api.MapGet("/scorecards", async (CancellationToken ct) =>
            Results.Json(await context.Node.ReadAsync(state => Scorecards.All(state, DateTime.UtcNow).Select(c => new
            {
                party = c.Party, requests_received = c.RequestsReceived, requests_answered = c.RequestsAnswered, requests_overdue = c.RequestsOverdue,
                median_response_days = c.MedianResponseTime?.TotalDays, worst_response_days = c.WorstResponseTime?.TotalDays, requests_made = c.RequestsMade,
                claims = c.Claims, claims_backed_by_evidence = c.ClaimsBackedByEvidence, disputes_made = c.DisputesMade, disputes_received = c.DisputesReceived,
            }).ToList(), ct).ConfigureAwait(false)));

        api.MapGet("/assessment", async (HttpContext http, CancellationToken ct) =>
        {
            var party = TaxiiApi.Party(http.User);
            return Results.Json(await context.Node.ReadAsync(state => AssessmentEngine.Assess(state, DateTime.UtcNow)
                .Where(f => state.Records.TryGetValue(f.Subject, out var s) && Visibility.CanSee(state, s.Record, party))
                .Select(f => new { rule = f.Rule, subject = f.Subject, commitment = f.Commitment, under = f.Under, implicated = f.Implicated, reasons = f.Reasons }).ToList(), ct).ConfigureAwait(false));
        });

    }
}
