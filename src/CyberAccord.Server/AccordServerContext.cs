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
        var parsed = new JsonObject?[items.Length];
        Parallel.For(0, items.Length, i =>
        {
            var item = items[i];
            var id = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : $"$.objects[{i}]";
            var version = item.ValueKind == JsonValueKind.Object && (item.TryGetProperty("modified", out var v) || item.TryGetProperty("created", out v)) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "unversioned";
            var errors = new List<ValidationIssue>();
            StixValidator.ValidateObject(item, $"$.objects[{i}]", errors);
            var fatal = errors.Where(e => e.Severity == Severity.Error).Take(3).ToList();
            checkedItems[i] = (id, version, fatal.Count == 0 ? null : string.Join("; ", fatal.Select(e => $"{e.Code} {e.Path}: {e.Message}")));
            if (fatal.Count == 0)
            {
                parsed[i] = JsonNode.Parse(item.GetRawText())!.AsObject();
            }
        });

        var successes = new JsonArray();
        var failures = new JsonArray();

        // Judged, dated, signed and logged under one lock: date_added must follow log order for cursors to stay correct, and
        // the judgement must hold for the state the records are applied to. Only a client-signed record submitted in between
        // can change that state; then the envelope is judged once more.
        await _postGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                successes.Clear();
                failures.Clear();
                try
                {
                    await AdmitLockedAsync(collection, party, items, checkedItems, parsed, successes, failures, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (RecordRejectedException) when (attempt == 0)
                {
                    for (var i = 0; i < items.Length; i++)
                    {
                        parsed[i] = checkedItems[i].Failure is null ? JsonNode.Parse(items[i].GetRawText())!.AsObject() : null;
                    }
                }
            }
        }
        finally
        {
            _postGate.Release();
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

    /// <summary>Judges each valid object by the state's collection rules, then signs and logs the admitted ones; under the post gate.</summary>
    private async Task AdmitLockedAsync(CollectionDescriptor collection, string party, JsonElement[] items, (string Id, string Version, string? Failure)[] checkedItems,
        JsonObject?[] parsed, JsonArray successes, JsonArray failures, CancellationToken cancellationToken)
    {
        var fresh = new List<int>();
        var labels = new Dictionary<int, string>();
        await Node.ReadAsync(state =>
        {
            // The same rules the state applies to every stix-object record, judged here object by object so that one
            // refused object fails alone in the status instead of refusing the envelope.
            var added = new Dictionary<(string, string), JsonElement>();
            for (var i = 0; i < items.Length; i++)
            {
                var (id, version, failure) = checkedItems[i];
                if (failure is not null)
                {
                    failures.Add(Entry(id, version, failure));
                    continue;
                }

                var stix = items[i];
                if (added.TryGetValue((id, version), out var earlier))
                {
                    if (JsonElement.DeepEquals(earlier, stix))
                    {
                        successes.Add(Entry(id, version, "already in the collection"));
                    }
                    else
                    {
                        failures.Add(Entry(id, version, "this envelope holds two different objects with this id and version"));
                    }

                    continue;
                }

                var verdict = state.JudgeAdd(collection, party, stix);
                switch (verdict.Kind)
                {
                    case StixVerdictKind.Refused:
                        failures.Add(Entry(id, version, verdict.Message));
                        break;
                    case StixVerdictKind.AlreadyThere:
                        successes.Add(Entry(id, version, verdict.Message));
                        break;
                    default:
                        added[(id, version)] = stix;
                        fresh.Add(i);
                        labels[i] = verdict.Message;
                        break;
                }
            }

            return 0;
        }, cancellationToken).ConfigureAwait(false);

        if (fresh.Count == 0)
        {
            return;
        }

        var firstAdded = await Node.ReadAsync(state => NextDateAdded(state, fresh.Count), cancellationToken).ConfigureAwait(false);
        var records = new AccordRecord[fresh.Count];
        var now = DateTime.UtcNow;
        var tooLarge = new string?[fresh.Count];
        Parallel.For(0, fresh.Count, () => keyFor(party) ?? throw new InvalidOperationException($"no key for {party}"), (n, _, key) =>
        {
            var body = new JsonObject
            {
                ["collection"] = collection.Id,
                ["date_added"] = TaxiiApi.TaxiiTime(firstAdded.AddTicks(10L * n)),
                ["object"] = parsed[fresh[n]],
            };
            // Time-ordered (v7) ids: indexes keyed by record id grow at their end instead of touching a random page per
            // object, which made the projection's commits three times slower at a million objects.
            var record = AccordRecord.Sign(RecordKinds.StixObject, $"{RecordKinds.StixObject}--{Guid.CreateVersion7()}", party, now, body, key);
            record.StixValidated = true;

            // The node signed this record a moment ago with the poster's key: no need to verify its own signature.
            record.Vouch(key.PublicKey);
            records[n] = record;
            var size = record.ToEntry().Length;
            if (size > CyberAccord.Log.Tiles.EntryBundle.MaxEntrySize)
            {
                tooLarge[n] = $"the object is {size:N0} bytes as a signed log entry; entries hold at most {CyberAccord.Log.Tiles.EntryBundle.MaxEntrySize:N0}";
            }

            return key;
        }, key => key.Dispose());
        var accepted = new List<AccordRecord>(fresh.Count);
        for (var n = 0; n < fresh.Count; n++)
        {
            var (id, version, _) = checkedItems[fresh[n]];
            if (tooLarge[n] is { } reason)
            {
                failures.Add(Entry(id, version, reason));
            }
            else
            {
                accepted.Add(records[n]);
                successes.Add(Entry(id, version, labels[fresh[n]]));
            }
        }

        await Node.SubmitBatchAsync(accepted, cancellationToken, integrate: !DeferCheckpoints).ConfigureAwait(false);
    }

    private static JsonObject Entry(string id, string version, string message) => new() { ["id"] = id, ["version"] = version, ["message"] = message };

    /// <summary>Appends deletion records for an object's versions; null when there is nothing to delete, false when the party may not.</summary>
    public async Task<bool?> DeleteAsync(CollectionDescriptor collection, string party, string objectId, IReadOnlySet<string>? versions, CancellationToken cancellationToken)
    {
        var (targets, owned) = await Node.ReadAsync(state =>
        {
            var index = state.Collections.GetValueOrDefault(collection.Id);
            var live = index is null ? [] : index.LiveVersions(objectId).Values
                .Where(o => collection.CanSee(party, o) && (versions is null || versions.Contains(o.Version))).ToList();
            return (live, live.All(o => state.JudgeDelete(collection, party, JsonSerializer.SerializeToElement(o.Json)).Kind == StixVerdictKind.Add));
        }, cancellationToken).ConfigureAwait(false);
        if (targets.Count == 0)
        {
            return null;
        }

        if (!owned || keyFor(party) is not { } key)
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
