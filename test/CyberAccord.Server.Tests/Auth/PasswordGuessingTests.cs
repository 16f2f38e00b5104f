using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using CyberAccord.Accord.Node;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Server.Auth;
using CyberAccord.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;

namespace CyberAccord.Server.Tests.Auth;

/// <summary>Guessing passwords and tokens: what each guess costs the node, and how few it lets through.</summary>
public sealed partial class PasswordGuessingTests : IAsyncLifetime
{
    private const string Password = "pw-x-correct horse";
    private const string Token = "cat_0123456789abcdef0123456789abcdef0123456789abcdef";

    private readonly TempDir _dir = new();
    private AccordNode _node = null!;
    private WebApplication _app = null!;
    private CredentialStore _credentials = null!;

    public async Task InitializeAsync()
    {
        await LogDirectory.InitAsync(Path.Combine(_dir.Path, "log"), "guessing.example/log", CancellationToken.None);
        var log = await LogDirectory.OpenAsync(Path.Combine(_dir.Path, "log"), TimeSpan.FromSeconds(5), CancellationToken.None);
        var projection = await SqliteAccordStore.OpenAsync(Path.Combine(_dir.Path, "accord.db"), CancellationToken.None);
        _node = await AccordNode.OpenAsync(log, projection, new BlobStore(Path.Combine(_dir.Path, "blobs")), null, CancellationToken.None);

        // Several parties: before the fix a bogus token cost one PBKDF2 per stored credential.
        _credentials = new CredentialStore(Enumerable.Range(0, 4).Select(i =>
            new PartyCredentials($"party--p{i}", $"p{i}", CredentialStore.Hash(Password), CredentialStore.HashToken(Token + i))));
        var options = new AccordServerOptions(["http://127.0.0.1:0"]);
        _app = AccordServer.Build(_node, _credentials, _ => null, options);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _node.DisposeAsync();
        _dir.Dispose();
    }

