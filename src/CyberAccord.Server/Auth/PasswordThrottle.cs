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

    // Completed (and replaced) whenever an attempt ends, for attempts waiting on those in flight.
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Attempts
    {
        public List<DateTimeOffset> Failures { get; } = [];

        public int InFlight { get; set; }
    }

    /// <summary>
    /// Reserves one attempt for the pair: true when it may check a password (then call <see cref="Release"/> once, with
    /// the outcome); false with how long to wait when the pair or the address has used its attempts.
    /// </summary>
    public bool TryReserve(string user, string address, out TimeSpan retryAfter) => TryReserve(user, address, out retryAfter, out _);

    /// <param name="inFlightEnds">
    /// When only attempts still being checked hold this one back (not failures), a task that completes when one of them
    /// ends: the caller may wait for it and try again, rather than refuse a client that sent several requests at once.
    /// </param>
    public bool TryReserve(string user, string address, out TimeSpan retryAfter, out Task? inFlightEnds)
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
            var failed = Longest(
                Wait(pair, MaxFailures, now, countInFlight: false), Wait(all, MaxFailuresPerAddress, now, countInFlight: false));
            var busy = Longest(Wait(pair, MaxFailures, now), Wait(all, MaxFailuresPerAddress, now));
            if (failed is not null || busy is not null)
            {
                retryAfter = failed ?? busy!.Value;
                inFlightEnds = failed is null ? _released.Task : null;
                return false;
            }

            pair.InFlight++;
            all.InFlight++;
            retryAfter = TimeSpan.Zero;
            inFlightEnds = null;
            return true;
        }
    }

    /// <summary>A wait as a Retry-After header value: whole seconds, at least one.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static TimeSpan? Longest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>
    /// Whether a password already verified (so no hash runs) may be used: only failures hold it back, not attempts in
    /// flight, so that a client sending many requests at once with its right password is not refused.
    /// </summary>
    public bool MayUseVerified(string user, string address, out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var pairWait = Wait(Get(_byUserAndAddress, (user, address)), MaxFailures, now, countInFlight: false);
            var addressWait = Wait(Get(_byAddress, address), MaxFailuresPerAddress, now, countInFlight: false);
            retryAfter = new[] { pairWait ?? TimeSpan.Zero, addressWait ?? TimeSpan.Zero }.Max();
            return pairWait is null && addressWait is null;
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
            var released = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            released.SetResult();
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

    private static TimeSpan? Wait(Attempts attempts, int limit, DateTimeOffset now, bool countInFlight = true)
    {
        attempts.Failures.RemoveAll(f => now - f > Window);
        if (attempts.Failures.Count + (countInFlight ? attempts.InFlight : 0) < limit)
        {
            return null;
        }

        // Held back only by attempts still being checked: they end within a hash's time.
        return attempts.Failures.Count >= limit ? attempts.Failures[^limit] + Window - now : TimeSpan.FromSeconds(1);
    }

    private void Sweep(DateTimeOffset now)
    {
        bool Stale(Attempts a) => a.InFlight == 0 && a.Failures.TrueForAll(f => now - f > Window);
        foreach (var key in _byUserAndAddress.Where(e => Stale(e.Value)).Select(e => e.Key).ToList())
        {
            _byUserAndAddress.Remove(key);
        }

        foreach (var key in _byAddress.Where(e => Stale(e.Value)).Select(e => e.Key).ToList())
        {
            _byAddress.Remove(key);
        }
    }
}
