using CoBan.Workflow.Notices;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>The validator refuses what would fail or print nothing, telling the line and the name.</summary>
public class TemplateValidationTests
{
    private static List<TemplateProblem> Check(string content, string part = "print") => NoticeTemplates.Validate(part, content);

    [Fact]
    public void An_unknown_variable_is_refused_with_its_line_and_name_and_a_suggestion()
    {
        var problem = Check("<p>{{applicant.name}}</p>\n<p>回执</p>\n<p>承诺 {{case.deadlin}} 前办结</p>").ShouldHaveSingleItem();

        problem.Line.ShouldBe(3);
        problem.Column.ShouldBe(7);
        problem.Name.ShouldBe("case.deadlin");
        problem.MessageZh.ShouldContain("未知变量“case.deadlin”");
        problem.MessageZh.ShouldContain("是不是“case.deadline”");
        problem.MessageEn.ShouldContain("unknown variable 'case.deadlin'");
    }

    [Fact]
    public void Names_inside_each_are_those_of_the_item_and_parents_are_reached_with_dots()
    {
        Check("{{#each missingMaterials}}{{inc @index}}. {{name}} {{note}} {{../bureau.name}} {{@root.case.number}}{{/each}}").ShouldBeEmpty();
        Check("{{#each rejection.reasons}}{{this}}{{/each}}").ShouldBeEmpty();
        Check("{{#each chain as |link|}}{{link.bureau}}{{/each}}").ShouldBeEmpty();

        var problem = Check("{{#each missingMaterials}}\n{{bureau.name}}\n{{/each}}").ShouldHaveSingleItem();
        problem.Line.ShouldBe(2);
        problem.Name.ShouldBe("bureau.name"); // the item has no bureau: it would not fall back to the root
    }

    [Fact]
    public void Process_variables_and_form_values_may_have_any_name()
    {
        Check("{{vars.anything}} {{form.remarks}} {{#if vars.urgent}}急{{/if}}").ShouldBeEmpty();
    }

    [Fact]
    public void A_syntax_error_is_refused_with_its_line()
    {
        var unclosed = Check("第一行\n第二行 {{#if case.deadline}}\n第三行").ShouldHaveSingleItem();
        unclosed.Line.ShouldBe(2);
        unclosed.MessageZh.ShouldContain("没有闭合");

        var mismatched = Check("{{#if case.deadline}}\n{{/each}}").ShouldHaveSingleItem();
        mismatched.Line.ShouldBe(2);
        mismatched.MessageEn.ShouldContain("does not match '{{#if}}' opened on line 1");

        var open = Check("a\nb\n{{case.number\nc").First();
        open.Line.ShouldBe(3);
        open.MessageEn.ShouldContain("is not closed with }}");

        Check("{{#each}}{{/each}}").ShouldNotBeEmpty();
        Check("{{case.number )}}").ShouldHaveSingleItem().MessageEn.ShouldContain("malformed");
    }

    [Fact]
    public void Unknown_helpers_blocks_and_partials_are_refused()
    {
        Check("{{formatDate case.deadline}}").ShouldHaveSingleItem().Name.ShouldBe("formatDate");
        Check("{{#repeat 3}}x{{/repeat}}").ShouldHaveSingleItem().Name.ShouldBe("repeat");
        Check("{{> header}}").ShouldHaveSingleItem().Name.ShouldBe("header");
        Check("{{join missingMaterials \"、\"}} {{count chain}} {{default case.result \"—\"}} {{#if (eq case.kind \"承诺件\")}}x{{/if}}").ShouldBeEmpty();
    }

    [Fact]
    public void A_list_or_object_cannot_be_printed_as_such()
    {
        Check("{{missingMaterials}}").ShouldHaveSingleItem().MessageEn.ShouldContain("is a list");
        Check("{{bureau}}").ShouldHaveSingleItem().MessageEn.ShouldContain("is an object");
    }

    [Fact]
    public void Html_templates_may_not_switch_escaping_off_but_text_templates_are_never_escaped_anyway()
    {
        Check("<p>{{{applicant.name}}}</p>", "email-html").ShouldHaveSingleItem().MessageEn.ShouldContain("unescaped output");
        Check("<p>{{&applicant.name}}</p>", "print").ShouldHaveSingleItem();
        Check("{{{applicant.name}}}", "email-text").ShouldBeEmpty();
    }

