using System.Net.Http.Json;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class InstanceTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_administrator_fixes_a_variable_retries_an_incident_and_migrates_the_instance_after_a_preview()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        var procedureId = await ProcedureSteps.PublishAsync(host, Diagrams.GatewayWithoutDefault());
        var zhang = await host.LoginAsync("zhang.wei");
        var started = await ProcedureSteps.StartAsync(zhang, procedureId, "zhang.wei", new { approved = false });
        var instanceId = (long)started["instance"]!["id"]!;
        ((bool)started["instance"]!["hasIncident"]!).ShouldBeTrue();
        // Version 2: the same model with a new name on the task (running instances stay on version 1).
        var owner = await host.LoginAsync("owner.scjg");
        await owner.PutJsonAsync($"/api/v1/procedures/{procedureId}/draft", new { xml = Diagrams.GatewayWithoutDefault().Replace("name=\"办理\"", "name=\"承诺办理\"") });
        await owner.PostJsonAsync($"/api/v1/procedures/{procedureId}/publish", new { comment = "任务改名" });

        await using var session = await BrowserSession.OpenAsync(browser, host);
        await session.JourneyAsync("instances", async () =>
        {
            var page = session.Page;
            await session.LoginAsync("admin");
            await page.ClickAsync("[data-test=nav-instances]");
            await page.WaitForSelectorAsync("[data-test=incident-banner]");
            await page.SelectOptionAsync("[data-test=status-filter]", "incident");
            await page.ClickAsync("text=筛选");
            await page.WaitForSelectorAsync($"[data-instance='{instanceId}'] [data-status=incident]");
            await session.ScreenshotAsync("instances");

            await page.ClickAsync($"[data-instance='{instanceId}'] a.row-link");
            await page.WaitForSelectorAsync("[data-test=instance-diagram][data-ready=true]");
            (await page.GetAttributeAsync("[data-test=instance-diagram] .djs-element[data-element-id=route]", "class"))!.ShouldContain("coban-active");
            (await page.InnerTextAsync("[data-test=incidents]")).ShouldContain("排他网关没有满足条件的出口");
            await session.ScreenshotAsync("instance-incident", fullPage: true);

            // Retrying without a fix fails again; setting approved = true and retrying moves the token on.
            await page.FillAsync("[data-test=var-name]", "approved");
            await page.FillAsync("[data-test=var-value]", "true");
            await page.ClickAsync("[data-test=var-set]");
            await page.WaitForSelectorAsync("[data-test=done]");
            (await page.InnerTextAsync("[data-variable=approved]")).ShouldContain("true");
            await page.ClickAsync("[data-test=retry]");
            await page.WaitForSelectorAsync("[data-test=done]:has-text('已重试')");
            await page.WaitForSelectorAsync("[data-test=instance-diagram][data-ready=true]");
            (await page.GetAttributeAsync("[data-test=instance-diagram] .djs-element[data-element-id=handle]", "class"))!.ShouldContain("coban-active");
            (await page.GetAttributeAsync("[data-test=instance-diagram] .djs-element[data-element-id=route]", "class"))!.ShouldContain("coban-completed");
            (await page.InnerTextAsync("[data-test=tokens]")).ShouldContain("handle");

            // Migration to version 2: preview first, then apply.
            await page.SelectOptionAsync("[data-test=migrate-to]", "2");
            await page.ClickAsync("[data-test=migrate-choose]");
            (await page.InputValueAsync("[data-map=handle]")).ShouldBe("handle");
            await page.ClickAsync("[data-test=migrate-preview]");
            await page.WaitForSelectorAsync("[data-test=migration-report][data-valid=true]");
            await session.ScreenshotAsync("instance-migration", fullPage: true);
            await page.ClickAsync("[data-test=migrate-apply]");
            await page.WaitForSelectorAsync("[data-test=done]:has-text('v2')");
            (await page.InnerTextAsync("[data-test=instance-title]")).ShouldContain("v2");
            session.ShouldHaveNoPageErrors();
        });

        var detail = await (await host.LoginAsync("admin")).GetJsonAsync($"/api/v1/instances/{instanceId}");
        ((int)detail["instance"]!["procedureVersion"]!).ShouldBe(2);
        ((bool)detail["instance"]!["hasIncident"]!).ShouldBeFalse();
    }
}
