using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Assessment;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.State;

namespace CyberAccord.Cli.Accord;

/// <summary>
/// The readable picture of a node: open requests, claims and their evidence, commitments implicated under whose list, log state.
/// </summary>
internal static class Summary
{
    public static Task<string> RenderAsync(AccordNode node, DateTime now, CancellationToken cancellationToken) =>
        node.ReadAsync(state => Render(state, node, now), cancellationToken);

    private static string Render(AccordState state, AccordNode node, DateTime now)
    {
        string Code(string party) => state.CodeOf(party);
        var output = new StringBuilder();
        var parties = string.Join(", ", state.Parties.Values.Select(p => $"{p.Code} ({p.Kind})"));
        output.AppendLine(CultureInfo.InvariantCulture, $"Parties: {parties}");
        foreach (var accord in state.Accords.Values)
        {
            output.AppendLine(CultureInfo.InvariantCulture, $"Accord: {accord.Title} — "
                + $"parties {string.Join(", ", accord.Parties.Select(Code))}; {accord.Commitments.Count} commitments");
        }

        output.AppendLine().AppendLine("Open requests:");
        var open = state.Requests.Values.Where(r => !r.IsClosed).OrderBy(r => r.Deadline).ToList();
        if (open.Count == 0)
        {
            output.AppendLine("  none");
        }

        foreach (var request in open)
        {
            var overdue = request.IsOverdue(now)
                ? string.Create(CultureInfo.InvariantCulture, $", OVERDUE by {(now - request.Deadline).TotalDays:F0} days")
                : string.Empty;
            output.AppendLine(CultureInfo.InvariantCulture, $"  {Code(request.From)} → {Code(request.To)} ({request.Type}), "
                + $"deadline {request.Deadline:yyyy-MM-dd}, status {request.Status}{overdue}");
        }

        output.AppendLine().AppendLine("Attribution claims (evidence-backed / unsupported):");
        foreach (var group in state.Claims.Values.GroupBy(c => c.Claimant).OrderBy(g => Code(g.Key), StringComparer.Ordinal))
        {
            output.AppendLine(CultureInfo.InvariantCulture, $"  {Code(group.Key)}: {group.Count(c => !c.Unsupported)} backed by shared "
                + $"evidence, {group.Count(c => c.Unsupported)} unsupported");
            foreach (var claim in group.OrderBy(c => c.Created))
            {
                var about = claim.Incident is null ? string.Empty : $" on \"{state.Incidents[claim.Incident].Title}\"";
                var to = claim.AttributedToParty is null ? claim.AttributedToActor : Code(claim.AttributedToParty);
                var support = claim.Unsupported ? "NO SHARED EVIDENCE" : $"{claim.Evidence.Count} shared evidence item(s)";
                output.AppendLine(CultureInfo.InvariantCulture, $"    {claim.Created:yyyy-MM-dd} → {to}{about}: "
                    + $"likelihood {claim.Likelihood}, confidence {claim.Confidence}, {support}");
            }
        }

        output.AppendLine().AppendLine("Commitments implicated, by incident and under whose list or view:");
        var findings = AssessmentEngine.Assess(state, now);
        foreach (var incident in state.Incidents.Values.OrderBy(i => i.Start))
        {
            output.AppendLine(CultureInfo.InvariantCulture, $"  {incident.Start:yyyy-MM} {incident.Title} "
                + $"(reported by {Code(incident.Reporter)}; effects {string.Join(", ", incident.Effects)})");
            var mine = findings.Where(f => f.Subject == incident.Id).ToList();
            if (mine.Count == 0)
            {
                output.AppendLine("      no rule applies");
            }

            foreach (var finding in mine)
            {
                var verdict = finding.Implicated ? "IMPLICATES" : "does not implicate";
                var basis = finding.Rule == AssessmentEngine.CiDamageRule ? "list" : "view";
                output.AppendLine(CultureInfo.InvariantCulture,
                    $"      {verdict} {finding.Commitment} under {Code(finding.Under ?? string.Empty)}'s {basis}: {finding.Explanation}");
            }
        }

        foreach (var finding in findings.Where(f => f.Rule is AssessmentEngine.TimelyResponseRule or AssessmentEngine.AssistanceRule))
        {
            var verdict = finding.Implicated ? "IMPLICATES" : "consistent with";
            output.AppendLine(CultureInfo.InvariantCulture, $"  request {finding.Subject}: {verdict} {finding.Commitment} "
                + $"({Code(finding.Under ?? string.Empty)}): {finding.Explanation}");
        }

        output.AppendLine().AppendLine("Critical-infrastructure lists (latest versions):");
        var latest = state.Designations.GroupBy(d => d.Party).Select(g => g.MaxBy(d => d.Effective)!)
            .OrderBy(d => Code(d.Party), StringComparer.Ordinal).ToList();
        foreach (var designation in latest)
        {
            var categories = string.Join(", ", designation.Categories.Order(StringComparer.Ordinal));
            output.AppendLine(CultureInfo.InvariantCulture, $"  {Code(designation.Party)}: {designation.Framework}: {categories}");
        }

        for (var i = 0; i < latest.Count; i++)
        {
            for (var j = i + 1; j < latest.Count; j++)
            {
                output.AppendLine(CultureInfo.InvariantCulture,
                    $"  disagreement {Code(latest[i].Party)} / {Code(latest[j].Party)}: {CiDiff(latest[i], latest[j], Code)}");
            }
        }

        output.AppendLine().AppendLine("Scorecards:");
        output.AppendLine("  party  received answered overdue  median-response  worst-response  made  claims  evidence-backed  "
            + "disputes(made/received)");
        foreach (var card in Scorecards.All(state, now))
        {
            var backed = card.EvidenceBackedShare is { } share ? share.ToString("P0", CultureInfo.InvariantCulture) : "—";
            output.AppendLine(CultureInfo.InvariantCulture,
                $"  {Code(card.Party),-6} {card.RequestsReceived,8} {card.RequestsAnswered,8} {card.RequestsOverdue,7}  "
                + $"{Days(card.MedianResponseTime),15}  {Days(card.WorstResponseTime),14}  {card.RequestsMade,4}  {card.Claims,6}  "
                + $"{backed,15}  {card.DisputesMade}/{card.DisputesReceived}");
        }

        var checkpoint = node.Log.Checkpoint;
        output.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Log: {checkpoint.Size} records, "
            + $"checkpoint root {Convert.ToBase64String(checkpoint.RootHash)} (origin {node.Log.Origin})");
        return output.ToString();
    }

    public static string CiDiff(Designation a, Designation b, Func<string, string> code)
    {
        var onlyA = a.Categories.Except(b.Categories).Order(StringComparer.Ordinal).ToList();
        var onlyB = b.Categories.Except(a.Categories).Order(StringComparer.Ordinal).ToList();
        static string List(List<string> categories) => categories.Count == 0 ? "—" : string.Join(", ", categories);
        return $"only {code(a.Party)}: {List(onlyA)}; only {code(b.Party)}: {List(onlyB)}";
    }

    private static string Days(TimeSpan? time) => time is { } t ? $"{t.TotalDays:F1} days" : "—";

    /// <summary>One assessment finding as a line, from the JSON shape the API serves (so local and remote print alike).</summary>
    public static string Finding(JsonObject finding, IReadOnlyDictionary<string, string> codes)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var under = (string?)finding["under"] ?? string.Empty;
        var reasons = finding["reasons"]?.AsArray().Select(r => (string?)r) ?? [];
        var verdict = (bool)finding["implicated"]! ? "IMPLICATES" : "not implicated";
        return $"{verdict}  {(string?)finding["commitment"],-12} {(string?)finding["rule"],-34} {(string?)finding["subject"]} "
            + $"under {codes.GetValueOrDefault(under, under)}: {string.Join("; ", reasons)}";
    }

    /// <summary>Scorecards in the API's JSON shape, as JSON or one line a party.</summary>
    public static void PrintScorecards(JsonArray cards, IReadOnlyDictionary<string, string> codes, bool json)
    {
        ArgumentNullException.ThrowIfNull(cards);
        if (json)
        {
            Console.Out.WriteLine(cards.ToJsonString());
            return;
        }

        foreach (var c in cards.Select(c => c!.AsObject()))
        {
            var party = (string)c["party"]!;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{codes.GetValueOrDefault(party, party),-4} requests received {c["requests_received"]}, "
                + $"answered {c["requests_answered"]}, overdue {c["requests_overdue"]}, "
                + $"median response {(double?)c["median_response_days"]:F1} d, worst {(double?)c["worst_response_days"]:F1} d; "
                + $"made {c["requests_made"]} ({c["requests_made_answered"]} answered); "
                + $"claims {c["claims"]}, backed by shared evidence {c["claims_backed_by_evidence"]}; "
                + $"disputes made {c["disputes_made"]}, received {c["disputes_received"]}"));
        }
    }
}
