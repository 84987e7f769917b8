using Microsoft.Playwright;

namespace CoBan.Workflow.Tests.Browser;

/// <summary>
/// One headless Chromium per test class (Debian's /usr/bin/chromium driven by the Playwright driver
/// inside the NuGet package: nothing is downloaded). Each test opens its own context (cookies) on
/// its own <see cref="Support.TestHost"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("COBAN_CHROMIUM") ?? "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>
/// The browser journeys run one after another with one shared Chromium: each starts a service and a
/// browser context, and several at once on a 2-core machine only make each other time out.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
