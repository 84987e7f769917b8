using System.Net;
using System.Net.Http.Json;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>Administrators override templates per bureau through the API: versions, preview, history, revert, delete, and refusals with the line.</summary>
public class TemplateOverrideApiTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(settings: new() { ["CoBan:Notices:Dispatcher:Enabled"] = "false" });
        _admin = await _host.LoginAsync("admin");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private const string Override = "<div class=\"form\"><h1 class=\"title\">协办回执（市场监管局版）</h1><p>{{applicant.name}}：承诺于{{ this.case.deadline }}前办结。</p></div>";

    [Fact]
    public async Task A_template_naming_an_unknown_variable_is_refused_with_422_naming_the_line_and_the_name()
    {
        var response = await _admin.PutAsJsonAsync("/api/v1/notice-templates/receipt/print?bureau=BZ-SCJG",
            new { content = "<p>{{applicant.name}}</p>\n<p>承诺于{{ this.case.deadlin }}前办结</p>", comment = "typo" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "template-invalid");
        ((string?)problem["title"]).ShouldNotBeNull().ShouldContain("第 2 行");
        ((string?)problem["title"]).ShouldNotBeNull().ShouldContain("case.deadlin");
        var first = problem["problems"]![0]!;
        ((int)first["line"]!).ShouldBe(2);
        ((string?)first["name"]).ShouldBe("case.deadlin");
        ((string?)first["part"]).ShouldBe("print");
    }

    [Fact]
    public async Task A_template_that_does_not_compile_is_refused_with_its_line()
    {
        var response = await _admin.PutAsJsonAsync("/api/v1/notice-templates/receipt/email-text?bureau=BZ-SCJG",
            new { content = "您好：\n{{ for m in missingMaterials }}\n{{ m.name }}\n", comment = "unclosed" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "template-invalid");
        ((int)problem["problems"]![0]!["line"]!).ShouldBeInRange(2, 3); // Scriban reports the unclosed for where the text ends
        ((string?)problem["problems"]![0]!["messageEn"]).ShouldNotBeNull().ShouldContain("<end>");
    }

    [Fact]
    public async Task An_override_is_previewed_saved_as_a_version_used_for_that_bureau_only_reverted_and_deleted()
    {
        var list = await _admin.GetJsonAsync("/api/v1/notice-templates?bureau=BZ-SCJG");
        list.AsArray().Count.ShouldBe(18); // 12 notices and 6 supervision reports
        var receipt = list.AsArray().Single(t => (string?)t!["name"] == "receipt")!;
        receipt["parts"]!.AsArray().ShouldAllBe(p => (string?)p!["source"] == "shipped");
        ((string?)receipt["smsTemplateCode"]).ShouldBe("SMS_COBAN_RECEIPT");

        // Preview unsaved content with the built-in sample case.
        var preview = await _admin.PostJsonAsync("/api/v1/notice-templates/receipt/preview?bureau=BZ-SCJG", new { part = "print", content = Override });
        var printed = (string?)preview["channels"]!.AsArray().Single(c => (string?)c!["channel"] == "print")!["html"];
        printed.ShouldNotBeNull().ShouldContain("霸州市恒达五金制品有限公司：承诺于2026年10月13日前办结。");
        printed.ShouldContain("<title>协办回执</title>");
        ((string?)preview["channels"]!.AsArray().Single(c => (string?)c!["channel"] == "sms")!["text"]).ShouldNotBeNull().ShouldContain("承诺2026年10月13日前办结");

        var saved = await _admin.PutJsonAsync("/api/v1/notice-templates/receipt/print?bureau=BZ-SCJG", new { content = Override, comment = "本局版式" });
        ((string?)saved["source"]).ShouldBe("override");
        ((int)saved["version"]!).ShouldBe(1);
        ((string?)saved["savedBy"]).ShouldBe("系统管理员");

        // The bureau's notices use it; another bureau keeps the shipped form.
        (await PrintAsync("BZ-SCJG")).ShouldContain("协办回执（市场监管局版）");
        (await PrintAsync("BZ-RSJ")).ShouldNotContain("市场监管局版");

        var second = Override.Replace("市场监管局版", "第二版");
        await _admin.PutJsonAsync("/api/v1/notice-templates/receipt/print?bureau=BZ-SCJG", new { content = second, comment = "v2" });
        (await PrintAsync("BZ-SCJG")).ShouldContain("第二版"); // compiled once per version: the new version is not served from the old compilation

        var reverted = await _admin.PostJsonAsync("/api/v1/notice-templates/receipt/print/revert?bureau=BZ-SCJG", new { version = 1 });
        ((int)reverted["version"]!).ShouldBe(3);
        ((string?)reverted["content"]).ShouldBe(Override);
        (await PrintAsync("BZ-SCJG")).ShouldContain("市场监管局版");

        var deleted = await _admin.DeleteAsync("/api/v1/notice-templates/receipt/print?bureau=BZ-SCJG");
        var afterDelete = await deleted.JsonAsync();
        ((string?)afterDelete["source"]).ShouldBe("shipped");
        (await PrintAsync("BZ-SCJG")).ShouldNotContain("市场监管局版");

        var history = (await _admin.GetJsonAsync("/api/v1/notice-templates/receipt/print/history?bureau=BZ-SCJG")).AsArray();
        history.Select(v => (int)v!["version"]!).ShouldBe([4, 3, 2, 1]);
        ((bool)history[0]!["deleted"]!).ShouldBeTrue();
        ((string?)history[3]!["comment"]).ShouldBe("本局版式");
    }

    [Fact]
    public async Task A_city_centre_override_applies_to_the_bureaus_under_it()
    {
        await _admin.PutJsonAsync("/api/v1/notice-templates/receipt/print?bureau=BZ-ZWZX", new { content = Override.Replace("市场监管局版", "全市统一版"), comment = "city" });

        (await PrintAsync("BZ-SCJG")).ShouldContain("全市统一版");
        var part = await _admin.GetJsonAsync("/api/v1/notice-templates/receipt/print?bureau=BZ-SCJG");
        ((string?)part["source"]).ShouldBe("override");
    }

    [Fact]
    public async Task Only_administrators_change_templates()
    {
        var coordinator = await _host.LoginAsync("zhang.wei");
        (await coordinator.GetJsonAsync("/api/v1/notice-templates")).AsArray().Count.ShouldBe(18);
        var response = await coordinator.PutAsJsonAsync("/api/v1/notice-templates/receipt/print", new { content = Override });
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_sms_override_may_carry_the_providers_approved_code()
    {
        const string sms = """{"templateCode":"SMS_1","text":"${name}您好：已受理，承诺${deadline}前办结。","params":{"name":"{{applicant.name}}","deadline":"{{ this.case.deadline }}"}}""";
        var saved = await _admin.PutJsonAsync("/api/v1/notice-templates/receipt/sms?bureau=BZ-SCJG", new { content = sms, smsTemplateCode = "SMS_480123456" });
        ((string?)saved["smsTemplateCode"]).ShouldBe("SMS_480123456");
    }

    private async Task<string> PrintAsync(string bureau)
    {
        var theCase = await _host.WithDbAsync(async db =>
        {
            var c = await NoticeData.CaseAsync(db, sequence: Random.Shared.Next(1000, 99999));
            if (bureau != "BZ-SCJG")
            {
                c.BureauId = await NoticeData.BureauAsync(db, bureau);
                await db.SaveChangesAsync();
            }
            return c;
        });
        var notice = await _host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, "receipt", _host.Clock.GetUtcNow(), "print"));
        await _host.Services.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None);
        var html = await (await _admin.GetAsync($"/print/notices/{notice.Id}")).Content.ReadAsStringAsync();
        html.ShouldContain("<!DOCTYPE html>");
        return html;
    }
}
