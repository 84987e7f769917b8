using CoBan.Workflow.Tests.Support;
using Microsoft.Playwright;

namespace CoBan.Workflow.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class NoticeTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_administrator_edits_a_receipt_template_with_a_live_preview_is_told_the_line_of_a_mistake_and_saves_a_new_version()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        await using var session = await BrowserSession.OpenAsync(browser, host);
        await session.JourneyAsync("templates", async () =>
        {
            var page = session.Page;
            await session.LoginAsync("admin");
            await page.GotoAsync("/admin");
            await page.ClickAsync("[data-test=admin-templates]");
            await page.ClickAsync("[data-template=receipt] a.row-link");
            await page.ClickAsync("[data-part=print]");
            var print = page.FrameLocator("[data-preview-frame=print]");
            (await print.Locator("body").InnerTextAsync()).ShouldContain("协办回执");

            // Typing updates the preview.
            var editor = page.Locator("[data-test=template-content]");
            await editor.FocusAsync();
            await page.Keyboard.PressAsync("Control+End");
            await page.Keyboard.InsertTextAsync("\n<p class=\"note\">请携带身份证原件，于{{ this.case.deadline }}前来取件。</p>");
            await Assertions.Expect(print.Locator("body")).ToContainTextAsync("请携带身份证原件");

            // A misspelt name is refused with its line and a suggestion; the preview says so.
            await page.Keyboard.InsertTextAsync("{{ this.case.deadlin }}");
            await page.WaitForSelectorAsync("[data-test=template-problems] li");
            var problem = await page.InnerTextAsync("[data-test=template-problems] li");
            problem.ShouldContain("case.deadlin");
            problem.ShouldContain("case.deadline");
            await session.ScreenshotAsync("template-error");
            for (var i = 0; i < "{{ this.case.deadlin }}".Length; i++) await page.Keyboard.PressAsync("Backspace");
            await Assertions.Expect(page.Locator("[data-test=template-problems] li")).ToHaveCountAsync(0);

            await page.FillAsync("[data-test=template-comment]", "增加取件提示");
            await page.ClickAsync("[data-test=template-save]");
            await page.WaitForSelectorAsync("[data-test=done]");
            (await page.InnerTextAsync("[data-test=template-source]")).ShouldContain("v1");
            (await page.InnerTextAsync("[data-test=template-history]")).ShouldContain("增加取件提示");
            await Assertions.Expect(page.FrameLocator("[data-preview-frame=print]").Locator("body")).ToContainTextAsync("请携带身份证原件");
            await session.ScreenshotAsync("template-edit");

            // Channel settings: a test e-mail goes to the pickup folder of a fresh install.
            await page.GotoAsync("/admin/notice-settings");
            await page.FillAsync("[data-test=test-to]", "admin@coban.demo");
            await page.ClickAsync("[data-test=test-send]");
            await page.WaitForSelectorAsync("[data-test=test-result][data-outcome]");
            (await page.GetAttributeAsync("[data-test=test-result]", "data-outcome")).ShouldBe("sent");
            await session.ScreenshotAsync("notice-settings");
            session.ShouldHaveNoPageErrors();
        });
        Directory.GetFiles(Path.Combine(host.DataFolder, "mail-pickup"), "*.eml").Length.ShouldBe(1);
    }
}
