using CyberAccord.Server.Dashboard;

namespace CyberAccord.Server.Tests.Dashboard;

public sealed class DashboardApiTests
{
    [Theory]
    [InlineData("/log", "/log")]
    [InlineData("/incidents/incident--1?x=1", "/incidents/incident--1?x=1")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/\tevil", "/")]
    [InlineData("log", "/")]
    public void After_sign_in_only_a_path_on_this_node_is_followed(string? returnUrl, string expected) =>
        Assert.Equal(expected, DashboardApi.LocalReturnUrl(returnUrl));
}

public sealed class SignInThrottleTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Five_failures_block_that_user_from_that_address_until_the_window_passes()
    {
        var clock = new Clock();
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.MaxFailures - 1; i++)
        {
            throttle.Failed("cn", "10.0.0.1");
        }

        Assert.Null(throttle.Blocked("cn", "10.0.0.1"));
        throttle.Failed("cn", "10.0.0.1");
        Assert.Equal(SignInThrottle.Window, throttle.Blocked("cn", "10.0.0.1"));

        // Another address, or another user, is not held back by these failures.
        Assert.Null(throttle.Blocked("cn", "10.0.0.2"));
        Assert.Null(throttle.Blocked("us", "10.0.0.1"));

        clock.Now += SignInThrottle.Window + TimeSpan.FromSeconds(1);
        Assert.Null(throttle.Blocked("cn", "10.0.0.1"));
    }

    [Fact]
    public void A_successful_sign_in_clears_the_failures()
    {
        var throttle = new SignInThrottle(new Clock());
        for (var i = 0; i < SignInThrottle.MaxFailures - 1; i++)
        {
            throttle.Failed("de", "10.0.0.1");
        }

        throttle.Succeeded("de", "10.0.0.1");
        throttle.Failed("de", "10.0.0.1");
        Assert.Null(throttle.Blocked("de", "10.0.0.1"));
    }
}

public sealed class ReturnUrlEncodingTests
{
    [Theory]
    [InlineData("/incidents/é", "/incidents/%C3%A9")]
    [InlineData("/log?x=日本", "/log?x=%E6%97%A5%E6%9C%AC")]
    [InlineData("/x/😀", "/x/%F0%9F%98%80")]
    public void A_non_ascii_return_url_is_percent_encoded_so_it_fits_a_location_header(string returnUrl, string expected) =>
        Assert.Equal(expected, DashboardApi.LocalReturnUrl(returnUrl));
}
