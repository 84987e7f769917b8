using CoBan.Workflow.Notices;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>The validator refuses what would fail, print nothing or run, telling the line, the column and the name.</summary>
public class TemplateValidationTests
{
    private static List<TemplateProblem> Check(string content, string part = "print") => NoticeTemplates.Validate(part, content);

    private static string Render(string content, NoticeModel model, string part = "email-text") => new NoticeRenderer(Catalog).RenderUncached(part, content, model);

    private static readonly NoticeCatalog Catalog = new(Path.Combine(AppContext.BaseDirectory, "templates"));

    [Fact]
    public void An_unknown_variable_is_refused_with_its_line_column_and_name_and_a_suggestion()
    {
        var problem = Check("<p>{{ applicant.name }}</p>\n<p>回执</p>\n<p>承诺 {{ this.case.deadlin }} 前办结</p>").ShouldHaveSingleItem();

        problem.Line.ShouldBe(3);
        problem.Column.ShouldBe(10);
        problem.Name.ShouldBe("case.deadlin");
        problem.MessageZh.ShouldContain("未知变量“case.deadlin”");
        problem.MessageZh.ShouldContain("是不是“case.deadline”");
        problem.MessageEn.ShouldContain("unknown variable 'case.deadlin'");
    }

    [Fact]
    public void Names_inside_for_are_the_loop_variable_s_and_the_root_s()
    {
        Check("{{ for m in missingMaterials }}{{ for.index + 1 }}. {{ m.name }} {{ m.note }} {{ bureau.name }} {{ this.case.number }}{{ end }}").ShouldBeEmpty();
        Check("{{ for reason in rejection.reasons }}{{ reason }}{{ else }}—{{ end }}").ShouldBeEmpty();

        var problem = Check("{{ for m in missingMaterials }}\n{{ m.bureau }}\n{{ end }}").ShouldHaveSingleItem();
        problem.Line.ShouldBe(2);
        problem.Name.ShouldBe("m.bureau");
        Check("{{ for.index }}").ShouldHaveSingleItem().MessageEn.ShouldContain("only available inside a for loop");
        Check("{{ for x in bureau.name }}{{ x }}{{ end }}").ShouldHaveSingleItem().MessageEn.ShouldContain("is not a list");
    }

    [Fact]
    public void Process_variables_and_form_values_may_have_any_name()
    {
        Check("{{ vars.anything }} {{ form.remarks }} {{ if vars.urgent }}急{{ end }} {{ for s in vars.sections }}{{ s.title }}{{ end }}").ShouldBeEmpty();
    }

    [Fact]
    public void A_syntax_error_is_refused_with_its_line_and_column()
    {
        var unclosed = Check("第一行\n第二行 {{ if this.case.deadline }}\n第三行").ShouldHaveSingleItem();
        unclosed.Line.ShouldBe(2);
        unclosed.MessageEn.ShouldContain("syntax error");

        var open = Check("a\nb\n{{ this.case.number \nc").First();
        open.Line.ShouldBeInRange(3, 4);

        Check("{{ for }}{{ end }}").ShouldNotBeEmpty();
        Check("{{ this.case.number ) }}").ShouldNotBeEmpty();
    }

