using Microsoft.Playwright;

namespace CyberAccord.Server.Tests.Dashboard;

/// <summary>
/// Real headless Chromium (Debian's <c>chromium</c>, which ./eng/test.sh installs), driven by Playwright; no browser is
/// downloaded. Screenshots go to <c>screenshots/</c> beside the tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (./eng/test.sh does)");
        }

        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();

        // The flags keep a headless Chromium from reaching out to Google's services, which this machine's closed network refuses.
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