    [Fact]
    public void An_sms_template_must_define_every_placeholder_and_use_known_variables()
    {
        const string sms = """
            {
              "templateCode": "SMS_1",
              "text": "${name}您好：请于${deadline}前补正。",
              "params": {
                "name": "{{applicant.name}}",
                "due": "{{case.dedline}}"
              }
            }
            """;
        var problems = Check(sms, "sms");
        problems.ShouldContain(p => p.Name == "deadline" && p.Line == 3);
        problems.ShouldContain(p => p.Name == "case.dedline" && p.Line == 6);
        Check("{ not json", "sms").ShouldHaveSingleItem().MessageEn.ShouldContain("not valid JSON");
    }

    [Fact]
    public void Every_shipped_template_passes_the_validator_and_the_catalog_lists_the_seeds_notices()
    {
        var catalog = new NoticeCatalog(Path.Combine(AppContext.BaseDirectory, "templates"));

        catalog.Notices.Select(n => n.Name).Order().ShouldBe([
            "completion-reply", "coordination-log", "joint-guidance", "one-time-notice", "overdue-leader", "overdue-supervisor",
            "receipt", "rectification-answer", "rejection", "reminder",
            "report-annual-summary", "report-daily-check", "report-duty-schedule", "report-monthly-evaluation", "report-quarterly-ranking", "report-weekly-bulletin", // docs/supervision.md
            "transfer-notice", "village-slip"]);
        foreach (var notice in catalog.Notices)
            foreach (var part in notice.Parts)
                NoticeTemplates.Validate(part, catalog.Shipped(notice.Name, part)!).ShouldBeEmpty($"{notice.Name}/{part}");
        catalog.Notices.Where(n => n.Channels.Contains("sms")).ShouldAllBe(n => n.Sms!.TemplateCode.Length > 0 && n.Sms.Params.Count > 0);
    }

    [Fact]
    public void A_release_with_a_broken_shipped_template_does_not_load_and_says_where()
    {
        var folder = Directory.CreateTempSubdirectory("coban-templates-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "catalog.json"), """{"notices":[{"name":"receipt","title":"协办回执","channels":["print"]}]}""");
            Directory.CreateDirectory(Path.Combine(folder, "receipt"));
            File.WriteAllText(Path.Combine(folder, "receipt", "print.hbs"), "<p>\n{{case.deadlne}}</p>");

            var error = Should.Throw<InvalidOperationException>(() => new NoticeCatalog(folder));
            error.Message.ShouldContain("receipt/print");
            error.Message.ShouldContain("line 2");
            error.Message.ShouldContain("case.deadlne");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Every_name_of_the_variable_contract_can_be_used_and_rendered_with_the_sample_case()
    {
        var names = NoticeVariables.Names().Where(n => !n.Contains('[') && !n.EndsWith('*')).ToList();
        names.ShouldContain("transfer.toCoordinator.phone");
        names.ShouldContain("overdue.days");
        var template = string.Join("\n", names.Select(n => $"{n}={{{{{n}}}}}"));
        Check(template, "email-text").ShouldBeEmpty();

        var rendered = NoticeHandlebars.Create(html: false).Compile(template)(SampleNoticeModel.Build().Root);
        foreach (var line in rendered.Split('\n')) line[(line.IndexOf('=') + 1)..].ShouldNotBeEmpty($"the sample case has no value for {line}");
    }

    [Fact]
    public void Rendering_is_strict_so_an_unknown_name_that_slipped_past_the_validator_throws_instead_of_printing_nothing()
    {
        var template = NoticeHandlebars.Create(html: true).Compile("<p>{{case.deadlin}}</p>");
        Should.Throw<HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException>(() => template(new NoticeModel().Root)).Message.ShouldContain("deadlin is undefined");
        // Known names without data render empty, and open maps (vars, form) never throw.
        NoticeHandlebars.Create(html: true).Compile("[{{case.deadline}}][{{vars.none}}]")(new NoticeModel().Root).ShouldBe("[][]");
    }
}
