using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CalendarTests(BrowserFixture browser)
{
    [Fact]
    public async Task From_1_November_the_administrator_is_warned_that_next_year_is_missing_until_it_is_loaded_and_adds_a_local_day_off()
    {
        await using var host = await TestHost.StartAsync(kestrel: true, now: new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8)),
            settings: new() { ["CoBan:DemoCases"] = "false" });
        await using var session = await BrowserSession.OpenAsync(browser, host);
        await session.JourneyAsync("calendar", async () =>
        {
            var page = session.Page;
            await session.LoginAsync("admin");
            await page.GotoAsync("/admin");
            (await page.InnerTextAsync("[data-test=calendar-warning]")).ShouldContain("2027");
            await page.ClickAsync("[data-test=admin-calendars]");
            (await page.InnerTextAsync("[data-test=calendar-warning]")).ShouldContain("2027 年的节假日安排尚未载入");
            await session.ScreenshotAsync("calendar-warning");

            await page.FillAsync("[data-test=calendar-year]", "2027");
            await page.FillAsync("[data-test=calendar-json]", """
                {"year": 2027, "days": [
                  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                  {"name": "春节", "date": "2027-02-06", "isOffDay": true},
                  {"name": "春节", "date": "2027-02-07", "isOffDay": true},
                  {"name": "春节", "date": "2027-02-08", "isOffDay": true},
                  {"name": "春节", "date": "2027-02-20", "isOffDay": false}
                ]}
                """);
            await page.ClickAsync("[data-test=calendar-load]");
            await page.WaitForSelectorAsync("[data-test=done]");
            (await page.Locator("[data-test=calendar-warning]").CountAsync()).ShouldBe(0);
            (await page.InnerTextAsync("tr[data-year='2027']")).ShouldContain("4");

            await page.FillAsync("[data-test=override-date]", "2026-11-20");
            await page.FillAsync("[data-test=override-reason]", "大厅停电检修");
            await page.ClickAsync("[data-test=override-add]");
            await page.WaitForSelectorAsync("tr[data-override='2026-11-20']");
            (await page.InnerTextAsync("tr[data-override='2026-11-20']")).ShouldContain("大厅停电检修");
            await session.ScreenshotAsync("calendar");
            session.ShouldHaveNoPageErrors();
        });
    }
}
