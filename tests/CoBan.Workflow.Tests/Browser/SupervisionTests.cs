using CoBan.Workflow.Tests.Supervision;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Browser;

/// <summary>
/// The supervision pages on <see cref="OctoberCity"/> (two bureaus' October 2026, "now" 2026-11-10 09:00),
/// whose figures <see cref="MeasureTests"/> and <see cref="DashboardApiTests"/> work out by hand.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisionTests(BrowserFixture browser)
{
    private const string October = "/supervision?p=month&period=2026-10";

    private static async Task<TestHost> OctoberAsync()
    {
        var host = await TestHost.StartAsync(kestrel: true, settings: new() { ["CoBan:DemoCases"] = "false" }, now: OctoberCity.Now);
        await OctoberCity.SeedAsync(host);
        return host;
    }

    [Fact]
    public async Task A_supervisor_sees_every_bureau_with_trend_and_ranking_charts_and_drills_down_from_a_figure_to_the_case()
    {
        await using var host = await OctoberAsync();
        await using var session = await BrowserSession.OpenAsync(browser, host);
        await session.JourneyAsync("supervision-dashboard", async () =>
        {
            var page = session.Page;
            await session.LoginAsync("zhao.jian");
            await page.ClickAsync("[data-test=nav-supervision]");
            (await page.InnerTextAsync("[data-test=period-label]")).ShouldBe("2026年11月", "this month by default");
            await page.GotoAsync(October);
            (await page.InnerTextAsync("[data-test=period-label]")).ShouldBe("2026年10月");
            (await page.Locator("[data-test=figure-table] tbody tr").CountAsync()).ShouldBe(8, "every bureau of the city");
            (await Stat(page, "registered")).ShouldBe("15");
            (await Stat(page, "overdueNow")).ShouldBe("2");
            (await Stat(page, "onTime")).ShouldBe("75%", "6 of 8 completed with a deadline: A1 A3 A9 A13 B1 B4 on time, A2 A4 late");
            (await page.GetAttributeAsync("[data-test=trend-chart]", "data-points")).ShouldBe("31", "one point a day");
            (await page.TextContentAsync("[data-test=trend-chart] desc"))!.ShouldContain("登记 15 件，办结 10 件");
            (await page.GetAttributeAsync("[data-test=ranking-chart]", "data-rows")).ShouldBe("8");
            var bars = page.Locator("[data-test=ranking-chart] g.bar");
            (await bars.First.GetAttributeAsync("data-subject")).ShouldBe("BZ-RSJ");
            (await bars.First.Locator("title").TextContentAsync())!.ShouldContain("64.7");
            (await page.InnerTextAsync("[data-test=formula]")).ShouldContain("综合得分 = 100 ×");
            await session.ScreenshotAsync("supervision-dashboard", fullPage: true);

            // A bureau's name opens its dashboard by coordinator.
            await page.ClickAsync("[data-test=figure-table] tr[data-subject=BZ-SCJG] th a");
            (await page.InputValueAsync("[data-test=filter-by]")).ShouldBe("coordinator");
            (await page.Locator("[data-test=figure-table] tbody tr").CountAsync()).ShouldBe(3, "张伟, 李娜, 王芳");
            (await Stat(page, "registered")).ShouldBe("11");

            // The overdue figure opens its cases, and a case opens on the desk's case page.
            await page.ClickAsync("[data-measure=overdueNow]");
            (await page.GetAttributeAsync("[data-test=drill-list]", "data-total")).ShouldBe("2");
            (await page.InnerTextAsync("[data-test=drill-title]")).ShouldContain("当前超期未办结件");
            (await page.Locator("[data-test=drill-list] tr.overdue").CountAsync()).ShouldBe(2);
            await session.ScreenshotAsync("supervision-drill");
            var number = await page.GetAttributeAsync("[data-test=drill-list] tbody tr >> nth=0", "data-case");
            await page.ClickAsync("[data-test=drill-list] tbody tr >> nth=0 >> a.row-link");
            await page.WaitForURLAsync("**/cases/*");
            (await page.InnerTextAsync("[data-test=case-number]")).ShouldStartWith(number!);

            // Another kind of period: the quarter around October, then its weekly trend.
            await page.GotoAsync(October);
            await page.SelectOptionAsync("[data-test=filter-kind]", "quarter");
            await page.WaitForURLAsync("**p=quarter**");
            (await page.InnerTextAsync("[data-test=period-label]")).ShouldBe("2026年第4季度");
            (await page.GetAttributeAsync("[data-test=trend-chart]", "data-points")).ShouldBe("14", "ISO weeks, clipped to the quarter");
            session.ShouldHaveNoPageErrors();
        });
    }

    [Fact]
    public async Task A_duty_leader_sees_only_their_bureau_by_coordinator_and_a_coordinator_only_their_own_figures()
    {
        await using var host = await OctoberAsync();
        await using (var session = await BrowserSession.OpenAsync(browser, host))
        {
            await session.JourneyAsync("supervision-leader", async () =>
            {
                var page = session.Page;
                await session.LoginAsync("liu.yang");
                await page.GotoAsync(October);
                (await page.Locator("[data-test=filter-bureau]").CountAsync()).ShouldBe(0, "a duty leader has one bureau");
                (await page.InputValueAsync("[data-test=filter-by]")).ShouldBe("coordinator");
                var subjects = await page.Locator("[data-test=figure-table] tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.subject)");
                subjects.ShouldBe(["zhang.wei", "li.na", "wang.fang"], ignoreOrder: true);
                (await Stat(page, "registered")).ShouldBe("11", "market regulation only");
                await page.GotoAsync("/supervision?bureau=BZ-RSJ");
                (await page.Locator("[data-test=denied]").CountAsync()).ShouldBe(1, "another bureau is refused, not silently emptied");

                await page.GotoAsync("/supervision/follow-ups");
                (await page.GetAttributeAsync("[data-test=follow-up-list]", "data-total")).ShouldBe("2");
                (await page.Locator("[data-test=add-follow-up]").CountAsync()).ShouldBe(0, "only supervisors put cases on the list");
                (await page.Locator("[data-test=tab-reports]").CountAsync()).ShouldBe(1);
            });
        }
        await using (var session = await BrowserSession.OpenAsync(browser, host))
        {
            await session.JourneyAsync("supervision-coordinator", async () =>
            {
                var page = session.Page;
                await session.LoginAsync("zhang.wei");
                (await page.InnerTextAsync("[data-test=nav-supervision]")).ShouldBe("我的统计");
                await page.GotoAsync(October);
                (await page.InnerTextAsync("h1")).ShouldBe("我的统计");
                (await Stat(page, "registered")).ShouldBe("6", "zhang.wei's own: A1 A2 A6 A9 A10 A12");
                (await page.InputValueAsync("[data-test=filter-by]")).ShouldBe("matter");
                (await page.Locator("[data-test=no-ranking]").CountAsync()).ShouldBe(1);
                (await page.Locator("[data-test=tab-reports]").CountAsync()).ShouldBe(0);
                await page.GotoAsync("/supervision/follow-ups");
                var rows = page.Locator("[data-test=follow-up-list] tbody tr");
                (await rows.CountAsync()).ShouldBe(2, "A5 and A6 are both zhang.wei's");
                await page.GotoAsync("/supervision/reports");
                page.Url.ShouldContain("/forbidden");
                await page.GotoAsync("/supervision?bureau=BZ-RSJ");
                (await page.Locator("[data-test=denied]").CountAsync()).ShouldBe(1);
            });
        }
    }

    [Fact]
    public async Task A_supervisor_adds_a_follow_up_with_a_date_which_is_listed_turns_red_when_late_and_is_closed()
    {
        await using var host = await OctoberAsync();
        await using var session = await BrowserSession.OpenAsync(browser, host);
        await session.JourneyAsync("supervision-follow-up", async () =>
        {
            var page = session.Page;
            await session.LoginAsync("zhao.jian");
            await page.GotoAsync("/supervision/follow-ups");
            var first = page.Locator("[data-test=follow-up-list] tbody tr").First;
            (await first.InnerTextAsync()).ShouldContain("张伟");
            (await first.InnerTextAsync()).ShouldContain("刘洋");
            (await first.Locator("[data-test=days-overdue]").InnerTextAsync()).ShouldContain("12 个工作日");
            var number = await first.GetAttributeAsync("data-case");

            await first.Locator("[data-test=add-follow-up] summary").ClickAsync();
            await first.Locator("[data-test=follow-up-note]").FillAsync("请说明超期原因，11 月 12 日前办结");
            await first.Locator("[data-test=follow-up-due]").FillAsync("2026-11-12");
            await first.Locator("[data-test=follow-up-submit]").ClickAsync();
            await page.WaitForSelectorAsync("[data-test=done]");
            var row = page.Locator($"[data-test=follow-up-list] tr[data-case='{number}']");
            var followUp = row.Locator("[data-follow-up]");
            (await followUp.GetAttributeAsync("data-status")).ShouldBe("open");
            (await followUp.Locator("[data-test=due-on]").InnerTextAsync()).ShouldBe("限 2026-11-12 前");
            (await followUp.Locator("[data-test=note]").InnerTextAsync()).ShouldBe("请说明超期原因，11 月 12 日前办结");
            (await Stat(page, "openFollowUps")).ShouldBe("1");
            await session.ScreenshotAsync("supervision-follow-ups", fullPage: true);

            // Past its date and still open: red, and counted on the dashboard too.
            host.Clock.Advance(TimeSpan.FromDays(3));
            await session.LoginAsync("zhao.jian");
            await page.GotoAsync("/supervision/follow-ups?state=open");
            (await followUp.GetAttributeAsync("data-late")).ShouldBe("true");
            (await Stat(page, "lateFollowUps")).ShouldBe("1");
            await page.GotoAsync("/supervision");
            (await Stat(page, "followUps")).ShouldBe("1 / 1");

            await page.GotoAsync("/supervision/follow-ups?state=open");
            await followUp.Locator("[data-test=close-toggle]").ClickAsync();
            await followUp.Locator("textarea[name=resolution]").FillAsync("已于 11 月 13 日办结，对协办员张伟进行约谈");
            await followUp.Locator("[data-test=close-follow-up]").ClickAsync();
            await page.WaitForSelectorAsync("[data-test=done]");
            await page.GotoAsync("/supervision/follow-ups?state=closed");
            (await row.Locator("[data-follow-up]").GetAttributeAsync("data-status")).ShouldBe("closed");
            (await row.InnerTextAsync()).ShouldContain("对协办员张伟进行约谈");
            session.ShouldHaveNoPageErrors();
        });
    }

    [Fact]
    public async Task A_supervisor_generates_the_monthly_evaluation_opens_it_for_print_and_downloads_its_csv()
    {
        await using var host = await OctoberAsync();
        await using var session = await BrowserSession.OpenAsync(browser, host);
        await session.JourneyAsync("supervision-reports", async () =>
        {
            var page = session.Page;
            await session.LoginAsync("zhao.jian");
            await page.GotoAsync("/supervision/reports");
            (await page.Locator("[data-test=report-schedule] tbody tr").CountAsync()).ShouldBe(6, "five reports of seed 002 and the duty schedule");
            await page.SelectOptionAsync("[data-test=generate-kind]", "monthlyEvaluation");
            await page.FillAsync("[data-test=generate-period]", "2026-10");
            await page.ClickAsync("[data-test=generate]");
            await page.WaitForSelectorAsync("[data-test=done]");
            var row = page.Locator("[data-test=report-list] tbody tr[data-kind=monthlyEvaluation]");
            (await row.CountAsync()).ShouldBe(1);
            (await row.InnerTextAsync()).ShouldContain("2026年10月");
            await session.ScreenshotAsync("supervision-reports", fullPage: true);

            var print = await page.Context.RunAndWaitForPageAsync(() => row.Locator("[data-test=report-html]").ClickAsync());
            await print.WaitForLoadStateAsync();
            (await print.InnerTextAsync("body")).ShouldContain("月考评");
            await print.CloseAsync();

            var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("[data-test=report-csv]").ClickAsync());
            download.SuggestedFilename.ShouldStartWith("monthlyEvaluation-2026-10-");
            var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
            bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "a byte order mark, so Excel reads the Chinese");
            var csv = System.Text.Encoding.UTF8.GetString(bytes);
            csv.ShouldContain("市场监督管理局");
            csv.ShouldContain("人力资源和社会保障局");
            session.ShouldHaveNoPageErrors();
        });
    }

    private static Task<string> Stat(Microsoft.Playwright.IPage page, string measure) =>
        page.InnerTextAsync($"[data-measure={measure}] [data-test=stat-value]");
}
