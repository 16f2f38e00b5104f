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
