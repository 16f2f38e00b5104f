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
public sealed class ReturnUrlEncodingTests
{
    [Theory]
    [InlineData("/incidents/é", "/incidents/%C3%A9")]
    [InlineData("/log?x=日本", "/log?x=%E6%97%A5%E6%9C%AC")]
    [InlineData("/x/😀", "/x/%F0%9F%98%80")]
    public void A_non_ascii_return_url_is_percent_encoded_so_it_fits_a_location_header(string returnUrl, string expected) =>
        Assert.Equal(expected, DashboardApi.LocalReturnUrl(returnUrl));
}
