using System.Net.Http.Headers;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AdminTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_administrator_adds_a_coordinator_who_can_log_in_and_creates_then_revokes_an_api_token()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        string secret = "";
        await using (var session = await BrowserSession.OpenAsync(browser, host))
        {
            await session.JourneyAsync("admin", async () =>
            {
                var page = session.Page;
                await session.LoginAsync("admin");
                await page.ClickAsync("[data-test=nav-admin]");
                await session.ScreenshotAsync("admin");
                await page.ClickAsync("[data-test=admin-users]");
                (await page.Locator("[data-test=user-list] tbody tr").CountAsync()).ShouldBeGreaterThan(15);
                (await page.InnerTextAsync("[data-user='zhang.wei']")).ShouldContain("协办员");
                await page.ClickAsync("[data-test=new-user]");
                await page.FillAsync("[data-test=user-name]", "qian.li");
                await page.FillAsync("[data-test=display-name]", "钱丽");
                await page.SelectOptionAsync("[data-test=user-bureau]", new Microsoft.Playwright.SelectOptionValue { Label = "霸州市卫生监督所" });
                await page.FillAsync("[data-test=password]", "windows2026");
                await page.CheckAsync("[data-role=coordinator]");
                await page.ClickAsync("[data-test=save-user]");
                await page.WaitForSelectorAsync("[data-test=done]");
                (await page.InnerTextAsync("[data-user='qian.li']")).ShouldContain("协办员");
                await session.ScreenshotAsync("admin-users");

                await page.GotoAsync("/admin/tokens");
                await page.FillAsync("[data-test=token-name]", "12345 热线系统");
                await page.FillAsync("[data-test=token-user]", "qian.li");
                await page.ClickAsync("[data-test=create-token]");
                secret = (await page.InnerTextAsync("[data-test=token-secret]")).Trim();
                secret.ShouldStartWith("coban_");
                await session.ScreenshotAsync("admin-tokens");
            });
        }

        var api = host.Anonymous();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        ((string)(await api.GetJsonAsync("/api/v1/me"))["displayName"]!).ShouldBe("钱丽");

        await using (var session = await BrowserSession.OpenAsync(browser, host))
        {
            await session.JourneyAsync("admin-new-user", async () =>
            {
                await session.LoginAsync("qian.li", "windows2026");
                (await session.Page.InnerTextAsync("[data-test=user]")).ShouldContain("霸州市卫生监督所");
            });
        }

        await using (var session = await BrowserSession.OpenAsync(browser, host))
        {
            await session.JourneyAsync("admin-revoke", async () =>
            {
                var page = session.Page;
                await session.LoginAsync("admin");
                await page.GotoAsync("/admin/tokens");
                page.Dialog += (_, dialog) => dialog.AcceptAsync();
                await page.ClickAsync("[data-token='12345 热线系统'] button");
                await page.WaitForSelectorAsync("[data-token='12345 热线系统']:has-text('已吊销')");
                session.ShouldHaveNoPageErrors();
            });
        }
        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_administrator_rotates_the_duty_roster_over_working_days_and_the_public_board_shows_who_is_on_duty()
    {
        await using var host = await TestHost.StartAsync(kestrel: true, settings: new() { ["CoBan:DemoCases"] = "false" });
        await using var session = await BrowserSession.OpenAsync(browser, host);
        await session.JourneyAsync("roster", async () =>
        {
            var page = session.Page;
            await session.LoginAsync("admin");
            await page.GotoAsync("/admin/rosters?bureau=BZ-SCJG&from=2026-09-30");
            foreach (var box in await page.Locator("[data-coordinator]").AllAsync())
                if (await box.GetAttributeAsync("data-coordinator") != "zhang.wei") await box.UncheckAsync();
            await page.ClickAsync("[data-test=rotate]");
            await page.WaitForSelectorAsync("[data-test=done]");
            (await page.InnerTextAsync("tr[data-date='2026-09-30']")).ShouldContain("张伟");
            (await page.InnerTextAsync("tr[data-date='2026-10-02']")).ShouldNotContain("张伟");   // National Day
            (await page.InnerTextAsync("tr[data-date='2026-10-10']")).ShouldContain("张伟");      // the adjusted working Saturday
            await session.ScreenshotAsync("roster");
            await page.GotoAsync("/public/duty/BZ-SCJG");
            (await page.InnerTextAsync("[data-test=duty-board]")).ShouldContain("张伟");
            (await page.InnerTextAsync("[data-test=duty-board]")).ShouldNotContain("李娜");
            session.ShouldHaveNoPageErrors();
        });
    }
}
