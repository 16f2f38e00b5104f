using CyberAccord.Accord.Assessment;
using CyberAccord.Accord.State;

namespace CyberAccord.Server.Dashboard;

/// <summary>One chart: labels along the axis, and one series a dataset.</summary>
public sealed record ChartData(string Kind, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, bool Stacked = false);

public sealed record ChartSeries(string Label, IReadOnlyList<double> Values);

/// <summary>A request as the board shows it: its state and its clock.</summary>
public sealed record RequestRow(RequestCase Request, string FromCode, string ToCode, string? IncidentTitle, bool Overdue, string Clock);

/// <summary>An event on an incident's timeline.</summary>
public sealed record TimelineEntry(DateTime Time, string Kind, string Author, string Text, string Id);

/// <summary>
/// What the dashboard shows a party, taken from the state under the node's reader lock. Every collection here is
/// filtered by TLP first: a page never receives a record its reader may not see.
/// </summary>
public sealed class DashboardData
{
    // Copied under the reader lock: pages render after it is released, while writers may change the state.
    private readonly Dictionary<string, Party> _parties;
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);

    public DashboardData(AccordState state, string party, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(state);

        // Everything below comes from the reader's view: no list, chart, finding or clock can rest on a record it may not see.
        var view = state.SeenBy(party);
        _parties = new Dictionary<string, Party>(view.Parties, StringComparer.Ordinal);
        Party = party;
        Now = now;
        foreach (var stored in view.Records.Values)
        {
            _labels[stored.Record.Id] = Visibility.LabelOf(state, stored);
        }

        Incidents = [.. view.Incidents.Values.OrderBy(i => i.Start)];
        Claims = [.. view.Claims.Values.OrderBy(c => c.Created)];
        Evidence = [.. view.Evidence.Values.OrderBy(e => e.Created)];
        Requests = [.. view.Requests.Values.OrderBy(r => r.Deadline)];
        Statements = [.. view.Statements.Values.OrderBy(s => s.Date)];
        Positions = [.. view.Positions.Values.OrderBy(p => p.Created)];
        Findings = AssessmentEngine.Assess(view, now);
        Scorecards = CyberAccord.Accord.Assessment.Scorecards.All(view, now);
        Parties = [.. view.Parties.Values.OrderBy(p => p.Code, StringComparer.Ordinal)];
        Designations = Parties.Select(p => view.DesignationOrEarliest(p.Id, now)).OfType<Designation>()
            .ToDictionary(d => d.Party, StringComparer.Ordinal);
    }

    /// <summary>Each party's critical-infrastructure designation in force now (or its earliest), where the reader may see it.</summary>
    public IReadOnlyDictionary<string, Designation> Designations { get; }

    public string Party { get; }

    public DateTime Now { get; }

    public IReadOnlyList<Party> Parties { get; }

    public IReadOnlyList<Incident> Incidents { get; }

    public IReadOnlyList<Claim> Claims { get; }

    public IReadOnlyList<EvidenceItem> Evidence { get; }

    public IReadOnlyList<RequestCase> Requests { get; }

    public IReadOnlyList<Statement> Statements { get; }

    public IReadOnlyList<Position> Positions { get; }

    public IReadOnlyList<AssessmentFinding> Findings { get; }

    public IReadOnlyList<Scorecard> Scorecards { get; }

    public string Code(string? party) => party is null ? "—" : _parties.TryGetValue(party, out var p) ? p.Code : party;

    public string Name(string? party) => party is null ? "—" : _parties.TryGetValue(party, out var p) ? p.Name : party;

    public Incident? Incident(string id) => Incidents.FirstOrDefault(i => i.Id == id);

    /// <summary>Incidents per year, one series per sector (or per effect).</summary>
    public ChartData IncidentsOverTime(bool bySector)
    {
        var years = Incidents.Select(i => i.Start.Year).Distinct().Order().ToList();
        var keys = Incidents.SelectMany(i => bySector ? i.Sectors : i.Effects).Distinct().Order(StringComparer.Ordinal).ToList();
        var series = keys.Select(k => new ChartSeries(
            k,
            years.Select(y => (double)Incidents.Count(i => i.Start.Year == y && (bySector ? i.Sectors : i.Effects).Contains(k))).ToList()))
            .ToList();
        var labels = years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return new ChartData("bar", labels, series, Stacked: true);
    }

    /// <summary>Attribution claims per claimant, split into those resting on shared evidence and those that do not.</summary>
    public ChartData ClaimsByParty()
    {
        var claimants = Claims.Select(c => c.Claimant).Distinct().OrderBy(Code, StringComparer.Ordinal).ToList();
        return new ChartData("bar", claimants.Select(Code).ToList(),
        [
            new ChartSeries(
                "backed by shared evidence",
                claimants.Select(p => (double)Claims.Count(c => c.Claimant == p && !c.Unsupported)).ToList()),
            new ChartSeries(
                "no shared evidence",
                claimants.Select(p => (double)Claims.Count(c => c.Claimant == p && c.Unsupported)).ToList()),
        ], Stacked: true);
    }

    /// <summary>Scorecard figures side by side.</summary>
    public ChartData ScorecardChart() => new("bar", Scorecards.Select(c => Code(c.Party)).ToList(),
    [
        new ChartSeries("requests received", Scorecards.Select(c => (double)c.RequestsReceived).ToList()),
        new ChartSeries("answered", Scorecards.Select(c => (double)c.RequestsAnswered).ToList()),
        new ChartSeries("overdue", Scorecards.Select(c => (double)c.RequestsOverdue).ToList()),
        new ChartSeries("claims", Scorecards.Select(c => (double)c.Claims).ToList()),
        new ChartSeries("claims backed by shared evidence", Scorecards.Select(c => (double)c.ClaimsBackedByEvidence).ToList()),
    ]);

    public ChartData ResponseTimeChart() => new("bar", Scorecards.Select(c => Code(c.Party)).ToList(),
    [
        new ChartSeries("median response (days)", Scorecards.Select(c => Math.Round(c.MedianResponseTime?.TotalDays ?? 0, 1)).ToList()),
        new ChartSeries("worst response (days)", Scorecards.Select(c => Math.Round(c.WorstResponseTime?.TotalDays ?? 0, 1)).ToList()),
    ]);

    public RequestRow Row(RequestCase r)
    {
        var overdue = r.IsOverdue(Now);
        string clock;
        if (r.FirstResponse is { } response)
        {
            var late = response.Created - r.Deadline;
            clock = late > TimeSpan.Zero ? $"answered {Days(late)} late" : $"answered in {Days(response.Created - r.Created)}";
        }
        else if (r.IsClosed)
        {
            clock = $"{r.Status} without a response";
        }
        else
        {
            clock = Now > r.Deadline ? $"overdue by {Days(Now - r.Deadline)}" : $"{Days(r.Deadline - Now)} left";
        }

        return new RequestRow(r, Code(r.From), Code(r.To), r.Incident is null ? null : Incident(r.Incident)?.Title, overdue, clock);
    }

    /// <summary>The requests board, sorted by a column (deadline, created, status, from, to, clock) in either direction.</summary>
    public IReadOnlyList<RequestRow> Board(string? sort, bool descending)
    {
        var rows = Requests.Select(Row);
        Func<RequestRow, IComparable> key = sort switch
        {
            "created" => r => r.Request.Created,
            "status" => r => r.Request.Status,
            "from" => r => r.FromCode,
            "to" => r => r.ToCode,
            "overdue" => r => r.Overdue ? 0 : 1,
            _ => r => r.Request.Deadline,
        };
        return (descending ? rows.OrderByDescending(key) : rows.OrderBy(key)).ToList();
    }

    /// <summary>Everything on an incident the reader may see, in time order.</summary>
    public IReadOnlyList<TimelineEntry> Timeline(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var subjects = Subjects(incident);
        var entries = new List<TimelineEntry>
        {
            new(incident.Start, "incident began", Code(incident.AffectedParty), incident.Title, incident.Id),
            new(incident.Created, "reported", Code(incident.Reporter), incident.Title, incident.Id),
        };
        entries.AddRange(Evidence.Where(e => e.Incident == incident.Id)
            .Select(e => new TimelineEntry(e.Created, "evidence", Code(e.Author), e.Description, e.Id)));
        entries.AddRange(Claims.Where(c => c.Incident == incident.Id).Select(c => new TimelineEntry(
            c.Created,
            "attribution claim",
            Code(c.Claimant),
            $"attributes it to {(c.AttributedToParty is null ? c.AttributedToActor : Code(c.AttributedToParty))}",
            c.Id)));
        foreach (var r in Requests.Where(r => r.Incident == incident.Id))
        {
            entries.Add(new(r.Created, $"request ({r.Type})", Code(r.From), $"to {Code(r.To)}: {r.Asks}", r.Id));
            entries.AddRange(r.Updates.Select(
                u => new TimelineEntry(u.Created, $"request {u.Status}", Code(u.Author), u.Note ?? string.Empty, u.Id)));
        }

        entries.AddRange(Statements.Where(s => s.Incidents.Contains(incident.Id))
            .Select(s => new TimelineEntry(s.Date, "public statement", Code(s.Author), s.Title, s.Id)));
        entries.AddRange(Positions.Where(p => subjects.Contains(p.Subject))
            .Select(p => new TimelineEntry(p.Created, p.Stance, Code(p.Author), p.Note ?? p.View ?? string.Empty, p.Id)));
        return entries.OrderBy(e => e.Time).ToList();
    }

    /// <summary>The incident and the claims and requests about it: what positions and findings may be about.</summary>
    public HashSet<string> Subjects(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return
        [
            incident.Id,
            .. Claims.Where(c => c.Incident == incident.Id).Select(c => c.Id),
            .. Requests.Where(r => r.Incident == incident.Id).Select(r => r.Id),
        ];
    }

    public static string Days(TimeSpan span) => span.TotalDays >= 1 ? $"{span.TotalDays:F0} days" : $"{span.TotalHours:F0} hours";

    public static string Date(DateTime time) => time.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The TLP label of a record the reader may see, as TLP 2.0 writes it.</summary>
    public string Label(string id) => _labels.TryGetValue(id, out var label) ? "TLP:" + label.ToUpperInvariant() : "—";
}
