using CoBan.Workflow.Journal;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>
/// Handlebars overrides of older releases become Scriban (issue 14): the converter keeps what they print,
/// the start-up upgrade converts stored overrides into a new version, keeps one it cannot convert marked for
/// review (the shipped template is used meanwhile), journals both, and does nothing on a second run.
/// </summary>
public class TemplateSyntaxUpgradeTests
{
    private static string Convert(string handlebars, bool html = false) =>
        HandlebarsToScriban.Convert(handlebars, html).Scriban.ShouldNotBeNull();

    private static string Render(string scriban, string part = "email-text") =>
        new NoticeRenderer(new NoticeCatalog(Path.Combine(AppContext.BaseDirectory, "templates"))).RenderUncached(part, scriban, SampleNoticeModel.Build());

    [Fact]
    public void Each_gets_a_named_loop_variable_and_standalone_block_lines_disappear_as_in_handlebars()
    {
        const string handlebars = "材料：\n{{#each missingMaterials}}\n{{inc @index}}. {{name}}（{{note}}）{{../bureau.name}}\n{{/each}}\n完";
        var scriban = Convert(handlebars);
        scriban.ShouldBe("材料：\n{{~ for material in missingMaterials ~}}\n{{ for.index + 1 }}. {{ material.name }}（{{ material.note }}）{{ bureau.name }}\n{{~ end ~}}\n完");
        Render(scriban).ShouldBe("材料：\n1. 股东会决议（原件 1 份，全体股东签字）霸州市市场监督管理局\n2. 修改后的公司章程（原件 1 份）霸州市市场监督管理局\n完");
    }

    [Fact]
    public void Helpers_conditions_else_with_and_the_case_keyword_convert()
    {
        Convert("{{case.number}}").ShouldBe("{{ this.case.number }}");
        Convert("{{default task.name matter.name}}").ShouldBe("{{ task.name | object.default matter.name }}");
        Convert("{{join missingMaterials \"、\"}}|{{join rejection.reasons \"；\"}}|{{count chain}}")
            .ShouldBe("{{ missingMaterials | array.map \"name\" | array.join \"、\" }}|{{ rejection.reasons | array.join \"；\" }}|{{ chain.size }}");
        Convert("{{#if transfer.accepted}}a{{else if transfer.refused}}b{{else}}c{{/if}}").ShouldBe("{{ if transfer.accepted }}a{{ else if transfer.refused }}b{{ else }}c{{ end }}");
        Convert("{{#unless applicant.contact}}无{{/unless}}{{^chain}}空{{/chain}}").ShouldBe("{{ if !(applicant.contact) }}无{{ end }}{{ if !(chain) }}空{{ end }}");
        Convert("{{#each receivedMaterials}}{{#if @index}}、{{/if}}{{name}}{{else}}—{{/each}}")
            .ShouldBe("{{ for material in receivedMaterials }}{{ if for.index }}、{{ end }}{{ material.name }}{{ else }}—{{ end }}");
        Convert("{{#with transfer.toBureau}}{{name}}{{/with}}").ShouldBe("{{ if transfer.toBureau }}{{ transfer.toBureau.name }}{{ end }}");
        Convert("{{#if (eq case.kind \"承诺件\")}}x{{/if}}{{!-- 注释 --}}").ShouldBe("{{ if (this.case.kind == \"承诺件\") }}x{{ end }}{{ ## 注释 ## }}");
        Convert("{{#each vars.sections}}{{#each rows}}{{#each cells}}{{this}}{{/each}}{{/each}}{{/each}}")
            .ShouldBe("{{ for section in vars.sections }}{{ for row in section.rows }}{{ for cell in row.cells }}{{ cell }}{{ end }}{{ end }}{{ end }}");
    }

