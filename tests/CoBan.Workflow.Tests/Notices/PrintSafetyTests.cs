using System.Net;
using System.Net.Http.Json;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>A print form opens on the service's own origin: a template with a script renders none, and print pages forbid scripts.</summary>
public class PrintSafetyTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(settings: new() { ["CoBan:Notices:Dispatcher:Enabled"] = "false" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private const string Hostile = "<div class=\"form\">\n<p>{{applicant.name}}</p>\n<script>fetch('/api/v1/cases')</script>\n<p onclick=\"steal()\">点我</p>\n"
        + "<a href=\"javascript:steal()\">链接</a><img src=\"data:text/html;base64,PHNjcmlwdD4=\"><iframe src=\"/\"></iframe>\n</div>";

    [Fact]
    public async Task A_print_template_with_a_script_or_an_event_handler_is_refused_when_saved_with_its_line()
    {
        var admin = await _host.LoginAsync("admin");
        var response = await admin.PutAsJsonAsync("/api/v1/notice-templates/receipt/print?bureau=BZ-SCJG", new { content = Hostile, comment = "x" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "template-invalid");
        var problems = problem["problems"]!.AsArray();
        problems.Select(p => (int)p!["line"]!).ShouldContain(3);   // <script>
        problems.Select(p => (int)p!["line"]!).ShouldContain(4);   // onclick=
        problems.Select(p => (string?)p!["name"]).ShouldContain("javascript:");
        ((string?)problem["title"]).ShouldNotBeNull().ShouldContain("脚本");
    }

    [Fact]
    public async Task A_stored_override_with_a_script_renders_none_and_the_print_page_forbids_scripts()
    {
        // An override stored before print templates were checked (or written to the database by hand).
        var theCase = await _host.WithDbAsync(db => NoticeData.CaseAsync(db));
        await _host.WithDbAsync(db =>
        {
            db.Add(new NoticeTemplateVersion
            {
                BureauId = theCase.BureauId, Template = "receipt", Part = NoticeParts.Print, Version = 1, Content = Hostile, Syntax = NoticeTemplateVersion.Scriban, CreatedAt = _host.Clock.GetUtcNow(), CreatedByName = "legacy",
            });
            return db.SaveChangesAsync();
        });
        var notice = await _host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, "receipt", _host.Clock.GetUtcNow(), "print"));
        await _host.Services.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None);

        var html = (await _host.WithDbAsync(db => NoticeData.DeliveriesAsync(db, notice.Id))).Single().Html.ShouldNotBeNull();
        html.ShouldContain("霸州市恒达五金制品有限公司");
        html.ShouldContain("点我");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("onclick", Case.Insensitive);
        html.ShouldNotContain("javascript:", Case.Insensitive);
        html.ShouldNotContain("data:text/html", Case.Insensitive);
        html.ShouldNotContain("<iframe", Case.Insensitive);

        var coordinator = await _host.LoginAsync("zhang.wei");
        foreach (var url in new[] { $"/print/notices/{notice.Id}", $"/print/cases/{theCase.Id}/receipt" })
        {
            var page = await coordinator.GetAsync(url);
            await page.ShouldSucceedAsync();
            var csp = page.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
            csp.ShouldContain("script-src 'none'");
            csp.ShouldContain("default-src 'none'");
            (await page.Content.ReadAsStringAsync()).ShouldNotContain("<script", Case.Insensitive);
        }
    }

    [Fact]
    public void Sanitising_keeps_the_forms_markup_and_the_applicants_png_signature()
    {
        var form = $"<div class=\"form\"><table class=\"fields\"><tr><th>回复方式</th><td>当面告知</td></tr></table>"
            + $"<div class=\"signature\">服务对象签字：<img class=\"signature-image\" src=\"{SignaturePng}\" alt=\"服务对象签名\"></div></div>";
        var clean = PrintSafety.Sanitize(form);
        clean.ShouldContain("<tr><th>回复方式</th><td>当面告知</td></tr>");
        clean.ShouldContain($"src=\"{SignaturePng}\"");
        clean.ShouldContain("class=\"signature-image\"");
    }
}
