using System.Text.Json.Nodes;
using CoBan.Workflow.Tests.Support;
using Microsoft.Playwright;

namespace CoBan.Workflow.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DesignerTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_process_owner_adds_a_timed_step_fixes_a_validation_error_test_runs_and_publishes_version_2_while_running_cases_stay_on_version_1()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        var procedureId = await ProcedureSteps.PublishAsync(host, Diagrams.SimplePermit());
        var zhang = await host.LoginAsync("zhang.wei");
        var running = await ProcedureSteps.StartAsync(zhang, procedureId, "zhang.wei");
        var runningId = (long)running["instance"]!["id"]!;

        await using var session = await BrowserSession.OpenAsync(browser, host);
        await session.JourneyAsync("designer", async () =>
        {
        var page = session.Page;
        await session.LoginAsync("owner.scjg");
        await page.GotoAsync("/designer");
        await session.ScreenshotAsync("designer-list");
        await page.ClickAsync("[data-procedure=simple-permit] a.row-link");
        await WaitForDesignerAsync(page);
        await session.ScreenshotAsync("designer");

        // A new user task dropped onto the flow review → end is spliced into it.
        var added = await CreateOnAsync(page, "create.user-task", await CentreAsync(page, "f2"));
        added.ShouldNotBe("review");
        (await BusinessObjectAsync(page, added, "$type")).ShouldBe("bpmn:UserTask");
        (await IncomingSourceAsync(page, "end")).ShouldBe(added);
        await FillEntryAsync(page, "name", "复核", added, "name");
        await FillEntryAsync(page, "coban-due", "P3WD", added, "coban:due");

        // A boundary event on the new task's lower edge, turned into a timer through the replace menu.
        var box = await ShapeBoxAsync(page, added);
        var boundary = await CreateOnAsync(page, "create.intermediate-event", (box.X + box.Width / 2, box.Y + box.Height));
        (await BusinessObjectAsync(page, boundary, "$type")).ShouldBe("bpmn:BoundaryEvent");
        await page.ClickAsync(".djs-context-pad .entry[data-action=replace]");
        await page.ClickAsync(".djs-popup .entry[data-id=replace-with-timer-boundary]");
        boundary = await SelectedIdAsync(page);

        // The server's validation marks the timer without a time on the element.
        await page.ClickAsync("[data-test=validate]");
        await page.WaitForSelectorAsync($"[data-test=problem-list] li[data-element-id='{boundary}']");
        (await page.GetAttributeAsync($".djs-element[data-element-id='{boundary}']", "class"))!.ShouldContain("coban-problem-error");
        (await page.GetAttributeAsync("[data-designer-page]", "data-valid")).ShouldBe("false");
        await session.ScreenshotAsync("designer-validation");

        // Fixed in the properties panel (reached from the problem list): a duration of two working days.
        await page.ClickAsync($"[data-test=problem-list] li[data-element-id='{boundary}'] button");
        await page.WaitForFunctionAsync("id => window.cobanDesigner.bpmnjs.get('selection').get()[0]?.id === id", boundary);
        await OpenGroupAsync(page, "timer");
        await page.SelectOptionAsync("#designer-props [data-entry-id=timerEventDefinitionType] select", "timeDuration");
        await page.FillAsync("#designer-props [data-entry-id=timerEventDefinitionValue] input", "P2WD");
        await page.PressAsync("#designer-props [data-entry-id=timerEventDefinitionValue] input", "Tab");
        await page.ClickAsync("[data-test=validate]");
        await page.WaitForSelectorAsync("[data-designer-page][data-valid=true]");
        (await page.Locator($".djs-element[data-element-id='{boundary}'].coban-problem-error").CountAsync()).ShouldBe(0);

        // Test-run: complete the review, see the token on the new step with its due date, then let the timer fire.
        await page.ClickAsync("[data-test=tab-simulation]");
        await page.ClickAsync("[data-test=sim-start]");
        await page.WaitForSelectorAsync("[data-test=sim-waiting] [data-waiting=review]");
        (await ClassOfAsync(page, "review")).ShouldContain("coban-active");
        // The review's form is offered with its fields; the required ones must be filled, as at the desk.
        await page.ClickAsync("[data-waiting=review] [data-complete=review]");
        await page.WaitForSelectorAsync("[data-test=sim-state][data-state=failed]");
        await page.ClickAsync("[data-test=sim-undo]");
        await page.WaitForSelectorAsync("[data-test=sim-state][data-state=waiting]");
        await page.FillAsync("[data-waiting=review] [data-sim-field=opinion] textarea", "材料齐全");
        await page.CheckAsync("[data-waiting=review] [data-sim-field=approved] input[value=true]");
        await page.ClickAsync("[data-waiting=review] [data-complete=review]");
        await page.WaitForSelectorAsync($"[data-test=sim-waiting] [data-waiting='{added}']");
        (await ClassOfAsync(page, added)).ShouldContain("coban-active");
        (await ClassOfAsync(page, "review")).ShouldContain("coban-completed");
        (await page.InnerTextAsync("[data-test=sim-log]")).ShouldContain("复核");
        await session.ScreenshotAsync("designer-test-run");
        await page.ClickAsync($"[data-waiting='{boundary}'] [data-fire='{boundary}']");
        await page.WaitForSelectorAsync("[data-test=sim-state][data-state=completed]");

        // Publish version 2 with a comment.
        await page.ClickAsync("[data-test=publish]");
        await page.FillAsync("[data-test=publish-comment]", "增加复核环节（3 个工作日，超 2 个工作日自动结束）");
        await page.ClickAsync("[data-test=publish-confirm]");
        await page.WaitForSelectorAsync("[data-test=published]");
        (await page.InnerTextAsync("[data-test=published]")).ShouldContain("2");
        await WaitForDesignerAsync(page);
        await page.ClickAsync("[data-test=tab-history]");
        var history = page.Locator("[data-test=version-history]");
        (await history.Locator("tr[data-version='2']").InnerTextAsync()).ShouldContain("增加复核环节");
        (await history.Locator("tr[data-version='2']").InnerTextAsync()).ShouldContain("孙立");
        (await history.Locator("tr[data-version='1'] td").Nth(5).InnerTextAsync()).Trim().ShouldBe("1");
        await session.ScreenshotAsync("designer-history");

        // The case started on version 1 stays there; a new one starts on version 2.
        var owner = await host.LoginAsync("owner.scjg");
        var stillOld = await owner.GetJsonAsync($"/api/v1/instances/{runningId}");
        ((int)stillOld["instance"]!["procedureVersion"]!).ShouldBe(1);
        stillOld["waitingAt"]!.AsArray().Select(x => (string?)x).ShouldBe(["review"]);
        var fresh = await ProcedureSteps.StartAsync(zhang, procedureId, "zhang.wei");
        ((int)fresh["instance"]!["procedureVersion"]!).ShouldBe(2);

        // Version 1 opens read-only, and the comparison shows the added elements.
        await page.GotoAsync($"/designer/{procedureId}/versions/1");
        await page.WaitForSelectorAsync("[data-test=version-diagram][data-ready=true]");
        (await page.Locator("[data-test=version-diagram] .djs-palette").IsVisibleAsync()).ShouldBeFalse();
        await page.GotoAsync($"/designer/{procedureId}/compare?from=1&to=2");
        await page.WaitForSelectorAsync("[data-test=compare-to][data-ready=true]");
        (await page.GetAttributeAsync($"[data-test=compare-to] .djs-element[data-element-id='{added}']", "class"))!.ShouldContain("coban-added");
        (await page.Locator("[data-test=compare-table] tr[data-change=added]").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        await session.ScreenshotAsync("designer-compare");
        session.ShouldHaveNoPageErrors();
        });
    }

    [Fact]
    public async Task A_Camunda_Modeler_file_becomes_a_new_procedure_imports_into_an_open_one_and_exports_again()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        var camunda = Path.Combine(Screenshots.RepositoryRoot(), "src", "CoBan.Workflow.Designer", "test", "fixtures", "camunda-modeler.bpmn");
        await using var session = await BrowserSession.OpenAsync(browser, host);
        await session.JourneyAsync("designer-import", async () =>
        {
            var page = session.Page;
            await session.LoginAsync("owner.scjg");
            await page.GotoAsync("/designer");
            await page.ClickAsync("[data-test=new-procedure]");
            await page.FillAsync("[data-test=new-name]", "请假审批");
            await page.FillAsync("[data-test=new-key]", "leave-request");
            await page.CheckAsync("input[name=template][value=import]");
            await page.SetInputFilesAsync("[data-test=new-file]", camunda);
            await session.ScreenshotAsync("designer-new");
            await page.ClickAsync("[data-test=create]");
            await WaitForDesignerAsync(page);
            (await page.EvaluateAsync<string>("() => window.cobanDesigner.bpmnjs.get('canvas').getRootElement().businessObject.id")).ShouldBe("leave-request");
            (await page.InnerTextAsync("[data-test=procedure-name]")).ShouldContain("请假审批");

            // Export keeps Camunda's attributes.
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-test=export]"));
            download.SuggestedFilename.ShouldBe("leave-request.bpmn");
            var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
            exported.ShouldContain("camunda:assignee=\"${manager}\"");
            exported.ShouldContain("<bpmn:process id=\"leave-request\"");

            // Importing into an open procedure renames the process to the procedure's key and validates at once.
            await page.SetInputFilesAsync("[data-test=import-file]", camunda);
            await page.WaitForFunctionAsync("() => document.querySelector('[data-test=status]').textContent.includes('leave_request')");
            (await page.EvaluateAsync<string>("() => window.cobanDesigner.bpmnjs.get('canvas').getRootElement().businessObject.id")).ShouldBe("leave-request");
            await page.ClickAsync("[data-test=save]");
            await page.WaitForFunctionAsync("() => document.querySelector('[data-test=status]').dataset.kind === 'ok'");
            session.ShouldHaveNoPageErrors();
        });
    }

    [Fact]
    public async Task At_1366x768_the_canvas_palette_and_panel_are_usable_and_deleting_an_element_flagged_by_validation_drops_its_problem_while_save_and_publish_still_work()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        var procedureId = await ProcedureSteps.PublishAsync(host, Diagrams.SimplePermit());
        await using var session = await BrowserSession.OpenAsync(browser, host, viewport: BrowserSession.CounterPc);
        await session.JourneyAsync("designer-delete-flagged", async () =>
        {
            var page = session.Page;
            await session.LoginAsync("owner.scjg");
            await page.GotoAsync($"/designer/{procedureId}");
            await WaitForDesignerAsync(page);

            // The canvas has most of the screen; every palette tool can be reached; the panel folds away.
            var canvas = (await page.Locator("#designer-canvas").BoundingBoxAsync())!;
            canvas.Height.ShouldBeGreaterThan(420);
            var lastTool = page.Locator(".djs-palette .entry").Last;
            await lastTool.ScrollIntoViewIfNeededAsync();
            var tool = (await lastTool.BoundingBoxAsync())!;
            (tool.Y + tool.Height).ShouldBeLessThanOrEqualTo(canvas.Y + canvas.Height);
            var width = canvas.Width;
            await page.ClickAsync("[data-test=toggle-props]");
            await page.WaitForSelectorAsync("[data-test=designer-main][data-props=closed]");
            (await page.Locator("#designer-canvas").BoundingBoxAsync())!.Width.ShouldBeGreaterThan(width + 200);
            await page.ClickAsync("[data-test=toggle-props]");
            await page.ClickAsync("[data-test=zoom-in]");
            (await page.EvaluateAsync<double>("() => window.cobanDesigner.bpmnjs.get('canvas').zoom()")).ShouldBeGreaterThan(1.0);
            await page.ClickAsync("[data-test=zoom-fit]");
            // Checkboxes are boxes, not 36-pixel pills.
            await page.ClickAsync("#designer-canvas .djs-element[data-element-id='review'] .djs-hit");
            var check = page.Locator("#designer-props [data-group-id='group-coban-assignment'] input[type=checkbox]").First;
            (await check.BoundingBoxAsync())!.Height.ShouldBeLessThan(24);
            await session.ScreenshotAsync("designer-1366");

            // A timer on the review without a time: validation flags it.
            var box = await ShapeBoxAsync(page, "review");
            var boundary = await CreateOnAsync(page, "create.intermediate-event", (box.X + box.Width / 2, box.Y + box.Height));
            await page.ClickAsync(".djs-context-pad .entry[data-action=replace]");
            await page.ClickAsync(".djs-popup .entry[data-id=replace-with-timer-boundary]");
            boundary = await SelectedIdAsync(page);
            await page.ClickAsync("[data-test=validate]");
            await page.WaitForSelectorAsync($"[data-test=problem-list] li[data-element-id='{boundary}']");

            // Selected from the problem list and deleted with its context pad: the problem goes with it, and nothing breaks.
            await page.ClickAsync($"[data-test=problem-list] li[data-element-id='{boundary}'] button");
            await page.ClickAsync(".djs-context-pad .entry[data-action=delete]");
            await page.WaitForFunctionAsync("id => !window.cobanDesigner.bpmnjs.get('elementRegistry').get(id)", boundary);
            await page.WaitForSelectorAsync($"[data-test=problem-list] li[data-element-id='{boundary}']", new() { State = WaitForSelectorState.Detached });
            await page.ClickAsync("[data-test=validate]");
            await page.WaitForSelectorAsync("[data-designer-page][data-valid=true]");
            await page.ClickAsync("[data-test=save]");
            await page.WaitForFunctionAsync("() => document.querySelector('[data-test=status]').dataset.kind === 'ok' && document.querySelector('[data-test=status]').textContent.includes('草稿已保存')");
            await page.ClickAsync("[data-test=publish]");
            await page.FillAsync("[data-test=publish-comment]", "去掉定时器");
            await page.ClickAsync("[data-test=publish-confirm]");
            await page.WaitForSelectorAsync("[data-test=published]");
            session.ShouldHaveNoPageErrors();
        });
    }

    [Fact]
    public async Task Every_shipped_procedure_test_runs_out_of_the_box_with_its_start_variables_prefilled_in_a_form()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        var owner = await host.LoginAsync("owner.scjg");
        var shipped = Directory.GetFiles(Path.Combine(Screenshots.RepositoryRoot(), "workflows"), "*.bpmn").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var procedures = (await owner.GetJsonAsync("/api/v1/procedures")).AsArray()
            .Where(p => shipped.Contains((string?)p!["key"])).Select(p => ((long)p!["id"]!, (string)p["key"]!)).ToList();
        procedures.Select(p => p.Item2).ToHashSet().ShouldBe(shipped, ignoreOrder: true);

        await using var session = await BrowserSession.OpenAsync(browser, host, viewport: BrowserSession.CounterPc);
        await session.JourneyAsync("designer-shipped-test-run", async () =>
        {
            var page = session.Page;
            await session.LoginAsync("owner.scjg");
            foreach (var (id, key) in procedures)
            {
                await page.GotoAsync($"/designer/{id}");
                await WaitForDesignerAsync(page);
                await page.ClickAsync("[data-test=tab-simulation]");
                await page.WaitForSelectorAsync("[data-test=sim-start-form]");
                await page.ClickAsync("[data-test=sim-start]");
                await page.WaitForSelectorAsync("[data-test=sim-state]");
                var state = await page.GetAttributeAsync("[data-test=sim-state]", "data-state");
                var log = await page.InnerTextAsync("[data-test=simulation]");
                state.ShouldNotBe("failed", $"{key}: {log}");
                log.ShouldNotContain("cannot resolve", Case.Insensitive, key);
                if (key == "commitment-deadline")
                {
                    // the flow 容缺受理 asks for `tolerant`: a yes/no box, named with where it is used
                    (await page.InnerTextAsync("[data-start-var=tolerant]")).ShouldContain("用于：容缺受理");
                    (await page.GetAttributeAsync("[data-start-var=tolerant] input", "type")).ShouldBe("checkbox");
                    // dates the case would bring are a week after the simulated start, at the end of the working day
                    var start = DateOnly.Parse((await page.InnerTextAsync("[data-test=sim-now]"))[..10]);
                    (await page.InputValueAsync("[data-start-var=caseDeadline] input")).ShouldBe($"{start.AddDays(7):yyyy-MM-dd}T17:00");
                    await session.ScreenshotAsync("designer-test-run-start");
                }
            }
            session.ShouldHaveNoPageErrors();
        });
    }

    internal static async Task WaitForDesignerAsync(IPage page) =>
        await page.WaitForSelectorAsync("[data-designer-page][data-ready=true]");

    private static async Task<(float X, float Y)> CentreAsync(IPage page, string id)
    {
        var box = await page.Locator($"#designer-canvas .djs-element[data-element-id='{id}']").BoundingBoxAsync() ?? throw new InvalidOperationException(id);
        return (box.X + box.Width / 2, box.Y + box.Height / 2);
    }

    private static async Task<LocatorBoundingBoxResult> ShapeBoxAsync(IPage page, string id) =>
        await page.Locator($"#designer-canvas .djs-element[data-element-id='{id}'] .djs-visual").BoundingBoxAsync() ?? throw new InvalidOperationException(id);

    /// <summary>Clicks a palette entry, moves to the point and clicks there, as a person places a shape; returns the new element's id.</summary>
    private static async Task<string> CreateOnAsync(IPage page, string action, (float X, float Y) at)
    {
        var before = await page.EvaluateAsync<string[]>("() => window.cobanDesigner.bpmnjs.get('elementRegistry').getAll().map(e => e.id)");
        await page.ClickAsync($".djs-palette .entry[data-action='{action}']");
        await page.Mouse.MoveAsync(at.X - 40, at.Y - 40);
        await page.Mouse.MoveAsync(at.X, at.Y, new MouseMoveOptions { Steps = 8 });
        await page.Mouse.ClickAsync(at.X, at.Y);
        var after = await page.EvaluateAsync<string[]>("() => window.cobanDesigner.bpmnjs.get('elementRegistry').getAll().filter(e => !e.labelTarget && e.type !== 'bpmn:SequenceFlow').map(e => e.id)");
        return after.Except(before).Single();
    }

    private static Task<string> SelectedIdAsync(IPage page) =>
        page.EvaluateAsync<string>("() => window.cobanDesigner.bpmnjs.get('selection').get()[0].id");

    private static Task<string?> BusinessObjectAsync(IPage page, string id, string property) =>
        page.EvaluateAsync<string?>("([id, p]) => { const bo = window.cobanDesigner.bpmnjs.get('elementRegistry').get(id).businessObject; return p === '$type' ? bo.$type : bo.get(p) ?? null; }", new[] { id, property });

    private static Task<string?> IncomingSourceAsync(IPage page, string id) =>
        page.EvaluateAsync<string?>("id => window.cobanDesigner.bpmnjs.get('elementRegistry').get(id).incoming[0]?.source.id ?? null", id);

    private static async Task<string> ClassOfAsync(IPage page, string id) =>
        await page.GetAttributeAsync($"#designer-canvas .djs-element[data-element-id='{id}']", "class") ?? "";

    private static async Task OpenGroupAsync(IPage page, string group)
    {
        var header = page.Locator($"#designer-props [data-group-id='group-{group}'] .bio-properties-panel-group-header");
        if (!(await header.GetAttributeAsync("class") ?? "").Contains("open")) await header.ClickAsync();
    }

    /// <summary>Types into a properties panel entry (text field or area) and waits until the edit reached the model.</summary>
    private static async Task FillEntryAsync(IPage page, string entry, string value, string elementId, string attribute)
    {
        var input = page.Locator($"#designer-props [data-entry-id='{entry}'] input, #designer-props [data-entry-id='{entry}'] textarea").First;
        if (!await input.IsVisibleAsync())
        {
            var group = await input.EvaluateAsync<string>("e => e.closest('[data-group-id]').dataset.groupId");
            await page.ClickAsync($"#designer-props [data-group-id='{group}'] .bio-properties-panel-group-header");
        }
        await input.FillAsync(value);
        await input.PressAsync("Tab");
        await page.WaitForFunctionAsync("([id, a, v]) => window.cobanDesigner.bpmnjs.get('elementRegistry').get(id).businessObject.get(a) === v",
            new[] { elementId, attribute, value });
    }
}