    [Fact]
    public void What_cannot_be_converted_is_reported_not_guessed()
    {
        HandlebarsToScriban.Convert("{{> header}}", false).ProblemZh.ShouldNotBeNull().ShouldContain("子模板");
        HandlebarsToScriban.Convert("{{formatDate case.deadline}}", false).ProblemEn.ShouldNotBeNull().ShouldContain("unknown helper");
        HandlebarsToScriban.Convert("<p>{{{applicant.name}}}</p>", true).Scriban.ShouldBeNull();
        HandlebarsToScriban.Convert("{{#each chain}}x", false).Scriban.ShouldBeNull();
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Stored_overrides_are_converted_at_start_or_kept_for_review_with_the_shipped_template_used(Db database)
    {
        await using var host = await TestHost.StartAsync(database, settings: new() { ["CoBan:Notices:Dispatcher:Enabled"] = "false" });
        var scjg = await host.WithDbAsync(db => NoticeData.BureauAsync(db, "BZ-SCJG"));
        var at = host.Clock.GetUtcNow();
        // Rows as an older release stored them: no Syntax.
        await host.WithDbAsync(db =>
        {
            db.Add(new NoticeTemplateVersion { BureauId = scjg, Template = "receipt", Part = "print", Version = 1, CreatedAt = at, CreatedByName = "管理员",
                Content = "<div class=\"form\"><h1 class=\"title\">协办回执（市场监管局版）</h1>\n{{#each missingMaterials}}\n<p>{{name}}</p>\n{{/each}}\n<p>{{case.number}}</p></div>" });
            db.Add(new NoticeTemplateVersion { BureauId = scjg, Template = "receipt", Part = "sms", Version = 1, CreatedAt = at, SmsTemplateCode = "SMS_SCJG_1",
                Content = """{"templateCode":"SMS_SCJG_1","text":"${name}：已受理，${deadline}前办结。","params":{"name":"{{applicant.name}}","deadline":"{{default case.deadline \"—\"}}"}}""" });
            db.Add(new NoticeTemplateVersion { BureauId = scjg, Template = "receipt", Part = "email-text", Version = 1, CreatedAt = at,
                Content = "{{> header}}\n{{applicant.name}}您好" });
            return db.SaveChangesAsync();
        });

        var first = await host.WithDbAsync(db => TemplateSyntaxUpgrade.RunAsync(db, at, CancellationToken.None));
        first.ShouldBe((2, 1));
        (await host.WithDbAsync(db => TemplateSyntaxUpgrade.RunAsync(db, at, CancellationToken.None))).ShouldBe((0, 0)); // idempotent

        var store = host.Services.GetRequiredService<NoticeTemplateStore>();
        var print = (await host.WithDbAsync(db => store.ResolveAsync(db, scjg, "receipt", "print", CancellationToken.None)))!;
        print.Override.ShouldBeTrue();
        print.Version.ShouldBe(2);
        print.Content.ShouldContain("{{~ for material in missingMaterials ~}}");
        print.Content.ShouldContain("{{ this.case.number }}");
        var sms = (await host.WithDbAsync(db => store.ResolveAsync(db, scjg, "receipt", "sms", CancellationToken.None)))!;
        sms.Content.ShouldContain("{{ this.case.deadline | object.default \\\"—\\\" }}");
        sms.SmsTemplateCode.ShouldBe("SMS_SCJG_1");

        // The one it could not convert: kept (not rewritten, not deleted), marked, and the shipped text is used.
        var text = (await host.WithDbAsync(db => store.ResolveAsync(db, scjg, "receipt", "email-text", CancellationToken.None)))!;
        text.Override.ShouldBeFalse();
        var kept = await host.WithDbAsync(db => db.Set<NoticeTemplateVersion>().SingleAsync(v => v.BureauId == scjg && v.Part == "email-text"));
        kept.Content.ShouldBe("{{> header}}\n{{applicant.name}}您好");
        kept.ReviewNote.ShouldNotBeNull().ShouldContain("子模板");

        // The administrator sees it in the editor's data, and the journal says what happened.
        var admin = await host.LoginAsync("admin");
        var content = await admin.GetJsonAsync("/api/v1/notice-templates/receipt/email-text?bureau=BZ-SCJG");
        ((string?)content["reviewNote"]).ShouldNotBeNull().ShouldContain("无法自动转换");
        ((string?)content["reviewContent"]).ShouldBe("{{> header}}\n{{applicant.name}}您好");
        var journal = await host.WithDbAsync(db => db.Set<JournalEntry>().Where(j => j.Action.StartsWith("notice-template.")).Select(j => j.Action).ToListAsync());
        journal.Count(a => a == "notice-template.upgraded").ShouldBe(2);
        journal.Count(a => a == "notice-template.review").ShouldBe(1);

        // The converted print renders the applicant's case.
        var theCase = await host.WithDbAsync(db => NoticeData.CaseAsync(db));
        var notice = await host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, "receipt", at, "print"));
        var html = await host.WithDbAsync(db => host.Services.GetRequiredService<NoticePrinter>().RenderAsync(db, notice, CancellationToken.None));
        html.ShouldContain("协办回执（市场监管局版）");
        html.ShouldContain("<p>股东会决议</p>");
        html.ShouldContain("BZ-SCJG-2026-00017");
    }
}
