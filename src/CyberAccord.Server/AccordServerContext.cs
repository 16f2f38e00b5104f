using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Server.Taxii;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Server;

/// <summary>What the endpoints share: the node, the keys it may sign with, and TAXII status resources.</summary>
public sealed class AccordServerContext(AccordNode node, Func<string, PartyKey?> keyFor, string contact, long maxContentLength) : IDisposable
{
    private readonly Lock _clock = new();
    private readonly SemaphoreSlim _postGate = new(1, 1);
    private DateTime _lastAdded = DateTime.MinValue;

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

    public bool CanSignFor(string party) => keyFor(party) is { } key && DisposeAndTrue(key);

    /// <summary>Signs a record as <paramref name="party"/> with the key this node holds for it, or returns null when it holds none.</summary>
    public AccordRecord? SignAs(string party, string kind, string id, JsonObject body)
    {
        using var key = keyFor(party);
        return key is null ? null : AccordRecord.Sign(kind, id, party, DateTime.UtcNow, body, key);
    }

    private static bool DisposeAndTrue(PartyKey key)
    {
        key.Dispose();
        return true;
    }

    /// <summary>The first of <paramref name="count"/> date_added values, each a microsecond after the previous and after every earlier one.</summary>
    private DateTime NextDateAdded(AccordState state, int count)
    {
        var first = NextDateAdded(state);
        lock (_clock)
        {
            _lastAdded = first.AddTicks(10L * (count - 1));
        }

        return first;
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
        var items = objects.EnumerateArray().ToArray();

        // Validation and signing are per object and run on every core; what depends on order (duplicates, date_added) does not.
        var checkedItems = new (string Id, string Version, string? Failure)[items.Length];
        Parallel.For(0, items.Length, i =>
        {
            var item = items[i];
            var id = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : $"$.objects[{i}]";
            var version = item.ValueKind == JsonValueKind.Object && (item.TryGetProperty("modified", out var v) || item.TryGetProperty("created", out v)) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "unversioned";
            var errors = new List<ValidationIssue>();
            StixValidator.ValidateObject(item, $"$.objects[{i}]", errors);
            var fatal = errors.Where(e => e.Severity == Severity.Error).Take(3).ToList();
            checkedItems[i] = (id, version, fatal.Count == 0 ? null : string.Join("; ", fatal.Select(e => $"{e.Code} {e.Path}: {e.Message}")));
        });

        var successes = new JsonArray();
        var failures = new JsonArray();
        var fresh = new List<int>();
        await Node.ReadAsync(state =>
        {
            var existing = state.Collections.GetValueOrDefault(collection.Id);
            var added = new HashSet<(string, string)>();
            for (var i = 0; i < items.Length; i++)
            {
                var (id, version, failure) = checkedItems[i];
                if (failure is not null)
                {
                    failures.Add(new JsonObject { ["id"] = id, ["version"] = version, ["message"] = failure });
                }
                else if (!added.Add((id, version)) || (existing is not null && existing.VersionsOf(id).Contains(version)))
                {
                    successes.Add(new JsonObject { ["id"] = id, ["version"] = version, ["message"] = "already in the collection" });
                }
                else
                {
                    fresh.Add(i);
                    successes.Add(new JsonObject { ["id"] = id, ["version"] = version, ["message"] = $"added to collection {collection.Alias}" });
                }
            }

            return 0;
        }, cancellationToken).ConfigureAwait(false);

        if (fresh.Count > 0)
        {
            // date_added must follow log order for cursors to stay correct, so dates are taken, signed and logged under one lock.
            await _postGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var firstAdded = await Node.ReadAsync(state => NextDateAdded(state, fresh.Count), cancellationToken).ConfigureAwait(false);
                var records = new AccordRecord[fresh.Count];
                var now = DateTime.UtcNow;
                Parallel.For(0, fresh.Count, () => keyFor(party) ?? throw new InvalidOperationException($"no key for {party}"), (n, _, key) =>
                {
                    var body = new JsonObject
                    {
                        ["collection"] = collection.Id,
                        ["date_added"] = TaxiiApi.TaxiiTime(firstAdded.AddTicks(10L * n)),
                        ["object"] = JsonNode.Parse(items[fresh[n]].GetRawText()),
                    };
                    // Time-ordered (v7) ids: indexes keyed by record id grow at their end instead of touching a random page per
                    // object, which made the projection's commits three times slower at a million objects.
                    var record = AccordRecord.Sign(RecordKinds.StixObject, $"{RecordKinds.StixObject}--{Guid.CreateVersion7()}", party, now, body, key);
                    record.StixValidated = true;

                    // The node signed this record a moment ago with the poster's key: no need to verify its own signature.
                    record.Vouch(key.PublicKey);
                    records[n] = record;
                    return key;
                }, key => key.Dispose());
                await Node.SubmitBatchAsync(records, cancellationToken, integrate: !DeferCheckpoints).ConfigureAwait(false);
            }
            finally
            {
                _postGate.Release();
            }
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
            await _postGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await DeleteLockedAsync(collection, party, targets, key, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _postGate.Release();
            }
        }
    }

    private async Task<bool> DeleteLockedAsync(CollectionDescriptor collection, string party, List<CollectionObject> targets, PartyKey key, CancellationToken cancellationToken)
    {
        var records = new List<AccordRecord>();
        foreach (var target in targets)
        {
            var dateAdded = await Node.ReadAsync(NextDateAdded, cancellationToken).ConfigureAwait(false);
            var body = new JsonObject { ["collection"] = collection.Id, ["date_added"] = TaxiiApi.TaxiiTime(dateAdded), ["deleted"] = true, ["object"] = target.Json.DeepClone() };
            records.Add(AccordRecord.Sign(RecordKinds.StixObject, $"{RecordKinds.StixObject}--{Guid.CreateVersion7()}", party, DateTime.UtcNow, body, key));
        }

        await Node.SubmitBatchAsync(records, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public void Dispose() => _postGate.Dispose();
}
