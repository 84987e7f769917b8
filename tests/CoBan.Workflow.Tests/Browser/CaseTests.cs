using CoBan.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoBan.Workflow.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CaseTests(BrowserFixture browser)
{
    private static readonly string[] FoodLicence = ["食品经营许可申请书", "营业执照复印件", "法定代表人（负责人）身份证明", "经营场所平面图及设备布局图", "食品安全管理制度"];

    [Fact]
    public async Task A_coordinator_registers_a_commitment_case_prints_the_receipt_completes_its_steps_with_a_signature_and_the_applicant_looks_it_up()
    {
        await using var host = await TestHost.StartAsync(kestrel: true, settings: new() { ["CoBan:DemoCases"] = "false" });
        string number = "";
        await using (var session = await BrowserSession.OpenAsync(browser, host))
        {
            await session.JourneyAsync("case", async () =>
            {
                var page = session.Page;
                await session.LoginAsync("zhang.wei");
                await page.ClickAsync("[data-test=intake]");
                await page.SelectOptionAsync("[data-test=matter]", new SelectOptionValue { Label = "SCJG-002 食品经营许可（新办）" });
                // choosing in the list does not reload the page (arrow keys move through it); the button does
                (await page.Locator("[data-test=materials]").CountAsync()).ShouldBe(0);
                await page.ClickAsync("[data-test=choose-matter]");
                await page.WaitForSelectorAsync("[data-test=materials]");
                // Ticking the checklist says what is still missing (what the one-time notice would list).
                await page.CheckAsync($"[data-material='{FoodLicence[0]}']");
                (await page.InnerTextAsync("[data-test=missing-summary]")).ShouldContain("缺少 4 项");
                foreach (var m in FoodLicence[1..]) await page.CheckAsync($"[data-material='{m}']");
                (await page.IsHiddenAsync("[data-test=missing-summary]")).ShouldBeTrue();
                await page.CheckAsync("input[name=applicantType][value=enterprise]");
                await page.FillAsync("[data-field=applicantName]", "霸州市福满楼餐饮有限公司");
                await page.FillAsync("[data-field=contactPerson]", "刘德明");
                await page.FillAsync("[data-field=phone]", "13812345678");
                await session.ScreenshotAsync("intake");
                await page.ClickAsync("[data-test=register]");
                await page.WaitForSelectorAsync("[data-test=registered]");
                number = (await page.InnerTextAsync("[data-test=case-number]")).Split(' ')[0].Trim();
                number.ShouldBe("BZ-SCJG-2026-00001");
                (await page.GetAttributeAsync("[data-test=case-status]", "data-status")).ShouldBe("received");

                // 受理审查: a commitment case of 5 working days.
                await page.ClickAsync("[data-test=step-review]");
                await page.SelectOptionAsync("[data-field=kind] select", "commitment");
                await page.FillAsync("[data-field=committedDays] input", "5");
                await page.ClickAsync("[data-test=complete]");
                await page.WaitForSelectorAsync("[data-test=completed]");
                // straight on to the case's next step for the coordinator, not back to the desk
                (await page.InnerTextAsync("[data-test=task-name]")).ShouldBe("跟踪办理");
                await page.GotoAsync("/cases?view=mine");
                await page.ClickAsync($"[data-case='{number}'] a.row-link");
                (await page.GetAttributeAsync("[data-test=case-status]", "data-status")).ShouldBe("handling");
                (await page.InnerTextAsync("[data-test=deadline]")).ShouldBe("2026-10-13 17:30"); // the close of its last working day
                await page.WaitForSelectorAsync("[data-notice=receipt]");
                (await page.InnerTextAsync("[data-notice=receipt]")).ShouldContain("协办回执");

                // The receipt prints with the committed deadline.
                var print = await page.Context.RunAndWaitForPageAsync(() => page.ClickAsync("[data-print=receipt]"));
                await print.WaitForLoadStateAsync();
                var receipt = await print.InnerTextAsync("body");
                receipt.ShouldContain("协办回执");
                receipt.ShouldContain(number);
                receipt.ShouldContain("2026年10月13日");
                await Screenshots.SaveAsync(print, "receipt", fullPage: true);
                await print.CloseAsync();
                await page.WaitForSelectorAsync("[data-test=case-diagram][data-ready=true]");
                (await page.GetAttributeAsync("[data-test=case-diagram] .djs-element[data-element-id=handle]", "class"))!.ShouldContain("coban-active");
                await session.ScreenshotAsync("case", fullPage: true);

                // 跟踪办理 → approved; 办结回复与协办日志 with the applicant's signature drawn on the screen.
                await page.ClickAsync("[data-test=step-handle]");
                await page.SelectOptionAsync("[data-field=outcome] select", "approved");
                await page.FillAsync("[data-field=result] textarea", "核发食品经营许可证");
                await page.ClickAsync("[data-test=complete]");
                await page.WaitForSelectorAsync("[data-test=completed]");
                await page.GotoAsync("/cases?view=all");
                await page.ClickAsync($"[data-case='{number}'] a.row-link");
                await page.ClickAsync("[data-test=step-log]");
                await page.SelectOptionAsync("[data-field=replyMethod] select", "inPerson");
                await page.FillAsync("[data-field=handling] textarea", "当面交付许可证，申请人签字确认");
                await page.Locator("[data-test=signature-canvas]").ScrollIntoViewIfNeededAsync();
                var pad = await page.Locator("[data-test=signature-canvas]").BoundingBoxAsync();
                await page.Mouse.MoveAsync(pad!.X + pad.Width * .1f, pad.Y + pad.Height * .6f);
                await page.Mouse.DownAsync();
                foreach (var (fx, fy) in new[] { (.2f, .25f), (.3f, .75f), (.45f, .35f), (.6f, .7f), (.85f, .3f) })
                    await page.Mouse.MoveAsync(pad.X + pad.Width * fx, pad.Y + pad.Height * fy, new MouseMoveOptions { Steps = 4 });
                await page.Mouse.UpAsync();
                await page.WaitForSelectorAsync("[data-signature-pad][data-signed=true]");
                await session.ScreenshotAsync("signature");
                await page.ClickAsync("[data-test=complete]");
                await page.WaitForSelectorAsync("[data-test=completed]");
                // nothing left for the coordinator: back on the case
                (await page.InnerTextAsync("[data-test=case-number]")).ShouldStartWith(number);
                await page.GotoAsync("/cases?view=all");
                await page.ClickAsync($"[data-case='{number}'] a.row-link");
                (await page.GetAttributeAsync("[data-test=case-status]", "data-status")).ShouldBe("completedApproved");
                await page.WaitForSelectorAsync("[data-test=signature-image]");
                (await page.EvaluateAsync<int>("() => document.querySelector('[data-test=signature-image]').naturalWidth")).ShouldBeGreaterThan(0);
                (await page.InnerTextAsync("[data-test=case-timeline]")).ShouldContain("协办日志");
                session.ShouldHaveNoPageErrors();
            });
        }

        // The applicant, on a phone, with no log-in.
        await using (var phone = await BrowserSession.OpenAsync(browser, host))
        {
            await phone.JourneyAsync("public", async () =>
            {
                var page = phone.Page;
                await page.SetViewportSizeAsync(390, 844);
                await page.GotoAsync("/public");
                await page.ClickAsync("[data-bureau=BZ-SCJG]");
                await page.WaitForSelectorAsync("[data-test=duty-board]");
                (await page.InnerTextAsync("[data-test=duty-board]")).ShouldContain("协办员");
                (await page.InnerTextAsync("[data-test=hotline]")).ShouldContain("0316");
                (await page.InnerTextAsync("body")).ShouldNotContain("13800000005"); // no mobiles on the board
                await phone.ScreenshotAsync("public-duty", fullPage: true);

                await page.GotoAsync("/public/lookup");
                await page.FillAsync("[data-test=lookup-number]", number);
                await page.FillAsync("[data-test=lookup-phone]", "13900000000");
                await page.ClickAsync("[data-test=lookup-submit]");
                await page.WaitForSelectorAsync("[data-test=lookup-error]");
                await page.FillAsync("[data-test=lookup-phone]", "138 1234 5678");
                await page.ClickAsync("[data-test=lookup-submit]");
                await page.WaitForSelectorAsync("[data-test=progress]");
                (await page.InnerTextAsync("[data-test=progress-status]")).ShouldBe("办结（通过）");
                (await page.InnerTextAsync("[data-test=progress]")).ShouldContain("138****5678");
                await phone.ScreenshotAsync("public-lookup", fullPage: true);

                // The applicant rates the service (好差评), once.
                await page.CheckAsync("[data-test=evaluation-form] input[name=level][value='5']");
                await page.ClickAsync("[data-test=evaluate]");
                await page.WaitForSelectorAsync("[data-test=evaluated]");
                (await page.Locator("[data-test=evaluation-form]").CountAsync()).ShouldBe(0);
                phone.ShouldHaveNoPageErrors();
            });
        }
    }

    [Fact]
    public async Task The_reminder_shows_on_the_desk_and_the_case_page_when_the_clock_reaches_a_working_day_before_the_deadline()
    {
        await using var host = await TestHost.StartAsync(kestrel: true,
            settings: new() { ["CoBan:DemoCases"] = "false", ["CoBan:Timers:Scheduler"] = "Manual" });
        var zhang = await host.LoginAsync("zhang.wei");
        var registered = await Cases.CaseSteps.RegisterAsync(zhang, Cases.CaseSteps.Registration("SCJG-002", "BZ-SCJG", FoodLicence));
        var caseId = Cases.CaseSteps.Id(registered);
        await Cases.CaseSteps.CompleteAsync(zhang, caseId, "review", new { kind = "commitment", committedDays = 5 });
        // Due 2026-10-13 09:00; the reminder is one working day before, at 09:00: Monday 2026-10-12.
        host.Clock.Set(new DateTimeOffset(2026, 10, 12, 9, 0, 0, TimeSpan.FromHours(8)));
        (await host.Services.GetRequiredService<CoBan.Workflow.Timers.TimerRunner>().FireDueAsync(host.Clock.GetUtcNow())).ShouldBeGreaterThan(0);

        await using var session = await BrowserSession.OpenAsync(browser, host);
        await session.JourneyAsync("reminder", async () =>
        {
            var page = session.Page;
            await session.LoginAsync("zhang.wei");
            (await page.InnerTextAsync("[data-test=task-list]")).ShouldContain("剩 1 个工作日");
            await page.GotoAsync($"/cases/{caseId}");
            await page.WaitForSelectorAsync("[data-notice=reminder]");
            (await page.InnerTextAsync("[data-notice=reminder]")).ShouldContain("提醒");
            (await page.InnerTextAsync("[data-test=case-timeline]")).ShouldContain("提醒");
            await session.ScreenshotAsync("reminder", fullPage: true);
            session.ShouldHaveNoPageErrors();
        });
    }
}
