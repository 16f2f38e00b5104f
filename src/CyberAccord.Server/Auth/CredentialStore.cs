using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Log.Storage.Files;

namespace CyberAccord.Server.Auth;

/// <summary>
/// A party's stored credentials: a PBKDF2 hash of its TAXII password (a human secret, so slow to guess) and a SHA-256
/// hash of its API token (a random 192-bit secret, so a fast hash loses nothing and lets a token be looked up by hash).
/// </summary>
public sealed record PartyCredentials(string Party, string TaxiiUser, string PasswordHash, string TokenHash);

/// <summary>The outcome of a password check: the party, or null; and when the throttle refused it, how long to wait.</summary>
public sealed record PasswordCheck(string? Party, TimeSpan? RetryAfter)
{
    public bool Throttled => RetryAfter is not null;
}

/// <summary>
/// The parties that may sign in. Loaded from the node's hashed credential file (<c>keys/credentials.json</c>), which it
/// re-reads when the file changes, so that <c>accord credential</c> takes effect on a serving node.
/// </summary>
public sealed class CredentialStore
{
    private const string Pbkdf2Prefix = "pbkdf2-sha512$";
    private const string Sha256Prefix = "sha256$";

    // A hash of a random secret that no password matches, checked for users that do not exist.
    private static readonly Lazy<string> s_unknownUser = new(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));

    private readonly string? _path;
    private readonly Lock _reloading = new();
    private volatile Snapshot _snapshot;

    // PBKDF2 costs ~100 ms by design; a password that verified once is remembered by its SHA-256, so a signed-in client
    // costs one fast hash per request. Keyed by the stored hash too, so a rotated password is not remembered.
    private readonly ConcurrentDictionary<string, string> _verified = new(StringComparer.Ordinal);
    private long _passwordHashes;
    private int _hashesRunning;
    private int _hashesPeak;

    // Password hashes run at most on half the cores at once, so that guesses from many addresses queue here instead of
    // starving every other request of CPU. Its wait handle is never taken, so the semaphore holds nothing to dispose.
    private readonly SemaphoreSlim _hashing;

    private sealed record Snapshot(
        DateTime Written,
        long Length,
        Dictionary<string, PartyCredentials> ByUser,
        Dictionary<string, PartyCredentials> ByTokenHash,
        IReadOnlyList<string> LegacyTokens);

    /// <param name="maxConcurrentHashes">How many password hashes may run at once (default: half the cores, at least one).</param>
    public CredentialStore(IEnumerable<PartyCredentials> credentials, TimeProvider? time = null, int? maxConcurrentHashes = null)
    {
        _snapshot = Index(credentials, DateTime.MinValue, -1);
        Throttle = new PasswordThrottle(time ?? TimeProvider.System);
        _hashing = NewHashingGate(maxConcurrentHashes);
    }

    private CredentialStore(string path, TimeProvider time, int? maxConcurrentHashes)
    {
        _path = path;
        _snapshot = Read(path);
        Throttle = new PasswordThrottle(time);
        _hashing = NewHashingGate(maxConcurrentHashes);
    }

    private static SemaphoreSlim NewHashingGate(int? max)
    {
        var count = max ?? Math.Max(1, Environment.ProcessorCount / 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(max));
        return new SemaphoreSlim(count, count);
    }

    /// <summary>The most password hashes that ran at once.</summary>
    public int PasswordHashesPeak => Volatile.Read(ref _hashesPeak);

    /// <summary>The one throttle every password check goes through.</summary>
    public PasswordThrottle Throttle { get; }

    /// <summary>How many PBKDF2 derivations this store has run: what guessing costs the node.</summary>
    public long PasswordHashes => Interlocked.Read(ref _passwordHashes);

    /// <summary>Parties whose token is stored in the old PBKDF2 form, which bearer lookup no longer accepts; rotate them.</summary>
    public IReadOnlyList<string> LegacyTokenParties => Current.LegacyTokens;

    /// <summary>A store that follows the credential file at <paramref name="path"/> (absent: no one may sign in).</summary>
    public static CredentialStore Load(string path, TimeProvider? time = null, int? maxConcurrentHashes = null) =>
        new(path, time ?? TimeProvider.System, maxConcurrentHashes);

    /// <summary>A PBKDF2-SHA512 hash of a password, in the form this store reads.</summary>
    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(secret, salt, 210_000, HashAlgorithmName.SHA512, 32);
        return $"{Pbkdf2Prefix}210000${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>The SHA-256 hash of an API token, in the form this store reads.</summary>
    public static string HashToken(string token) => Sha256Prefix + TokenDigest(token);

    /// <summary>The stored credentials, by party (no secrets: hashes only).</summary>
    public IReadOnlyCollection<PartyCredentials> All => Current.ByUser.Values;

    /// <summary>
    /// Checks a user's password through <see cref="Throttle"/>: a refused attempt runs no hash. An attempt held back only
    /// by others for the same user and address still being hashed waits for them (at most <paramref name="maxWait"/>,
    /// default 10 s), then either uses their verified result or is refused by their failures.
    /// </summary>
    public async Task<PasswordCheck> CheckPasswordAsync(
        string user, string password, string address, CancellationToken cancellationToken, TimeSpan? maxWait = null)
    {
        ArgumentNullException.ThrowIfNull(password);

        // The common case, a party's client with its right password, costs a lookup: no timer, no reservation.
        var known = Current.ByUser.GetValueOrDefault(user);
        if (known is not null && _verified.ContainsKey(VerifiedKey(known.PasswordHash, password)))
        {
            return Throttle.MayUseVerified(user, address, out var heldBack)
                ? new PasswordCheck(known.Party, null)
                : new PasswordCheck(null, heldBack);
        }

        using var waiting = new CancellationTokenSource(maxWait ?? TimeSpan.FromSeconds(10));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(waiting.Token, cancellationToken);
        while (true)
        {
            var credentials = Current.ByUser.GetValueOrDefault(user);

            // A password that verified before costs no hash: only failures hold it back, not other requests in flight.
            if (credentials is not null && _verified.ContainsKey(VerifiedKey(credentials.PasswordHash, password)))
            {
                return Throttle.MayUseVerified(user, address, out var held)
                    ? new PasswordCheck(credentials.Party, null)
                    : new PasswordCheck(null, held);
            }

            if (Throttle.TryReserve(user, address, out var wait, out var inFlightEnds))
            {
                string? party = null;
                try
                {
                    // An unknown user costs the same hash as a wrong password, so timing does not tell which users exist.
                    var verified = await VerifyPasswordAsync(credentials?.PasswordHash ?? s_unknownUser.Value, password, cancellationToken)
                        .ConfigureAwait(false);
                    party = credentials is not null && verified ? credentials.Party : null;
                    return new PasswordCheck(party, null);
                }
                finally
                {
                    Throttle.Release(user, address, party is not null);
                }
            }

            if (inFlightEnds is null)
            {
                return new PasswordCheck(null, wait);
            }

            try
            {
                await inFlightEnds.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (waiting.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return new PasswordCheck(null, wait);
            }
        }
    }

    /// <summary>The party whose API token this is: one SHA-256 and a dictionary lookup, whatever the number of parties.</summary>
    public string? CheckToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var digest = TokenDigest(token);
        if (!Current.ByTokenHash.TryGetValue(digest, out var credentials))
        {
            return null;
        }

        // The lookup already matched; compare again in constant time so that no code path compares secrets by early exit.
        var stored = Encoding.ASCII.GetBytes(credentials.TokenHash[Sha256Prefix.Length..]);
        return CryptographicOperations.FixedTimeEquals(stored, Encoding.ASCII.GetBytes(digest))
            ? credentials.Party
            : null;
    }

    /// <summary>Reads a credential file: party id → user and hashes.</summary>
    public static IReadOnlyList<PartyCredentials> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.EnumerateObject().Select(p => new PartyCredentials(
            p.Name,
            p.Value.GetProperty("taxii_user").GetString()!,
            p.Value.GetProperty("password_hash").GetString()!,
            p.Value.GetProperty("token_hash").GetString()!)).ToList();
    }

    /// <summary>
    /// Writes a credential file atomically (a complete 0600 file renamed over the old one), so that a serving node never
    /// reads half of it.
    /// </summary>
    public static async Task WriteFileAsync(string path, IEnumerable<PartyCredentials> credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var file = new JsonObject();
        foreach (var c in credentials.OrderBy(c => c.Party, StringComparer.Ordinal))
        {
            file[c.Party] = new JsonObject
            {
                ["taxii_user"] = c.TaxiiUser,
                ["password_hash"] = c.PasswordHash,
                ["token_hash"] = c.TokenHash,
            };
        }

        var temporary = path + "." + Environment.ProcessId + ".tmp";
        var text = file.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        await SecretFile.WriteAsync(temporary, text, overwrite: true, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    private Snapshot Current
    {
        get
        {
            var snapshot = _snapshot;
            if (_path is null)
            {
                return snapshot;
            }

            // One stat per check: a changed file (CLI writes rename a new one into place) is read again.
            var info = new FileInfo(_path);
            var (written, length) = info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1L);
            if (written == snapshot.Written && length == snapshot.Length)
            {
                return snapshot;
            }

            lock (_reloading)
            {
                if (_snapshot.Written != written || _snapshot.Length != length)
                {
                    try
                    {
                        _snapshot = Read(_path);
                    }
                    catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or KeyNotFoundException)
                    {
                        // Fail closed: an unreadable file admits no one rather than the credentials it held before.
                        _snapshot = Index([], written, length);
                    }
                }

                return _snapshot;
            }
        }
    }

    private static Snapshot Read(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? Index(ReadFile(path), info.LastWriteTimeUtc, info.Length) : Index([], DateTime.MinValue, -1);
    }

    private static Snapshot Index(IEnumerable<PartyCredentials> credentials, DateTime written, long length)
    {
        var all = credentials.ToList();
        var byToken = new Dictionary<string, PartyCredentials>(StringComparer.Ordinal);
        var legacy = new List<string>();
        foreach (var c in all)
        {
            if (c.TokenHash.StartsWith(Sha256Prefix, StringComparison.Ordinal))
            {
                byToken[c.TokenHash[Sha256Prefix.Length..]] = c;
            }
            else
            {
                legacy.Add(c.Party);
            }
        }

        return new Snapshot(written, length, all.ToDictionary(c => c.TaxiiUser, StringComparer.Ordinal), byToken, legacy);
    }

    private static string TokenDigest(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string VerifiedKey(string stored, string password) => stored + "|" + TokenDigest(password);

    private async Task<bool> VerifyPasswordAsync(string stored, string password, CancellationToken cancellationToken)
    {
        await _hashing.WaitAsync(cancellationToken).ConfigureAwait(false);
        var running = Interlocked.Increment(ref _hashesRunning);
        try
        {
            for (var peak = Volatile.Read(ref _hashesPeak); running > peak; peak = Volatile.Read(ref _hashesPeak))
            {
                Interlocked.CompareExchange(ref _hashesPeak, running, peak);
            }

            return VerifyPassword(stored, password);
        }
        finally
        {
            Interlocked.Decrement(ref _hashesRunning);
            _hashing.Release();
        }
    }

    private bool VerifyPassword(string stored, string password)
    {
        var key = VerifiedKey(stored, password);
        if (_verified.ContainsKey(key))
        {
            return true;
        }

        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] + "$" != Pbkdf2Prefix
            || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        Interlocked.Increment(ref _passwordHashes);
        var expected = Convert.FromBase64String(parts[3]);
        var salt = Convert.FromBase64String(parts[2]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return false;
        }

        _verified[key] = string.Empty;
        return true;
    }
}
