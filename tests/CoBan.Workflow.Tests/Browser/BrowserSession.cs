using CoBan.Workflow.Tests.Support;
using Microsoft.Playwright;

namespace CoBan.Workflow.Tests.Browser;

/// <summary>A browser context on a Kestrel-served test host: log in, go to pages, take screenshots, and fail on page errors.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    private BrowserSession(TestHost host, IBrowserContext context, IPage page)
    {
        Host = host;
        Context = context;
        Page = page;
        page.PageError += (_, error) => _errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("Failed to load resource", StringComparison.Ordinal)) _errors.Add(message.Text);
        };
    }

    public TestHost Host { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>Errors the page reported (uncaught exceptions, console errors), for a final check.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>A counter PC's screen, the smallest the desk and the designer are laid out for.</summary>
    public static readonly ViewportSize CounterPc = new() { Width = 1366, Height = 768 };

    /// <summary>A phone (the public pages).</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    public static async Task<BrowserSession> OpenAsync(BrowserFixture browser, TestHost host, string lang = "zh", ViewportSize? viewport = null)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = viewport ?? new ViewportSize { Width = 1440, Height = 900 },
            Locale = lang == "en" ? "en-US" : "zh-CN",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        if (lang == "en")
            await context.AddCookiesAsync([new Cookie { Name = "coban-lang", Value = "en", Url = host.BaseAddress.ToString() }]);
        return new BrowserSession(host, context, await context.NewPageAsync());
    }

    /// <summary>Logs in through the log-in page, as a person would.</summary>
    public async Task LoginAsync(string userName, string password = Demo.DemoData.Password)
    {
        await Page.GotoAsync("/login");
        await Page.FillAsync("#username", userName);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("[data-test=login-submit]");
        await Page.WaitForSelectorAsync("[data-test=user]");
    }

    public Task GotoAsync(string path) => Page.GotoAsync(path);

    public Task<byte[]> ScreenshotAsync(string name, bool fullPage = false) => Screenshots.SaveAsync(Page, name, fullPage);

    /// <summary>Runs a journey; when it fails, keeps a screenshot (failed-{name}.png) and adds the page's errors to the message.</summary>
    public async Task JourneyAsync(string name, Func<Task> journey)
    {
        try
        {
            await journey();
        }
        catch (Exception e)
        {
            try { await ScreenshotAsync("failed-" + name, fullPage: true); } catch (PlaywrightException) { }
            throw new ShouldAssertException($"{e.Message}\nat {Page.Url}\npage errors:\n{string.Join("\n", _errors)}", e);
        }
    }

    public void ShouldHaveNoPageErrors() => _errors.ShouldBeEmpty(string.Join("\n", _errors));

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
