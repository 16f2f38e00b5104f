namespace CyberAccord.Server.Auth;

/// <summary>
/// Slows password guessing for every password check (TAXII Basic and the dashboard's sign-in): after
/// <see cref="MaxFailures"/> failed attempts for one user from one address within <see cref="Window"/>, or
/// <see cref="MaxFailuresPerAddress"/> from one address for any users, further attempts are refused without hashing.
/// An attempt is reserved before the slow hash and counted against the limit while it runs, so that concurrent guesses
/// cannot all pass the check before the first failure is recorded. Keyed by address, so that a stranger cannot lock a
/// party out from elsewhere.
/// </summary>
public sealed class PasswordThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;

    public const int MaxFailuresPerAddress = 20;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    // Bounds memory when guesses come from many addresses: stale keys are swept once the table is this large.
    private const int SweepAbove = 10_000;

    private readonly object _gate = new();
    private readonly Dictionary<(string User, string Address), Attempts> _byUserAndAddress = [];
    private readonly Dictionary<string, Attempts> _byAddress = new(StringComparer.Ordinal);

    private sealed class Attempts
    {
        public List<DateTimeOffset> Failures { get; } = [];

        public int InFlight { get; set; }
    }

    /// <summary>
    /// Reserves one attempt for the pair: true when it may check a password (then call <see cref="Release"/> once, with
    /// the outcome); false with how long to wait when the pair or the address has used its attempts.
    /// </summary>
    public bool TryReserve(string user, string address, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(address);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_byUserAndAddress.Count + _byAddress.Count > SweepAbove)
            {
                Sweep(now);
            }

            var pair = Get(_byUserAndAddress, (user, address));
            var all = Get(_byAddress, address);
            var pairWait = Wait(pair, MaxFailures, now);
            var addressWait = Wait(all, MaxFailuresPerAddress, now);
            if (pairWait is not null || addressWait is not null)
            {
                retryAfter = new[] { pairWait ?? TimeSpan.Zero, addressWait ?? TimeSpan.Zero }.Max();
                return false;
            }

            pair.InFlight++;
            all.InFlight++;
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    /// <summary>Ends a reserved attempt: a failure counts for the window; a success clears the pair's failures.</summary>
    public void Release(string user, string address, bool succeeded)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var pair = Get(_byUserAndAddress, (user, address));
            var all = Get(_byAddress, address);
            pair.InFlight = Math.Max(0, pair.InFlight - 1);
            all.InFlight = Math.Max(0, all.InFlight - 1);
            if (succeeded)
            {
                pair.Failures.Clear();
            }
            else
            {
                pair.Failures.Add(now);
                all.Failures.Add(now);
            }
        }
    }

    /// <summary>How long the pair must wait, or null when it may try now.</summary>
    public TimeSpan? Blocked(string user, string address)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var pairWait = Wait(Get(_byUserAndAddress, (user, address)), MaxFailures, now);
            var addressWait = Wait(Get(_byAddress, address), MaxFailuresPerAddress, now);
            return pairWait is null && addressWait is null ? null : new[] { pairWait ?? TimeSpan.Zero, addressWait ?? TimeSpan.Zero }.Max();
        }
    }

    private static Attempts Get<TKey>(Dictionary<TKey, Attempts> table, TKey key)
        where TKey : notnull
    {
        if (!table.TryGetValue(key, out var attempts))
        {
            attempts = new Attempts();
            table[key] = attempts;
        }

        return attempts;
    }

    private static TimeSpan? Wait(Attempts attempts, int limit, DateTimeOffset now)
    {
        attempts.Failures.RemoveAll(f => now - f > Window);
        if (attempts.Failures.Count + attempts.InFlight < limit)
        {
            return null;
        }

        // Held back only by attempts still being checked: they end within a hash's time.
        return attempts.Failures.Count >= limit ? attempts.Failures[^limit] + Window - now : TimeSpan.FromSeconds(1);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var key in _byUserAndAddress.Where(e => e.Value.InFlight == 0 && e.Value.Failures.TrueForAll(f => now - f > Window)).Select(e => e.Key).ToList())
        {
            _byUserAndAddress.Remove(key);
        }

        foreach (var key in _byAddress.Where(e => e.Value.InFlight == 0 && e.Value.Failures.TrueForAll(f => now - f > Window)).Select(e => e.Key).ToList())
        {
            _byAddress.Remove(key);
        }
    }
}