    [Fact]
    public void The_case_keyword_gets_a_hint_to_write_this_case()
    {
        Check("{{ case.number }}").First().MessageZh.ShouldContain("{{ this.case.number }}");
        Check("{{ if case.kind }}{{ this.case.kind }}{{ end }}").ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_functions_include_and_programs_are_refused()
    {
        Check("{{ formatDate this.case.deadline }}").ShouldHaveSingleItem().Name.ShouldBe("formatDate");
        Check("{{ include 'header' }}").ShouldHaveSingleItem().Name.ShouldBe("include");
        Check("{{ date.now }}").ShouldHaveSingleItem().Name.ShouldBe("date");
        Check("{{ object.eval '1' }}").ShouldHaveSingleItem().Name.ShouldBe("object.eval");
        Check("{{ x = 1 }}").ShouldHaveSingleItem().MessageEn.ShouldContain("assignments");
        Check("{{ func f }}x{{ end }}").ShouldHaveSingleItem().MessageEn.ShouldContain("not supported");
        Check("{{ while true }}x{{ end }}").ShouldHaveSingleItem().MessageEn.ShouldContain("not supported");
        Check("{{ capture x }}y{{ end }}").ShouldHaveSingleItem().MessageEn.ShouldContain("not supported");
        Check("{{ missingMaterials | array.map \"name\" | array.join \"、\" }} {{ chain.size }} {{ this.case.result | object.default \"—\" }} {{ if this.case.kind == \"承诺件\" }}x{{ end }}")
            .ShouldBeEmpty();
    }

    [Fact]
    public void A_list_or_object_cannot_be_printed_as_such()
    {
        Check("{{ missingMaterials }}").ShouldHaveSingleItem().MessageEn.ShouldContain("is a list");
        Check("{{ bureau }}").ShouldHaveSingleItem().MessageEn.ShouldContain("is an object");
    }

    [Fact]
    public void Html_parts_escape_every_value_and_text_parts_print_it_as_is()
    {
        var model = new NoticeModel().Set("applicant.name", "<b>李&明</b>");
        Render("<p>{{ applicant.name }}</p>", model, "print").ShouldBe("<p>&lt;b&gt;李&amp;明&lt;/b&gt;</p>");
        Render("<p>{{ applicant.name | string.upcase }}{{ \"<i>\" + applicant.name }}</p>", model, "email-html").ShouldNotContain("<b>");
        Render("{{ applicant.name }}", model).ShouldBe("<b>李&明</b>");
    }

    [Fact]
    public void Conditions_treat_empty_text_zero_and_empty_lists_as_false_like_the_forms_expect()
    {
        var model = new NoticeModel().Set("applicant.contact", "").Set("matter.limitDays", 0);
        Render("[{{ if applicant.contact }}有{{ else }}无{{ end }}][{{ if matter.limitDays }}有{{ end }}][{{ if chain }}有{{ end }}]", model).ShouldBe("[无][][]");
    }

    [Fact]
    public void An_sms_template_must_define_every_placeholder_and_use_known_variables()
    {
        const string sms = """
            {
              "templateCode": "SMS_1",
              "text": "${name}您好：请于${deadline}前补正。",
              "params": {
                "name": "{{ applicant.name }}",
                "due": "{{ this.case.dedline }}"
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
        Catalog.Notices.Select(n => n.Name).Order().ShouldBe([
            "completion-reply", "coordination-log", "joint-guidance", "one-time-notice", "overdue-leader", "overdue-supervisor",
            "receipt", "rectification-answer", "rejection", "reminder",
            "report-annual-summary", "report-daily-check", "report-duty-schedule", "report-monthly-evaluation", "report-quarterly-ranking", "report-weekly-bulletin", // docs/supervision.md
            "transfer-notice", "village-slip"]);
        foreach (var notice in Catalog.Notices)
            foreach (var part in notice.Parts)
                NoticeTemplates.Validate(part, Catalog.Shipped(notice.Name, part)!).ShouldBeEmpty($"{notice.Name}/{part}");
        Catalog.Notices.Where(n => n.Channels.Contains("sms")).ShouldAllBe(n => n.Sms!.TemplateCode.Length > 0 && n.Sms.Params.Count > 0);
        Directory.GetFiles(Catalog.Folder, "*.hbs", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public void A_release_with_a_broken_shipped_template_does_not_load_and_says_where()
    {
        var folder = Directory.CreateTempSubdirectory("coban-templates-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "catalog.json"), """{"notices":[{"name":"receipt","title":"协办回执","channels":["print"]}]}""");
            Directory.CreateDirectory(Path.Combine(folder, "receipt"));
            File.WriteAllText(Path.Combine(folder, "receipt", "print.scriban"), "<p>\n{{ this.case.deadlne }}</p>");

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
        var template = string.Join("\n", names.Select(n => $"{n}={{{{ this.{n} }}}}"));
        Check(template, "email-text").ShouldBeEmpty();

        var rendered = Render(template, SampleNoticeModel.Build());
        foreach (var line in rendered.Split('\n')) line[(line.IndexOf('=') + 1)..].ShouldNotBeEmpty($"the sample case has no value for {line}");
    }

    [Fact]
    public void Rendering_is_strict_so_an_unknown_name_that_slipped_past_the_validator_throws_instead_of_printing_nothing()
    {
        Should.Throw<Scriban.Syntax.ScriptRuntimeException>(() => Render("<p>{{ nosuch.name }}</p>", new NoticeModel(), "print")).Message.ShouldContain("nosuch");
        // Known names without data render empty, and open maps (vars, form) never throw.
        Render("[{{ this.case.deadline }}][{{ vars.none }}]", new NoticeModel(), "print").ShouldBe("[][]");
    }

    [Fact]
    public void Rendering_is_sandboxed_no_include_a_loop_limit_and_a_time_limit()
    {
        Should.Throw<Scriban.Syntax.ScriptRuntimeException>(() => Render("{{ include 'print.css' }}", new NoticeModel())).Message.ShouldContain("include");
        Should.Throw<Scriban.Syntax.ScriptRuntimeException>(() => Render("{{ for i in 1..100000 }}x{{ end }}", new NoticeModel())).Message.ShouldContain("LoopLimit");
        Should.Throw<Scriban.Syntax.ScriptRuntimeException>(() => Render("{{ for a in 1..900 }}{{ for b in 1..900 }}x{{ end }}{{ end }}", new NoticeModel()));
    }
}
