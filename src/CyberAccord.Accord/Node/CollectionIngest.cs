using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Accord.Node;

/// <summary>What became of one object offered to a collection: its id, its version, and why.</summary>
public sealed record IngestOutcome(string Id, string Version, string Message);

/// <summary>The outcome of every object of one envelope, those added (or already there) and those refused.</summary>
public sealed record IngestResult(IReadOnlyList<IngestOutcome> Successes, IReadOnlyList<IngestOutcome> Failures);

/// <summary>
/// How shared STIX objects enter and leave a node's collections (what TAXII POST and DELETE do): validation, the state's
/// collection rules per object, the date_added clock, signing with the poster's key and logging. The trust shortcuts (an
/// object validated here is not validated again; a record signed here a moment ago is not verified again) are taken here and
/// nowhere else.
/// </summary>
public sealed class CollectionIngest(AccordNode node, PartyKeyring keyring) : IDisposable
{
    private readonly Lock _clock = new();
    private readonly SemaphoreSlim _postGate = new(1, 1);
    private DateTime _lastAdded = DateTime.MinValue;

    public AccordNode Node { get; } = node;

    /// <summary>The keys this node signs with, for the posters it holds keys for.</summary>
    public PartyKeyring Keyring { get; } = keyring;

    /// <summary>A date_added as TAXII writes it: UTC with microseconds, the precision cursors rely on.</summary>
    public static string FormatDateAdded(DateTime time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The first of <paramref name="count"/> date_added values, each a microsecond after the previous and after every
    /// earlier one.
    /// </summary>
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

    /// <summary>
    /// Validates each object of <paramref name="objects"/> (a JSON array), judges it by the state's collection rules, signs the
    /// admitted ones as <paramref name="party"/>'s records and logs them as one batch. Every object gets an outcome; one
    /// refused object fails alone. With <paramref name="integrate"/> false the batch is durably sequenced and applied, and the
    /// signed checkpoint is left to <see cref="AccordNode.IntegrateAsync"/>.
    /// </summary>
    public async Task<IngestResult> AddAsync(
        CollectionDescriptor collection,
        string party,
        JsonElement objects,
        bool integrate,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var items = objects.EnumerateArray().ToArray();

        // Validation and signing are per object and run on every core; what depends on order (duplicates, date_added) does not.
        var checkedItems = new (string Id, string Version, string? Failure)[items.Length];
        var parsed = new JsonObject?[items.Length];
        Parallel.For(0, items.Length, i =>
        {
            var item = items[i];
            var id = item.ValueKind == JsonValueKind.Object
                && item.TryGetProperty("id", out var idElement)
                && idElement.ValueKind == JsonValueKind.String
                ? idElement.GetString()!
                : $"$.objects[{i}]";
            var version = item.ValueKind == JsonValueKind.Object
                && (item.TryGetProperty("modified", out var v) || item.TryGetProperty("created", out v))
                && v.ValueKind == JsonValueKind.String
                ? v.GetString()!
                : "unversioned";
            var errors = new List<ValidationIssue>();
            StixValidator.ValidateObject(item, $"$.objects[{i}]", errors);
            var fatal = errors.Where(e => e.Severity == Severity.Error).Take(3).ToList();
            checkedItems[i] = (
                id,
                version,
                fatal.Count == 0 ? null : string.Join("; ", fatal.Select(e => $"{e.Code} {e.Path}: {e.Message}")));
            if (fatal.Count == 0)
            {
                parsed[i] = JsonNode.Parse(item.GetRawText())!.AsObject();
            }
        });

        var successes = new List<IngestOutcome>();
        var failures = new List<IngestOutcome>();

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
                    await AdmitLockedAsync(
                        collection,
                        party,
                        items,
                        checkedItems,
                        parsed,
                        successes,
                        failures,
                        integrate,
                        cancellationToken).ConfigureAwait(false);
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

        return new IngestResult(successes, failures);
    }

    /// <summary>
    /// Judges each valid object by the state's collection rules, then signs and logs the admitted ones; under the post gate.
    /// </summary>
    private async Task AdmitLockedAsync(
        CollectionDescriptor collection,
        string party,
        JsonElement[] items,
        (string Id, string Version, string? Failure)[] checkedItems,
        JsonObject?[] parsed,
        List<IngestOutcome> successes,
        List<IngestOutcome> failures,
        bool integrate,
        CancellationToken cancellationToken)
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
                    failures.Add(new IngestOutcome(id, version, failure));
                    continue;
                }

