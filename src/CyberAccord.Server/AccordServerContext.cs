using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Server.Taxii;

namespace CyberAccord.Server;

/// <summary>What the endpoints share: the node, the keys it may sign with, the collection ingest, and TAXII status resources.</summary>
public sealed class AccordServerContext(AccordNode node, Func<string, PartyKey?> keyFor, string contact, long maxContentLength)
    : IDisposable
{
    public AccordNode Node { get; } = node;

    public string Contact { get; } = contact;

    /// <summary>
    /// When true, POSTs return once their records are durably sequenced and applied, and a background loop publishes the
    /// signed checkpoint (see <see cref="AccordServer"/>), so concurrent POSTs share checkpoints.
    /// </summary>
    public bool DeferCheckpoints { get; init; }

    public long MaxContentLength { get; } = maxContentLength;

    /// <summary>TAXII status resources with the party that posted each, bounded by age (at least 24 hours), count and bytes.</summary>
    public StatusStore Statuses { get; init; } = new();

    /// <summary>How STIX objects enter and leave collections: the library's, the server only maps its outcomes to TAXII.</summary>
    /// <remarks>One per context, made with it: its lock and its date_added clock must be the only ones.</remarks>
    public CollectionIngest Ingest { get; } = new(node, new PartyKeyring(keyFor));

    public bool CanSignFor(string party) => Ingest.Keyring.CanSign(party);

    /// <summary>
    /// Signs a record as <paramref name="party"/> with the key this node holds for it, or returns null when it holds none.
    /// </summary>
    public AccordRecord? SignAs(string party, string kind, string id, JsonObject body) => Ingest.Keyring.Sign(party, kind, id, body);

    /// <summary>Adds an envelope's objects through the ingest and keeps its TAXII status resource; returns it serialized.</summary>
    /// <remarks>The store cuts long lists and serializes once, so the POST's answer and later reads are the same bytes.</remarks>
    public async Task<byte[]> AddObjectsAsync(
        CollectionDescriptor collection, string party, JsonElement objects, CancellationToken cancellationToken)
    {
        var result = await Ingest.AddAsync(collection, party, objects, integrate: !DeferCheckpoints, cancellationToken)
            .ConfigureAwait(false);
        static List<TaxiiStatusDetails>? Details(IReadOnlyList<IngestOutcome> outcomes) =>
            outcomes.Count == 0 ? null : [.. outcomes.Select(o => new TaxiiStatusDetails(o.Id, o.Version, o.Message))];
        var status = TaxiiJson.ToJsonObject(new TaxiiStatus(
            Guid.NewGuid().ToString(),
            "complete",
            TaxiiApi.TaxiiTime(DateTime.UtcNow),
            TotalCount: result.Successes.Count + result.Failures.Count,
            SuccessCount: result.Successes.Count,
            FailureCount: result.Failures.Count,
            PendingCount: 0,
            Details(result.Successes),
            Details(result.Failures)));
        return Statuses.Add(party, status);
    }

    /// <summary>
    /// Deletes an object's versions through the ingest; null when there is nothing to delete, false when the party may not.
    /// </summary>
    public Task<bool?> DeleteAsync(
        CollectionDescriptor collection,
        string party,
        string objectId,
        IReadOnlySet<string>? versions,
        CancellationToken cancellationToken) =>
        Ingest.DeleteAsync(collection, party, objectId, versions, cancellationToken);

    public void Dispose() => Ingest.Dispose();
}
