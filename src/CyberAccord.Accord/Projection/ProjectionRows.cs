using System.Globalization;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;

namespace CyberAccord.Accord.Projection;

/// <summary>A projection table: its columns in order and the columns of its primary key.</summary>
public sealed record ProjectionTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<string> Key, bool Replaces);

/// <summary>One row for a projection table; <see cref="ProjectionTable.Replaces"/> says whether it may replace an existing row.</summary>
public sealed record ProjectionRow(ProjectionTable Table, object?[] Values);

/// <summary>
/// The logical layout of a projection, shared by every store: which tables, which columns, and the rows a batch of
/// applied records produces. Each store keeps these with its own types and its own bulk path; only the layout is common,
/// so that two backends fed the same log hold the same rows.
/// </summary>
public static class ProjectionRows
{
    public static readonly ProjectionTable Records = new("records", ["seq", "id", "kind", "author", "created", "entry"], ["seq"], false);
    public static readonly ProjectionTable Parties = new("parties", ["id", "code", "name", "kind", "version", "keys"], ["id"], true);
    public static readonly ProjectionTable Accords = new("accords", ["id", "author", "title", "parties", "commitments"], ["id"], true);
    public static readonly ProjectionTable Designations = new("designations", ["id", "party", "framework", "effective", "categories", "created"], ["id", "created"], false);
    public static readonly ProjectionTable Incidents = new("incidents", ["id", "reporter", "affected", "title", "start", "effects", "sectors", "severity", "tlp"], ["id"], false);
    public static readonly ProjectionTable Evidence = new("evidence", ["id", "author", "incident", "sha256", "reliability", "credibility", "shared", "tlp"], ["id"], false);
    public static readonly ProjectionTable Claims = new("claims", ["id", "claimant", "incident", "attributed_party", "attributed_actor", "likelihood", "confidence", "unsupported", "tlp"], ["id"], false);
    public static readonly ProjectionTable Requests = new("requests", ["id", "from_party", "to_party", "incident", "type", "created", "deadline", "status", "first_response"], ["id"], true);
    public static readonly ProjectionTable Statements = new("statements", ["id", "author", "title", "date"], ["id"], false);
    public static readonly ProjectionTable Positions = new("positions", ["id", "author", "subject", "stance", "commitment", "under", "view"], ["id"], false);
    public static readonly ProjectionTable StixObjects = new("stix_objects", ["record_id", "collection", "object_id", "type", "version", "date_added", "poster", "tlp", "deleted"], ["record_id"], false);

    /// <summary>The derived tables, in the order a dump lists them (then <see cref="Records"/>).</summary>
    public static IReadOnlyList<ProjectionTable> Derived { get; } = [Parties, Accords, Designations, Incidents, Evidence, Claims, Requests, Statements, Positions, StixObjects];

    /// <summary>
    /// The rows for records applied to <paramref name="state"/> (which already includes all of them): one
    /// <see cref="Records"/> row each, then the derived rows as of the final state, so a record superseded within the
    /// batch (a request and its updates) is written once, current. Taken at once, so the caller may go on changing the state.
    /// </summary>
    public static List<ProjectionRow> For(IReadOnlyList<StoredRecord> records, AccordState state)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(state);
        var rows = new List<ProjectionRow>(records.Count * 2);
        foreach (var record in records)
        {
            var r = record.Record;
            rows.Add(new ProjectionRow(Records, [record.Sequence, r.Id, r.Kind, r.Author, Time(r.Created), r.ToEntry()]));
        }

        foreach (var record in records.DistinctBy(r => r.Record.Kind == RecordKinds.Designation ? $"{r.Record.Id}@{r.Sequence}" : r.Record.Kind == RecordKinds.RequestUpdate ? r.Record.Body["request"]!.GetValue<string>() : r.Record.Id))
        {
            if (Derive(record, state) is { } row)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static ProjectionRow? Derive(StoredRecord stored, AccordState state)
    {
        var r = stored.Record;
        switch (r.Kind)
        {
            case RecordKinds.Party:
                var party = state.Parties[r.Id];
                return new(Parties, [party.Id, party.Code, party.Name, party.Kind, party.Version, string.Join(',', party.Keys.Select(k => $"{k.KeyId}:{k.Status}"))]);
            case RecordKinds.Accord:
                var accord = state.Accords[r.Id];
                return new(Accords, [accord.Id, accord.Author, accord.Title, string.Join(',', accord.Parties), string.Join(',', accord.Commitments)]);
            case RecordKinds.Designation:
                var designation = state.Designations.Last(d => d.Id == r.Id && d.Created == r.Created);
                return new(Designations, [designation.Id, designation.Party, designation.Framework, Time(designation.Effective), string.Join(',', designation.Categories.Order(StringComparer.Ordinal)), Time(designation.Created)]);
            case RecordKinds.Incident:
                var incident = state.Incidents[r.Id];
                return new(Incidents, [incident.Id, incident.Reporter, incident.AffectedParty, incident.Title, Time(incident.Start), string.Join(',', incident.Effects), string.Join(',', incident.Sectors), incident.Severity, incident.Tlp]);
            case RecordKinds.Evidence:
                var evidence = state.Evidence[r.Id];
                return new(Evidence, [evidence.Id, evidence.Author, evidence.Incident, evidence.Sha256, evidence.Reliability, evidence.Credibility, evidence.IsShared ? 1 : 0, evidence.Tlp]);
            case RecordKinds.Claim:
                var claim = state.Claims[r.Id];
                return new(Claims, [claim.Id, claim.Claimant, claim.Incident, claim.AttributedToParty, claim.AttributedToActor, claim.Likelihood, claim.Confidence, claim.Unsupported ? 1 : 0, claim.Tlp]);
            case RecordKinds.Request:
            case RecordKinds.RequestUpdate:
                var request = state.Requests[r.Kind == RecordKinds.Request ? r.Id : r.Body["request"]!.GetValue<string>()];
                return new(Requests, [request.Id, request.From, request.To, request.Incident, request.Type, Time(request.Created), Time(request.Deadline), request.Status, request.FirstResponse is { } response ? Time(response.Created) : null]);
            case RecordKinds.Statement:
                var statement = state.Statements[r.Id];
                return new(Statements, [statement.Id, statement.Author, statement.Title, Time(statement.Date)]);
            case RecordKinds.StixObject:
                var item = state.CollectionObjects.Last(o => o.RecordId == r.Id);
                return new(StixObjects, [item.RecordId, item.Collection, item.ObjectId, item.Type, item.Version, item.DateAdded.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), item.Poster, item.Tlp, item.Deleted ? 1 : 0]);
            case RecordKinds.Position:
                var position = state.Positions[r.Id];
                return new(Positions, [position.Id, position.Author, position.Subject, position.Stance, position.Commitment, position.Under, position.View]);
            default:
                return null;
        }
    }

    private static string Time(DateTime time) => CyberAccord.Stix.Validation.Timestamps.Format(time);
}