                var stix = items[i];
                if (added.TryGetValue((id, version), out var earlier))
                {
                    if (JsonElement.DeepEquals(earlier, stix))
                    {
                        successes.Add(new IngestOutcome(id, version, "already in the collection"));
                    }
                    else
                    {
                        failures.Add(new IngestOutcome(id, version, "this envelope holds two different objects with this id and version"));
                    }

                    continue;
                }

                var verdict = state.JudgeAdd(collection, party, stix);
                switch (verdict.Kind)
                {
                    case StixVerdictKind.Refused:
                        failures.Add(new IngestOutcome(id, version, verdict.Message));
                        break;
                    case StixVerdictKind.AlreadyThere:
                        successes.Add(new IngestOutcome(id, version, verdict.Message));
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
        Parallel.For(
            0,
            fresh.Count,
            () => Keyring.KeyFor(party) ?? throw new InvalidOperationException($"no key for {party}"),
            (n, _, key) =>
            {
                var body = new JsonObject
                {
                    ["collection"] = collection.Id,
                    ["date_added"] = FormatDateAdded(firstAdded.AddTicks(10L * n)),
                    ["object"] = parsed[fresh[n]],
                };
                // Time-ordered (v7) ids sort as the records were made, so an index keyed by record id grows at its end
                // (random ids made the store's id index, since dropped, touch a random page per object: 3x slower at 1 M).
                var record = AccordRecord.Sign(
                    RecordKinds.StixObject,
                    $"{RecordKinds.StixObject}--{Guid.CreateVersion7()}",
                    party,
                    now,
                    body,
                    key);
                record.StixValidated = true;

                // The node signed this record a moment ago with the poster's key: no need to verify its own signature.
                record.Vouch(key.PublicKey);
                records[n] = record;
                var size = record.ToEntry().Length;
                if (size > CyberAccord.Log.Tiles.EntryBundle.MaxEntrySize)
                {
                    tooLarge[n] = $"the object is {size:N0} bytes as a signed log entry; "
                        + $"entries hold at most {CyberAccord.Log.Tiles.EntryBundle.MaxEntrySize:N0}";
                }

                return key;
            },
            key => key.Dispose());
        var accepted = new List<AccordRecord>(fresh.Count);
        for (var n = 0; n < fresh.Count; n++)
        {
            var (id, version, _) = checkedItems[fresh[n]];
            if (tooLarge[n] is { } reason)
            {
                failures.Add(new IngestOutcome(id, version, reason));
            }
            else
            {
                accepted.Add(records[n]);
                successes.Add(new IngestOutcome(id, version, labels[fresh[n]]));
            }
        }

        await Node.SubmitBatchAsync(accepted, cancellationToken, integrate).ConfigureAwait(false);
    }

    /// <summary>
    /// Appends deletion records for an object's versions; null when there is nothing to delete, false when the party may not.
    /// </summary>
    public async Task<bool?> DeleteAsync(
        CollectionDescriptor collection,
        string party,
        string objectId,
        IReadOnlySet<string>? versions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var (targets, owned) = await Node.ReadAsync(state =>
        {
            var index = state.Collections.GetValueOrDefault(collection.Id);
            var live = index is null ? [] : index.LiveVersions(objectId).Values
                .Where(o => collection.CanSee(party, o) && (versions is null || versions.Contains(o.Version))).ToList();
            return (
                live,
                live.All(o => state.JudgeDelete(collection, party, JsonSerializer.SerializeToElement(o.Json)).Kind == StixVerdictKind.Add));
        }, cancellationToken).ConfigureAwait(false);
        if (targets.Count == 0)
        {
            return null;
        }

        if (!owned || Keyring.KeyFor(party) is not { } key)
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

    private async Task<bool> DeleteLockedAsync(
        CollectionDescriptor collection,
        string party,
        List<CollectionObject> targets,
        PartyKey key,
        CancellationToken cancellationToken)
    {
        var records = new List<AccordRecord>();
        foreach (var target in targets)
        {
            var dateAdded = await Node.ReadAsync(NextDateAdded, cancellationToken).ConfigureAwait(false);
            var body = new JsonObject
            {
                ["collection"] = collection.Id,
                ["date_added"] = FormatDateAdded(dateAdded),
                ["deleted"] = true,
                ["object"] = target.Json.DeepClone(),
            };
            records.Add(AccordRecord.Sign(
                RecordKinds.StixObject,
                $"{RecordKinds.StixObject}--{Guid.CreateVersion7()}",
                party,
                DateTime.UtcNow,
                body,
                key));
        }

        await Node.SubmitBatchAsync(records, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public void Dispose() => _postGate.Dispose();
}
