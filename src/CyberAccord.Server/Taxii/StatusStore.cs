using System.Text.Json.Nodes;

namespace CyberAccord.Server.Taxii;

/// <summary>How long TAXII status resources live and how much of them the node keeps.</summary>
public sealed record StatusStoreLimits
{
    /// <summary>The spec asks that a status be kept at least 24 hours.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Statuses kept per party; a party's oldest go first, so one party's POSTs cannot push out another's.</summary>
    public int MaxPerParty { get; init; } = 1_000;

    /// <summary>Bytes of serialized statuses kept per party; a party's oldest go first past it.</summary>
    public long MaxBytesPerParty { get; init; } = 32L * 1024 * 1024;

    /// <summary>Entries kept in each of a status's successes, failures and pendings lists; the counts stay exact.</summary>
    public int MaxEntriesPerList { get; init; } = 1_000;
}

/// <summary>
/// TAXII status resources of POSTs, each readable only by the party that posted. Statuses are stored serialized (a JSON tree
/// costs several times its text) and bounded by age, count and bytes per party, so a party posting large invalid envelopes
/// without end cannot grow the node's memory: before, 40 POSTs of a 750 KB invalid envelope grew it by 2 GB.
/// </summary>
public sealed class StatusStore(TimeProvider time, StatusStoreLimits limits)
{
    private static readonly string[] Lists = ["successes", "failures", "pendings"];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Stored> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PartyStatuses> _byParty = new(StringComparer.Ordinal);

    public StatusStore()
        : this(TimeProvider.System, new StatusStoreLimits())
    {
    }

    public StatusStoreLimits Limits { get; } = limits;

    /// <summary>
    /// Keeps <paramref name="status"/> for <paramref name="party"/>. Lists longer than <see cref="StatusStoreLimits.MaxEntriesPerList"/>
    /// are cut to their first entries in place, so the POST's answer and later reads agree; counts are left exact.
    /// Returns the status as kept, serialized: the bytes the POST answers with and later reads get.
    /// </summary>
    public byte[] Add(string party, JsonObject status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var id = status["id"]?.GetValue<string>() ?? throw new ArgumentException("a status needs an id", nameof(status));
        foreach (var name in Lists)
        {
            if (status[name] is JsonArray list && list.Count > Limits.MaxEntriesPerList)
            {
                while (list.Count > Limits.MaxEntriesPerList)
                {
                    list.RemoveAt(list.Count - 1);
                }
            }
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(TaxiiJson.Serialize(status));
        var now = time.GetUtcNow();
        lock (_lock)
        {
            Expire(now);
            if (!_byParty.TryGetValue(party, out var own))
            {
                own = new PartyStatuses();
                _byParty[party] = own;
            }

            if (_byId.Remove(id, out var replaced) && _byParty.TryGetValue(replaced.Party, out var previous))
            {
                previous.Bytes -= replaced.Json.Length;
            }

            var stored = new Stored(party, bytes, now);
            _byId[id] = stored;
            own.Order.Enqueue((id, stored));
            own.Bytes += bytes.Length;
            while (own.Order.Count > 1 && (own.Order.Count > Limits.MaxPerParty || own.Bytes > Limits.MaxBytesPerParty))
            {
                Drop(own, own.Order.Dequeue());
            }
        }

        return bytes;
    }

    /// <summary>The serialized status <paramref name="id"/> if <paramref name="party"/> posted it and it has not expired.</summary>
    public bool TryGet(string id, string party, out byte[] json)
    {
        lock (_lock)
        {
            Expire(time.GetUtcNow());
            if (_byId.TryGetValue(id, out var stored) && stored.Party == party)
            {
                json = stored.Json;
                return true;
            }
        }

        json = [];
        return false;
    }

    /// <summary>How many statuses are kept, and their bytes (for tests and metrics).</summary>
    public (int Count, long Bytes) Size
    {
        get
        {
            lock (_lock)
            {
                return (_byId.Count, _byParty.Values.Sum(p => p.Bytes));
            }
        }
    }

    private void Expire(DateTimeOffset now)
    {
        // Each party's queue is in the order its statuses were added, so the expired ones are at its front.
        foreach (var own in _byParty.Values)
        {
            while (own.Order.TryPeek(out var oldest) && now - oldest.Entry.Added >= Limits.Lifetime)
            {
                Drop(own, own.Order.Dequeue());
            }
        }
    }

    private void Drop(PartyStatuses own, (string Id, Stored Entry) queued)
    {
        // A queued id whose status was since replaced is stale: the newer status is not this one to drop.
        if (_byId.TryGetValue(queued.Id, out var current) && ReferenceEquals(current, queued.Entry))
        {
            _byId.Remove(queued.Id);
            own.Bytes -= current.Json.Length;
        }
    }

    private sealed record Stored(string Party, byte[] Json, DateTimeOffset Added);

    private sealed class PartyStatuses
    {
        public Queue<(string Id, Stored Entry)> Order { get; } = new();

        public long Bytes { get; set; }
    }
}
