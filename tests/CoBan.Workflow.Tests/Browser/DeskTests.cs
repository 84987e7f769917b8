using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DeskTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_coordinator_sees_overdue_work_in_red_claims_a_group_task_by_keyboard_and_completes_it_with_its_form()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        var permit = await ProcedureSteps.PublishAsync(host, Diagrams.SimplePermit());
        var check = await ProcedureSteps.PublishAsync(host, Diagrams.GroupCheck());
        var zhang = await host.LoginAsync("zhang.wei");
        await ProcedureSteps.StartAsync(zhang, permit, "zhang.wei");            // due P5WD: 2026-10-13 (Oct 1-7 off, Sat Oct 10 worked)
        host.Clock.Advance(TimeSpan.FromDays(20));                               // 2026-10-20: five working days late (14, 15, 16, 19, 20)
        zhang = await host.LoginAsync("zhang.wei");                              // (the cookie of 20 days ago has expired)
        await ProcedureSteps.StartAsync(zhang, check, "zhang.wei");             // due P2WD, for any coordinator to claim

        await using var session = await BrowserSession.OpenAsync(browser, host);
        await session.JourneyAsync("desk", async () =>
        {
            var page = session.Page;
            await session.LoginAsync("zhang.wei");
            page.Url.ShouldEndWith("/desk");
            var overdue = page.Locator("[data-test=task-list] tr.overdue");
            (await overdue.CountAsync()).ShouldBe(1);
            (await overdue.Locator("[data-urgency=overdue]").InnerTextAsync()).ShouldContain("超期 5 个工作日");
            (await overdue.Locator("[data-urgency=overdue]").EvaluateAsync<string>("e => getComputedStyle(e).color")).ShouldBe("rgb(180, 35, 42)");
            await session.ScreenshotAsync("desk");

            // Keyboard: 2 = the "to claim" tab, j selects the first row, c claims it.
            await page.Keyboard.PressAsync("2");
            await page.WaitForSelectorAsync("[data-test=tab-group].active");
            page.Url.ShouldEndWith("/desk?tab=group");
            (await page.InnerTextAsync("[data-test=task-list]")).ShouldContain("核验材料");
            (await page.InnerTextAsync("[data-test=task-list] [data-urgency]")).ShouldContain("剩 2 个工作日");
            await page.Keyboard.PressAsync("j");
            await page.Keyboard.PressAsync("c");
            await page.WaitForSelectorAsync("[data-test=tab-mine].active");
            page.Url.ShouldEndWith("/desk?tab=mine&ok=claimed");
            (await page.Locator("[data-test=task-list] tbody tr").CountAsync()).ShouldBe(2);

            // Open the claimed task with the keyboard and complete it; the browser asks for the required field first.
            var row = page.Locator("[data-test=task-list] tbody tr", new() { HasText = "核验材料" });
            var index = await row.EvaluateAsync<int>("r => [...r.parentElement.children].indexOf(r)");
            for (var i = 0; i <= index; i++) await page.Keyboard.PressAsync("j");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("[data-test=task-form]");
            await page.WaitForSelectorAsync("[data-test=task-diagram][data-ready=true]");
            (await page.GetAttributeAsync("[data-test=task-diagram] .djs-element[data-element-id=check]", "class"))!.ShouldContain("coban-active");
            await page.FillAsync("[data-field=missing] textarea", "营业执照副本\n法定代表人身份证复印件");
            await page.ClickAsync("[data-test=complete]");
            (await page.Locator("[data-field=complete] input:invalid").CountAsync()).ShouldBeGreaterThan(0);
            page.Url.ShouldEndWith($"/desk/tasks/{await page.GetAttributeAsync("[data-test=task-name]", "data-task")}");
            await page.CheckAsync("[data-field=complete] input[value=false]");
            await session.ScreenshotAsync("task");
            await page.Keyboard.PressAsync("Control+Enter");
            await page.WaitForSelectorAsync("[data-test=completed]");
            (await page.Locator("[data-test=task-list] tbody tr").CountAsync()).ShouldBe(1);
            session.ShouldHaveNoPageErrors();
        });

        var instances = (await (await host.LoginAsync("admin")).GetJsonAsync("/api/v1/instances?status=ended")).AsArray();
        instances.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Claiming_a_task_someone_has_just_claimed_says_the_page_changed_and_does_nothing()
    {
        await using var host = await TestHost.StartAsync(kestrel: true, settings: new() { ["CoBan:DemoCases"] = "false" });
        var check = await ProcedureSteps.PublishAsync(host, Diagrams.GroupCheck());
        var zhang = await host.LoginAsync("zhang.wei");
        await ProcedureSteps.StartAsync(zhang, check, "zhang.wei");

        await using var session = await BrowserSession.OpenAsync(browser, host);
        await session.JourneyAsync("desk-race", async () =>
        {
            var page = session.Page;
            await session.LoginAsync("zhang.wei");
            await page.GotoAsync("/desk?tab=group");
            var li = await host.LoginAsync("li.na");
            var taskId = (long)(await li.GetJsonAsync("/api/v1/tasks?filter=group")).AsArray().Single()!["id"]!;
            await li.PostJsonAsync($"/api/v1/tasks/{taskId}/claim");
            await page.ClickAsync("[data-action=claim]");
            await page.WaitForSelectorAsync("[data-test=error-page]");
            (await page.InnerTextAsync("[data-test=error-page]")).ShouldContain("页面内容已变化");
        });
        var task = await (await host.LoginAsync("li.na")).GetJsonAsync("/api/v1/tasks?filter=mine");
        ((string)task.AsArray().Single()!["assigneeName"]!).ShouldBe("李娜");
    }
}
