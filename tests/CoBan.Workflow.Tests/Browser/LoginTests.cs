using CoBan.Workflow.Tests.Support;
using Microsoft.Playwright;

namespace CoBan.Workflow.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LoginTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_coordinator_logs_in_sees_name_bureau_and_roles_and_logs_out()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        await using var session = await BrowserSession.OpenAsync(browser, host);
        var page = session.Page;

        await page.GotoAsync("/desk");
        page.Url.ShouldContain("/login?returnUrl=%2Fdesk");
        await session.ScreenshotAsync("login");

        await page.FillAsync("#username", "zhang.wei");
        await page.FillAsync("#password", "wrong-password");
        await page.ClickAsync("[data-test=login-submit]");
        (await page.TextContentAsync("[data-test=login-error]")).ShouldBe("用户名或密码错误");

        await page.FillAsync("#username", "zhang.wei");
        await page.FillAsync("#password", Demo.DemoData.Password);
        await page.ClickAsync("[data-test=login-submit]");
        await page.WaitForSelectorAsync("[data-test=task-list], [data-test=no-tasks]");
        page.Url.ShouldEndWith("/desk");
        var user = await page.InnerTextAsync("[data-test=user]");
        user.ShouldContain("张伟");
        user.ShouldContain("霸州市市场监督管理局");
        user.ShouldContain("协办员");
        (await page.Locator("[data-test=nav-designer]").CountAsync()).ShouldBe(0);

        // English is one click away and stays (a cookie); Chinese is one click back.
        await page.ClickAsync("[data-test=lang]");
        await page.WaitForSelectorAsync("h1:text('My desk')");
        (await page.InnerTextAsync("[data-test=user]")).ShouldContain("coordinator");
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("en");
        await session.ScreenshotAsync("desk-en");
        await page.ClickAsync("[data-test=lang]");
        await page.WaitForSelectorAsync("h1:text('我的工作台')");

        await page.ClickAsync("[data-test=logout]");
        await page.WaitForSelectorAsync("[data-test=login-submit]");
        await page.GotoAsync("/desk");
        page.Url.ShouldContain("/login");

        // A mistyped address gets a page, not an API error document.
        var missing = await page.GotoAsync("/no-such-page");
        missing!.Status.ShouldBe(404);
        (await page.InnerTextAsync("[data-test=error-page]")).ShouldContain("页面不存在");
        session.ShouldHaveNoPageErrors();
    }
}
