using System.Net;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AccessTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_coordinator_cannot_reach_the_designer_or_its_publish_action_nor_another_bureaus_pages()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        var procedureId = await ProcedureSteps.PublishAsync(host, Diagrams.SimplePermit());
        var zhang = await host.LoginAsync("zhang.wei");
        var started = await ProcedureSteps.StartAsync(zhang, procedureId, "zhang.wei");
        var instanceId = (long)started["instance"]!["id"]!;
        var taskId = (long)(await zhang.GetJsonAsync("/api/v1/tasks")).AsArray().Single()!["id"]!;

        await using (var session = await BrowserSession.OpenAsync(browser, host))
        {
            await session.JourneyAsync("access-coordinator", async () =>
            {
                var page = session.Page;
                await session.LoginAsync("zhang.wei");
                (await page.Locator("[data-test=nav-designer]").CountAsync()).ShouldBe(0);
                (await page.Locator("[data-test=nav-instances]").CountAsync()).ShouldBe(0);
                foreach (var path in new[] { "/designer", $"/designer/{procedureId}", $"/designer/{procedureId}/versions/1", $"/instances/{instanceId}", "/admin/users" })
                {
                    var response = await page.GotoAsync(path);
                    page.Url.ShouldContain("/forbidden", customMessage: path);
                    (await page.Locator("[data-test=denied]").CountAsync()).ShouldBe(1, path);
                    (await page.Locator("[data-test=publish]").CountAsync()).ShouldBe(0, path);
                }
                await session.ScreenshotAsync("forbidden");
                // The server refuses the publish action itself, whatever the page shows.
                var publish = await page.APIRequest.PostAsync($"/api/v1/procedures/{procedureId}/publish", new() { DataObject = new { comment = "x" } });
                publish.Status.ShouldBe((int)HttpStatusCode.Forbidden);
            });
        }

        await using (var session = await BrowserSession.OpenAsync(browser, host))
        {
            await session.JourneyAsync("access-other-bureau", async () =>
            {
                var page = session.Page;
                // 陈静, a coordinator of the labour bureau, opens a task of the market regulation bureau.
                await session.LoginAsync("chen.jing");
                var response = await page.GotoAsync($"/desk/tasks/{taskId}");
                response!.Status.ShouldBe(403);
                (await page.Locator("[data-test=denied]").CountAsync()).ShouldBe(1);
                (await page.Locator("[data-test=task-form]").CountAsync()).ShouldBe(0);
            });
        }

        await using (var session = await BrowserSession.OpenAsync(browser, host))
        {
            await session.JourneyAsync("access-other-owner", async () =>
            {
                var page = session.Page;
                // 杨敏, process owner of the labour bureau: another bureau's procedure is neither listed nor editable.
                await session.LoginAsync("yang.min");
                await page.GotoAsync("/designer");
                (await page.Locator("[data-procedure=simple-permit]").CountAsync()).ShouldBe(0);
                var response = await page.GotoAsync($"/designer/{procedureId}");
                response!.Status.ShouldBe(403);
                (await page.Locator("[data-test=denied]").CountAsync()).ShouldBe(1);
                (await page.Locator("[data-test=publish]").CountAsync()).ShouldBe(0);
                session.ShouldHaveNoPageErrors();
            });
        }
    }
}
