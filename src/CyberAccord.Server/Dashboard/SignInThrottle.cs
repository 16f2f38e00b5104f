using System.Collections.Concurrent;

namespace CyberAccord.Server.Dashboard;

/// <summary>
/// Slows password guessing on the sign-in page: after <see cref="MaxFailures"/> failed attempts for one user from one
/// address within <see cref="Window"/>, that pair is refused until the window has passed, without checking the password.
/// Keyed by user and address, so that a stranger cannot lock a party out from elsewhere.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string User, string Address), List<DateTimeOffset>> _failures = new();

    /// <summary>How long the pair must wait, or null when it may try.</summary>
    public TimeSpan? Blocked(string user, string address)
    {
        if (!_failures.TryGetValue((user, address), out var failures))
        {
            return null;
        }

        lock (failures)
        {
            var now = time.GetUtcNow();
            failures.RemoveAll(f => now - f > Window);
            return failures.Count >= MaxFailures ? failures[0] + Window - now : null;
        }
    }

    public void Failed(string user, string address)
    {
        var failures = _failures.GetOrAdd((user, address), _ => []);
        lock (failures)
        {
            failures.Add(time.GetUtcNow());
        }
    }

    public void Succeeded(string user, string address) => _failures.TryRemove((user, address), out _);
}
