using CyberAccord.Accord.State;

namespace CyberAccord.Accord.Assessment;

/// <summary>
/// One finding: whether an incident (or request, or claim) implicates a commitment, judged under one party's own
/// critical-infrastructure list or view, with the reasoning spelled out step by step. The engine never decides
/// who is right; it shows what follows from each party's own designation and claims.
/// </summary>
public sealed record AssessmentFinding(
    string Rule,
    string Subject,
    string Commitment,
    string? Under,
    bool Implicated,
    IReadOnlyList<string> Reasons)
{
    public string Explanation => string.Join("; ", Reasons);

    /// <summary>The one JSON shape of a finding, served by the API.</summary>
    public System.Text.Json.Nodes.JsonObject ToJson() => new()
    {
        ["rule"] = Rule,
        ["subject"] = Subject,
        ["commitment"] = Commitment,
        ["under"] = Under,
        ["implicated"] = Implicated,
        ["reasons"] = new System.Text.Json.Nodes.JsonArray(Reasons.Select(r => (System.Text.Json.Nodes.JsonNode?)r).ToArray()),
    };
}

/// <summary>Explicit rules that map records to the commitments they implicate. Each rule is small and tested alone.</summary>
public static class AssessmentEngine
{
    public const string CiDamageRule = "ci-damage";
    public const string IpTheftRule = "ip-theft-for-commercial-advantage";
    public const string TimelyResponseRule = "timely-response";
    public const string AssistanceRule = "respond-to-assistance-requests";
    public const string TerritoryRule = "territory-used";

    /// <summary>Every finding for the state, as of <paramref name="now"/> (for deadlines).</summary>
    public static List<AssessmentFinding> Assess(AccordState state, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var findings = new List<AssessmentFinding>();
        var commitments = state.Accords.Values.SelectMany(a => a.Commitments).ToHashSet(StringComparer.Ordinal);
        foreach (var incident in state.Incidents.Values.OrderBy(i => i.Start).ThenBy(i => i.Id, StringComparer.Ordinal))
        {
            findings.AddRange(CiDamage(state, incident, commitments));
            findings.AddRange(IpTheft(state, incident, commitments));
        }

        foreach (var request in state.Requests.Values.OrderBy(r => r.Created).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            findings.AddRange(TimelyResponse(state, request, now, commitments));
        }

        foreach (var claim in state.Claims.Values.OrderBy(c => c.Created).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            findings.AddRange(Territory(state, claim, commitments));
        }

        return findings;
    }

    /// <summary>
    /// GGE 13(f): an incident that disrupts or destroys, in peacetime, infrastructure that a party's own list designates
    /// as critical. Judged under every party's list, because the lists differ and the difference matters.
    /// </summary>
    public static IEnumerable<AssessmentFinding> CiDamage(AccordState state, Incident incident, IReadOnlySet<string> commitments)
    {
        const string Commitment = "GGE2015-13f";
        if (!commitments.Contains(Commitment))
        {
            yield break;
        }

        var damaging = incident.Effects.Where(e => e is "disruption" or "destruction").ToList();
        foreach (var party in state.Parties.Keys.Order(StringComparer.Ordinal))
        {
            var designation = state.DesignationOrEarliest(party, incident.Start);
            if (designation is null)
            {
                continue;
            }

            var reasons = new List<string>();
            if (designation.Effective > incident.Start)
            {
                reasons.Add(
                    $"no list of {state.Parties[party].Code} was in force at the time; "
                    + $"its earliest on record ({designation.Effective:yyyy-MM-dd}) is used");
            }

            var matched = incident.Sectors.Where(designation.Categories.Contains).ToList();
            var assetHits = party == incident.AffectedParty ? AssetsInScope(incident, designation) : [];
            var code = state.Parties[party].Code;
            if (matched.Count == 0 && assetHits.Count == 0)
            {
                reasons.Add($"{code}'s list ({designation.Framework}) designates none of the affected sectors ({Join(incident.Sectors)})");
                yield return new AssessmentFinding(CiDamageRule, incident.Id, Commitment, party, false, reasons);
                continue;
            }

            reasons.Add(matched.Count > 0
                ? $"targets {Join(matched)}, designated critical by {code} ({designation.Framework})"
                : $"affected assets {Join(assetHits)} lie in {code}'s designated scopes");
            if (damaging.Count == 0)
            {
                reasons.Add($"effects are {Join(incident.Effects)}, not disruption or destruction");
            }
            else
            {
                reasons.Add($"effect is {Join(damaging)}");
            }

            reasons.Add(incident.Peacetime ? "peacetime" : "not peacetime: the norm addresses peacetime conduct");
            var implicated = damaging.Count > 0 && incident.Peacetime;
            reasons.Add(implicated
                ? $"therefore implicates {Commitment} under {code}'s list"
                : $"therefore does not implicate {Commitment} under {code}'s list");
            yield return new AssessmentFinding(CiDamageRule, incident.Id, Commitment, party, implicated, reasons);
        }
    }

    private static List<string> AssetsInScope(Incident incident, Designation designation)
    {
        var index = Matching.ScopeIndex.Build([designation]);
        return incident.Assets.Where(a => index.Matches(a).Count > 0).Select(a => a.Value).ToList();
    }

