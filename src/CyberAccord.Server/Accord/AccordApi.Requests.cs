using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Server.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyberAccord.Server.Accord;

public static partial class AccordApi
{
    /// <summary>The state of requests for assistance the party may see: status, deadline, first response, overdue or not.</summary>
    internal static async Task<Results<Ok<List<RequestView>>, ProblemHttpResult>> GetRequests(
        string? status, string? to, string? from, bool? overdue, HttpContext http, AccordServerContext context, CancellationToken ct)
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
        var requests = await context.Node.ReadAsync(state => state.SeenBy(party).Requests.Values
            .Where(r => (status is null || r.Status == status)
                && (to is null || r.To == PartyIds.FromCodeOrId(to))
                && (from is null || r.From == PartyIds.FromCodeOrId(from))
                && (overdue is null || r.IsOverdue(now) == overdue))
            .OrderBy(r => r.Created).Select(r => View(r, now)).ToList(), ct).ConfigureAwait(false);
        return TypedResults.Ok(requests);
    }

    internal static async Task<Results<Ok<RequestView>, ProblemHttpResult>> GetRequest(
        string id, HttpContext http, AccordServerContext context, CancellationToken ct)
    {
        var party = PartyClaims.Of(http.User);
        var now = DateTime.UtcNow;
        var request = await context.Node.ReadAsync(
            state => state.SeenBy(party).Requests.TryGetValue(id, out var r) ? View(r, now) : null, ct).ConfigureAwait(false);
        return request is null
            ? Problem(404, "no such request", $"no request '{id}' that you may see")
            : TypedResults.Ok(request);
    }

    private static RequestView View(RequestCase r, DateTime now) => new(
        r.Id,
        r.From,
        r.To,
        r.Incident,
        r.Type,
        r.Asks,
        r.Tlp,
        r.Created,
        r.Deadline,
        r.Status,
        r.IsClosed,
        r.IsOverdue(now),
        r.FirstResponse?.Created,
        [.. r.Updates.Select(u => new RequestUpdateView(u.Id, u.Author, u.Status, u.Note, u.Created))]);
}