    private HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(_app.Urls.First()),
        };

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static FormUrlEncodedContent SignInForm(string antiforgery, string user, string password) => new(new Dictionary<string, string>
    {
        ["_handler"] = "signin",
        ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
        ["Input.User"] = user,
        ["Input.Password"] = password,
    });

    [Fact]
    public async Task A_bogus_bearer_token_costs_no_password_hash_however_many_parties_are_stored()
    {
        using var http = Client();
        for (var i = 0; i < 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/accord/scorecards");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "cat_bogus" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
        }

        Assert.Equal(0, _credentials.PasswordHashes);
        using var good = new HttpRequestMessage(HttpMethod.Get, "/accord/scorecards");
        good.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "2");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(good)).StatusCode);
        Assert.Equal(0, _credentials.PasswordHashes);
    }

    [Fact]
    public void Tokens_are_stored_as_sha256_and_passwords_as_pbkdf2()
    {
        Assert.StartsWith("sha256$", CredentialStore.HashToken(Token), StringComparison.Ordinal);
        Assert.StartsWith("pbkdf2-sha512$", CredentialStore.Hash(Password), StringComparison.Ordinal);
        Assert.Equal("party--p1", _credentials.CheckToken(Token + "1"));
        Assert.Null(_credentials.CheckToken(Token));
    }

    [Fact]
    public async Task A_hundred_concurrent_wrong_basic_guesses_hash_at_most_five_passwords_and_the_rest_get_retry_after()
    {
        using var http = Client();
        var guesses = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/taxii2/");
            request.Headers.Authorization = Basic("p1", "guess " + i);
            request.Headers.Accept.ParseAdd("application/taxii+json;version=2.1");
            using var response = await http.SendAsync(request);
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter is not null);
        }));

        Assert.All(guesses, g => Assert.Equal(HttpStatusCode.Unauthorized, g.StatusCode));
        Assert.InRange(_credentials.PasswordHashes, 1, PasswordThrottle.MaxFailures);
        Assert.True(guesses.Count(g => g.RetryAfter) >= 100 - PasswordThrottle.MaxFailures, "throttled guesses say when to try again");

        // The right password is held back too until the window passes: the guesser cannot tell it was right.
        using var right = new HttpRequestMessage(HttpMethod.Get, "/taxii2/");
        right.Headers.Authorization = Basic("p1", Password);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(right)).StatusCode);
        Assert.InRange(_credentials.PasswordHashes, 1, PasswordThrottle.MaxFailures);
    }

    [Fact]
    public async Task A_hundred_concurrent_wrong_dashboard_sign_ins_hash_at_most_five_passwords()
    {
        var cookies = new CookieContainer();
        using var http = Client(cookies);
        var form = await http.GetStringAsync("/signin");
        var antiforgery = AntiforgeryField().Match(form).Groups[1].Value;
        Assert.NotEmpty(antiforgery);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            using var content = SignInForm(antiforgery, "p2", "guess " + i);
            using var response = await http.PostAsync("/signin", content);
            return response.StatusCode;
        }));

        Assert.InRange(_credentials.PasswordHashes, 1, PasswordThrottle.MaxFailures);
        // Held back without a hash: by the password throttle (429), or first by the anonymous request limit (503), which
        // gives one address only a few slots at once.
        var throttled = statuses.Count(s => s is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable);
        Assert.True(throttled >= 100 - PasswordThrottle.MaxFailures, string.Join(",", statuses));
    }

    [Fact]
    public void Many_concurrent_first_requests_with_the_right_password_all_succeed_after_one_batch_of_hashes()
    {
        var store = PasswordThrottleTests.OneParty();
        var results = PasswordThrottleTests.AtOnce(40, _ => store.CheckPasswordAsync("x", "right", "10.0.0.1", CancellationToken.None));
        Assert.All(results, r => Assert.Equal("party--x", r.Party));
        Assert.InRange(store.PasswordHashes, 1, PasswordThrottle.MaxFailures);
    }

    [Fact]
    public async Task A_client_with_the_right_password_may_send_many_requests_at_once()
    {
        using var http = Client();
        var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/taxii2/");
            request.Headers.Authorization = Basic("p0", Password);
            request.Headers.Accept.ParseAdd("application/taxii+json;version=2.1");
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Basic_guesses_and_dashboard_sign_ins_share_one_throttle()
    {
        using var http = Client();
        for (var i = 0; i < PasswordThrottle.MaxFailures; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/taxii2/");
            request.Headers.Authorization = Basic("p3", "guess " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
        }

        var form = await http.GetStringAsync("/signin");
        using var content = SignInForm(AntiforgeryField().Match(form).Groups[1].Value, "p3", Password);
        using var response = await http.PostAsync("/signin", content);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class PasswordThrottleTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    internal static CredentialStore OneParty() =>
        new([new PartyCredentials("party--x", "x", CredentialStore.Hash("right"), CredentialStore.HashToken("cat_x"))]);

    /// <summary>Runs the checks on as many threads, released together, so that they truly overlap.</summary>
    internal static PasswordCheck[] AtOnce(int count, Func<int, Task<PasswordCheck>> check)
    {
        var results = new PasswordCheck[count];
        using var start = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            results[i] = check(i).GetAwaiter().GetResult();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return results;
    }

    private static void Fail(PasswordThrottle throttle, string user, string address)
    {
        Assert.True(throttle.TryReserve(user, address, out _));
        throttle.Release(user, address, succeeded: false);
    }

    [Fact]
    public void Five_failures_block_that_user_from_that_address_until_the_window_passes()
    {
        var clock = new Clock();
        var throttle = new PasswordThrottle(clock);
        for (var i = 0; i < PasswordThrottle.MaxFailures; i++)
        {
            Fail(throttle, "cn", "10.0.0.1");
        }

        Assert.False(throttle.TryReserve("cn", "10.0.0.1", out var wait));
        Assert.Equal(PasswordThrottle.Window, wait);

        // Another address, or another user, is not held back by these failures.
        Assert.Null(throttle.Blocked("cn", "10.0.0.2"));
        Assert.Null(throttle.Blocked("us", "10.0.0.1"));

        clock.Now += PasswordThrottle.Window + TimeSpan.FromSeconds(1);
        Assert.Null(throttle.Blocked("cn", "10.0.0.1"));
    }

    [Fact]
    public void Attempts_still_being_checked_count_against_the_limit()
    {
        var throttle = new PasswordThrottle(new Clock());
        for (var i = 0; i < PasswordThrottle.MaxFailures; i++)
        {
            Assert.True(throttle.TryReserve("us", "10.0.0.1", out _));
        }

        Assert.False(throttle.TryReserve("us", "10.0.0.1", out _));
    }

    [Fact]
    public void One_address_guessing_many_users_is_held_back_too()
    {
        var throttle = new PasswordThrottle(new Clock());
        for (var i = 0; i < PasswordThrottle.MaxFailuresPerAddress; i++)
        {
            Fail(throttle, "user" + i, "10.0.0.9");
        }

        Assert.False(throttle.TryReserve("another", "10.0.0.9", out _));
        Assert.True(throttle.TryReserve("another", "10.0.0.10", out _));
    }

    [Fact]
    public void A_successful_sign_in_clears_the_failures()
    {
        var throttle = new PasswordThrottle(new Clock());
        for (var i = 0; i < PasswordThrottle.MaxFailures - 1; i++)
        {
            Fail(throttle, "de", "10.0.0.1");
        }

        Assert.True(throttle.TryReserve("de", "10.0.0.1", out _));
        throttle.Release("de", "10.0.0.1", succeeded: true);
        Fail(throttle, "de", "10.0.0.1");
        Assert.Null(throttle.Blocked("de", "10.0.0.1"));
    }

    [Fact]
    public async Task An_unknown_user_costs_the_same_hash_as_a_wrong_password_so_timing_does_not_reveal_users()
    {
        var store = OneParty();
        Assert.Null((await store.CheckPasswordAsync("nobody", "guess", "10.0.0.1", CancellationToken.None)).Party);
        Assert.Equal(1, store.PasswordHashes);
        Assert.Null((await store.CheckPasswordAsync("x", "guess", "10.0.0.1", CancellationToken.None)).Party);
        Assert.Equal(2, store.PasswordHashes);
    }

    [Fact]
    public void Guesses_from_many_addresses_at_once_hash_no_more_passwords_at_a_time_than_the_store_allows()
    {
        var store = new CredentialStore(
            [new PartyCredentials("party--x", "x", CredentialStore.Hash("right"), CredentialStore.HashToken("cat_x"))],
            maxConcurrentHashes: 1);
        var results = AtOnce(12, i => store.CheckPasswordAsync("x", "wrong", $"10.0.1.{i}", CancellationToken.None));
        Assert.All(results, r => Assert.Null(r.Party));
        Assert.Equal(12, store.PasswordHashes);
        Assert.Equal(1, store.PasswordHashesPeak);
    }

    [Fact]
    public void A_hundred_concurrent_wrong_guesses_hash_at_most_five_passwords()
    {
        var store = OneParty();
        var results = AtOnce(100, i => store.CheckPasswordAsync("x", "wrong " + i, "10.0.0.1", CancellationToken.None));
        Assert.All(results, r => Assert.Null(r.Party));
        Assert.InRange(store.PasswordHashes, 1, PasswordThrottle.MaxFailures);
        Assert.Equal(100 - store.PasswordHashes, results.Count(r => r.Throttled));
    }
}

public sealed class CredentialFileTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_credential_file_rewritten_while_in_use_is_read_again_and_revoked_entries_stop_working()
    {
        var path = _dir.Sub("credentials.json");
        var store = CredentialStore.Load(path);
        Assert.Null(store.CheckToken("cat_a"));

        var credentials = new PartyCredentials("party--a", "a", CredentialStore.Hash("pw"), CredentialStore.HashToken("cat_a"));
        await CredentialStore.WriteFileAsync(path, [credentials], CancellationToken.None);
        Assert.Equal("party--a", store.CheckToken("cat_a"));
        Assert.Equal("party--a", (await store.CheckPasswordAsync("a", "pw", "::1", CancellationToken.None)).Party);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        await CredentialStore.WriteFileAsync(path, [], CancellationToken.None);
        Assert.Null(store.CheckToken("cat_a"));
        Assert.Null((await store.CheckPasswordAsync("a", "pw", "::1", CancellationToken.None)).Party);
    }

    [Fact]
    public async Task A_token_stored_in_the_old_pbkdf2_form_is_not_hashed_per_request_but_reported_for_rotation()
    {
        var path = _dir.Sub("credentials.json");
        var legacy = new PartyCredentials("party--old", "old", CredentialStore.Hash("pw"), CredentialStore.Hash("cat_old"));
        await CredentialStore.WriteFileAsync(path, [legacy], CancellationToken.None);
        var store = CredentialStore.Load(path);
        Assert.Null(store.CheckToken("cat_old"));
        Assert.Equal(0, store.PasswordHashes);
        Assert.Equal(["party--old"], store.LegacyTokenParties);
        Assert.Equal("party--old", (await store.CheckPasswordAsync("old", "pw", "::1", CancellationToken.None)).Party);
    }
}
