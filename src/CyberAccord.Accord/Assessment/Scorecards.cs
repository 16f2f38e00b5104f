using CyberAccord.Accord.State;

namespace CyberAccord.Accord.Assessment;

/// <summary>One party's figures, computed from the records alone.</summary>
public sealed record Scorecard(
    string Party,
    int RequestsReceived,
    int RequestsAnswered,
    int RequestsOverdue,
    TimeSpan? MedianResponseTime,
    TimeSpan? WorstResponseTime,
    int RequestsMade,
    int RequestsMadeAnswered,
    int Claims,
    int ClaimsBackedByEvidence,
    int DisputesMade,
    int DisputesReceived)
{
    /// <summary>Share of this party's claims that rest on shared evidence; null when it made none.</summary>
    public double? EvidenceBackedShare => Claims == 0 ? null : (double)ClaimsBackedByEvidence / Claims;

    /// <summary>Requests it answered per request it made; null when it made none.</summary>
    public double? Reciprocity => RequestsMade == 0 ? null : (double)RequestsAnswered / RequestsMade;

    /// <summary>The one JSON shape of a scorecard, served by the API and printed by <c>accord scorecard --json</c>.</summary>
    public System.Text.Json.Nodes.JsonObject ToJson() => new()
    {
        ["party"] = Party,
        ["requests_received"] = RequestsReceived,
        ["requests_answered"] = RequestsAnswered,
        ["requests_overdue"] = RequestsOverdue,
        ["median_response_days"] = MedianResponseTime?.TotalDays,
        ["worst_response_days"] = WorstResponseTime?.TotalDays,
        ["requests_made"] = RequestsMade,
        ["requests_made_answered"] = RequestsMadeAnswered,
        ["claims"] = Claims,
        ["claims_backed_by_evidence"] = ClaimsBackedByEvidence,
        ["evidence_backed_share"] = EvidenceBackedShare,
        ["reciprocity"] = Reciprocity,
        ["disputes_made"] = DisputesMade,
        ["disputes_received"] = DisputesReceived,
    };
}

public static class Scorecards
{
    /// <summary>
    /// Response time is from a request's creation to the first "responded" or "declined" update by its recipient.
    /// A request is overdue when it got no response by its deadline (as of <paramref name="now"/>) or was answered after it.
    /// </summary>
    /// <param name="counts">Which records may be counted (by id); null for all. A reader's scorecards count only what it may see.</param>
    public static Scorecard For(AccordState state, string party, DateTime now, Func<string, bool>? counts = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        counts ??= _ => true;
        var requests = state.Requests.Values.Where(r => counts(r.Id)).ToList();
        var received = requests.Where(r => r.To == party).ToList();
        var made = requests.Where(r => r.From == party).ToList();
        var times = received.Where(r => r.FirstResponse is not null).Select(r => r.FirstResponse!.Created - r.Created).Order().ToList();
        var claims = state.Claims.Values.Where(c => c.Claimant == party && counts(c.Id)).ToList();
        var positions = state.Positions.Values.Where(p => counts(p.Id)).ToList();
        var subjectsOf = claims.Select(c => c.Id)
            .Concat(state.Incidents.Values.Where(i => i.Reporter == party).Select(i => i.Id))
            .Concat(state.Statements.Values.Where(s => s.Author == party).Select(s => s.Id))
            .ToHashSet(StringComparer.Ordinal);
        return new Scorecard(
            party,
            received.Count,
            received.Count(r => r.FirstResponse is not null),
            received.Count(r => r.IsOverdue(now)),
            Median(times),
            times.Count == 0 ? null : times[^1],
            made.Count,
            made.Count(r => r.FirstResponse is not null),
            claims.Count,
            claims.Count(c => !c.Unsupported),
            positions.Count(p => p.Author == party && p.Stance == "dispute"),
            positions.Count(p => p.Author != party && p.Stance == "dispute" && (subjectsOf.Contains(p.Subject) || p.Under == party)));
    }

    public static List<Scorecard> All(AccordState state, DateTime now, Func<string, bool>? counts = null) =>
        state.Parties.Keys.Order(StringComparer.Ordinal).Select(p => For(state, p, now, counts)).ToList();

    /// <summary>Every party's scorecard as <paramref name="reader"/> may know it: from the records it may see (TLP).</summary>
    public static List<Scorecard> SeenBy(AccordState state, string reader, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return All(state.SeenBy(reader), now);
    }

    private static TimeSpan? Median(List<TimeSpan> sorted) =>
        sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : TimeSpan.FromTicks((sorted[(sorted.Count / 2) - 1].Ticks + sorted[sorted.Count / 2].Ticks) / 2);
}