    /// <summary>
    /// USCN-2015-3: data theft whose purpose a party classifies as commercial. Each party's classification is kept;
    /// intelligence espionage is outside the commitment by its own terms.
    /// </summary>
    public static IEnumerable<AssessmentFinding> IpTheft(AccordState state, Incident incident, IReadOnlySet<string> commitments)
    {
        const string Commitment = "USCN-2015-3";
        if (!commitments.Contains(Commitment) || !incident.Effects.Contains("data-theft"))
        {
            yield break;
        }

        var views = new List<(string Party, string View)>();
        if (incident.Purpose is not null)
        {
            views.Add((incident.Reporter, incident.Purpose));
        }

        views.AddRange(state.Positions.Values.Where(p => p.Subject == incident.Id && p.Stance == "purpose" && p.View is not null)
            .OrderBy(p => p.Created).Select(p => (p.Author, p.View!)));
        foreach (var (party, view) in views.DistinctBy(v => v.Party))
        {
            var code = state.Parties[party].Code;
            var implicated = view == "commercial";
            var reasons = new List<string>
            {
                "effect is data theft",
                $"{code} classifies the purpose as {view}",
                implicated
                    ? $"therefore implicates {Commitment} in {code}'s view"
                    : $"therefore outside {Commitment} in {code}'s view "
                        + $"(the commitment covers theft for commercial advantage, not {view} purposes)",
            };
            yield return new AssessmentFinding(IpTheftRule, incident.Id, Commitment, party, implicated, reasons);
        }
    }

    /// <summary>
    /// USCN-2015-1 (timely responses) for every request; GGE 13(h) when the request concerns an incident that targets
    /// infrastructure the requester designates as critical.
    /// </summary>
    public static IEnumerable<AssessmentFinding> TimelyResponse(
        AccordState state,
        RequestCase request,
        DateTime now,
        IReadOnlySet<string> commitments)
    {
        var to = state.Parties[request.To].Code;
        var from = state.Parties[request.From].Code;
        var response = request.FirstResponse;
        var reasons = new List<string>
        {
            $"{from} asked {to} ({request.Type}) on {request.Created:yyyy-MM-dd} with a deadline of {request.Deadline:yyyy-MM-dd}",
        };
        bool late;
        if (response is null)
        {
            late = now > request.Deadline;
            reasons.Add(late
                ? $"no response by the deadline; open for {(now - request.Created).TotalDays:F0} days"
                : "no response yet; the deadline has not passed");
        }
        else
        {
            late = response.Created > request.Deadline;
            reasons.Add(
                $"{to} {response.Status} after {(response.Created - request.Created).TotalDays:F1} days"
                + (late ? ", after the deadline" : ", within the deadline"));
        }

        if (commitments.Contains("USCN-2015-1"))
        {
            yield return new AssessmentFinding(TimelyResponseRule, request.Id, "USCN-2015-1", request.To, late,
                [
                    .. reasons,
                    late ? "therefore implicates USCN-2015-1 (timely responses)" : "therefore consistent with USCN-2015-1 so far",
                ]);
        }

        if (commitments.Contains("GGE2015-13h") && request.Incident is { } incidentId && request.Type is "assistance" or "mitigation")
        {
            var incident = state.Incidents[incidentId];
            var designation = state.DesignationOf(request.From, incident.Start);
            var critical = designation is not null
                && incident.AffectedParty == request.From
                && incident.Sectors.Any(designation.Categories.Contains);
            if (critical)
            {
                yield return new AssessmentFinding(AssistanceRule, request.Id, "GGE2015-13h", request.From, late,
                    [
                        .. reasons,
                        $"the incident targets infrastructure {from} designates as critical",
                        late ? "therefore implicates GGE2015-13h" : "therefore consistent with GGE2015-13h so far",
                    ]);
            }
        }
    }

    /// <summary>
    /// GGE 13(c): a claim that a state used, or let others use, its territory. The finding records the claim and whether
    /// it rests on shared evidence; it does not decide the claim (GGE para 28(f): origin alone is not attribution).
    /// </summary>
    public static IEnumerable<AssessmentFinding> Territory(AccordState state, Claim claim, IReadOnlySet<string> commitments)
    {
        const string Commitment = "GGE2015-13c";
        if (!commitments.Contains(Commitment) || claim.AttributedToParty is null)
        {
            yield break;
        }

        var claimant = state.Parties[claim.Claimant].Code;
        var accused = state.Parties[claim.AttributedToParty].Code;
        var reasons = new List<string>
        {
            $"{claimant} attributes the activity to {accused}{(claim.Responsibility is null ? string.Empty : $" ({claim.Responsibility})")}"
                + $", likelihood {claim.Likelihood}, confidence {claim.Confidence}",
            claim.Unsupported
                ? "the claim rests on no shared evidence"
                : $"the claim rests on {claim.Evidence.Count} evidence item(s), shared",
            claim.Unsupported
                ? $"therefore an unsupported claim that {Commitment} is implicated"
                : $"therefore a supported claim that {Commitment} is implicated",
        };
        yield return new AssessmentFinding(TerritoryRule, claim.Id, Commitment, claim.Claimant, !claim.Unsupported, reasons);
    }

    private static string Join(IEnumerable<string> values) => string.Join(", ", values);
}
