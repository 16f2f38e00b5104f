using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Server.Taxii;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Server;

/// <summary>What the endpoints share: the node, the keys it may sign with, and TAXII status resources.</summary>
public sealed class AccordServerContext(AccordNode node, Func<string, PartyKey?> keyFor, string contact, long maxContentLength)
{
    private readonly Lock _clock = new();
    private DateTime _lastAdded = DateTime.MinValue;

    public AccordNode Node { get; } = node;

    public string Contact { get; } = contact;

    public long MaxContentLength { get; } = maxContentLength;

    /// <summary>Status resources of POSTs with the party that posted, kept for the process's life (the spec asks at least 24 hours).</summary>
    public ConcurrentDictionary<string, (string Party, JsonObject Status)> Statuses { get; } = new(StringComparer.Ordinal);

    public bool CanSignFor(string party) => keyFor(party) is { } key && DisposeAndTrue(key);

    private static bool DisposeAndTrue(PartyKey key)
    {
        key.Dispose();
        return true;
    }

    /// <summary>A date_added strictly after every earlier one, with microsecond precision, as TAXII cursors need.</summary>
    private DateTime NextDateAdded(AccordState state)
    {
        lock (_clock)
        {
            var now = DateTime.UtcNow;
            now = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
            var last = state.CollectionObjects.Count > 0 ? state.CollectionObjects[^1].DateAdded : DateTime.MinValue;
            if (_lastAdded > last)
            {
                last = _lastAdded;
            }

            _lastAdded = now > last ? now : last.AddTicks(10);
            return _lastAdded;
        }
    }

    /// <summary>Validates each object, signs the valid new ones into the log as the poster's records (one batch), and returns the TAXII status.</summary>
    public async Task<JsonObject> AddObjectsAsync(CollectionDescriptor collection, string party, JsonElement objects, CancellationToken cancellationToken)
    {
        using var key = keyFor(party) ?? throw new InvalidOperationException($"no key for {party}");
        var successes = new JsonArray();
        var failures = new JsonArray();
        var records = new List<AccordRecord>();
        var existing = await Node.ReadAsync(state => state.Collections.GetValueOrDefault(collection.Id), cancellationToken).ConfigureAwait(false);
        var added = new HashSet<(string, string)>();
        var index = 0;
        foreach (var item in objects.EnumerateArray())
        {
            var path = $"$.objects[{index++}]";
            var id = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : path;
            var version = item.ValueKind == JsonValueKind.Object && (item.TryGetProperty("modified", out var v) || item.TryGetProperty("created", out v)) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "unversioned";
            var errors = new List<ValidationIssue>();
            StixValidator.ValidateObject(item, path, errors);
            var fatal = errors.Where(e => e.Severity == Severity.Error).ToList();
            if (fatal.Count > 0)
            {
                failures.Add(new JsonObject { ["id"] = id, ["version"] = version, ["message"] = string.Join("; ", fatal.Take(3).Select(e => $"{e.Code} {e.Path}: {e.Message}")) });
                continue;
            }

            if (!added.Add((id, version)) || (existing is not null && await Node.ReadAsync(_ => existing.VersionsOf(id).Contains(version), cancellationToken).ConfigureAwait(false)))
            {
                successes.Add(new JsonObject { ["id"] = id, ["version"] = version, ["message"] = "already in the collection" });
                continue;
            }

            var dateAdded = await Node.ReadAsync(NextDateAdded, cancellationToken).ConfigureAwait(false);
            var body = new JsonObject
            {
                ["collection"] = collection.Id,
                ["date_added"] = TaxiiApi.TaxiiTime(dateAdded),
                ["object"] = JsonNode.Parse(item.GetRawText()),
            };
            records.Add(AccordRecord.Sign(RecordKinds.StixObject, $"{RecordKinds.StixObject}--{Guid.NewGuid()}", party, DateTime.UtcNow, body, key));
            successes.Add(new JsonObject { ["id"] = id, ["version"] = version, ["message"] = $"added to collection {collection.Alias}" });
        }

        if (records.Count > 0)
        {
            await Node.SubmitBatchAsync(records, cancellationToken).ConfigureAwait(false);
        }

        var status = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["status"] = "complete",
            ["request_timestamp"] = TaxiiApi.TaxiiTime(DateTime.UtcNow),
            ["total_count"] = successes.Count + failures.Count,
            ["success_count"] = successes.Count,
            ["failure_count"] = failures.Count,
            ["pending_count"] = 0,
        };
        if (successes.Count > 0)
        {
            status["successes"] = successes;
        }

        if (failures.Count > 0)
        {
            status["failures"] = failures;
        }

        Statuses[status["id"]!.GetValue<string>()] = (party, status);
        return status;
    }

    /// <summary>Appends deletion records for an object's versions; null when there is nothing to delete, false when the party may not.</summary>
    public async Task<bool?> DeleteAsync(CollectionDescriptor collection, string party, string objectId, IReadOnlySet<string>? versions, CancellationToken cancellationToken)
    {
        var targets = await Node.ReadAsync(state => state.Collections.TryGetValue(collection.Id, out var index)
            ? index.Items.Where(o => o.ObjectId == objectId && index.IsLive(o) && collection.CanSee(party, o) && (versions is null || versions.Contains(o.Version))).ToList()
            : [], cancellationToken).ConfigureAwait(false);
        if (targets.Count == 0)
        {
            return null;
        }

        if (targets.Any(t => t.Poster != party) || keyFor(party) is not { } key)
        {
            return false;
        }

        using (key)
        {
            var records = new List<AccordRecord>();
            foreach (var target in targets)
            {
                var dateAdded = await Node.ReadAsync(NextDateAdded, cancellationToken).ConfigureAwait(false);
                var body = new JsonObject { ["collection"] = collection.Id, ["date_added"] = TaxiiApi.TaxiiTime(dateAdded), ["deleted"] = true, ["object"] = target.Json.DeepClone() };
                records.Add(AccordRecord.Sign(RecordKinds.StixObject, $"{RecordKinds.StixObject}--{Guid.NewGuid()}", party, DateTime.UtcNow, body, key));
            }

            await Node.SubmitBatchAsync(records, cancellationToken).ConfigureAwait(false);
            return true;
        }
    }
}
