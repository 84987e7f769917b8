using CoBan.Workflow.Tasks;
using CoBan.Workflow.Web;
using CoBan.Workflow.Web.Desk;
using CoBan.Workflow.Web.Shared;

namespace CoBan.Workflow.Tests.Web;

public class ComponentTests
{
    private static TaskInfo Task(DateTimeOffset? due, int? left, bool overdue) => new(
        1, 1, 1, "review", "审核", 1, null, null, null, null, "none", ["coordinator"], [], due, null, null, null, null, false,
        "open", DateTimeOffset.UnixEpoch, null, null, left, overdue, 1);

    [Theory]
    [InlineData(-3, true, "overdue", "超期 3 个工作日", "badge-red")]
    [InlineData(0, false, "today", "今日到期", "badge-amber")]
    [InlineData(4, false, "left", "剩 4 个工作日", "badge-blue")]
    [InlineData(null, false, "unknown", "工作日未知", "badge-amber")]
    public async Task Urgency_says_working_days_left_and_marks_overdue_tasks_red(int? left, bool overdue, string kind, string text, string css)
    {
        var html = await Render.HtmlAsync<Urgency>(new() { ["Task"] = Task(DateTimeOffset.UnixEpoch, left, overdue) });
        html.ShouldContain($"data-urgency=\"{kind}\"");
        html.ShouldContain(text);
        html.ShouldContain(css);
    }

    [Fact]
    public async Task Urgency_speaks_english_when_asked()
    {
        var html = await Render.HtmlAsync<Urgency>(new() { ["Task"] = Task(DateTimeOffset.UnixEpoch, -1, true) }, Lang.En);
        html.ShouldContain("1 working day overdue");
        (await Render.HtmlAsync<Urgency>(new() { ["Task"] = Task(null, null, false) }, Lang.En)).ShouldContain("no deadline");
    }

    [Fact]
    public async Task The_task_form_renders_every_coban_field_type_with_its_value_and_required_mark()
    {
        FormFieldInfo Field(string id, string type, bool required = false, params KeyValuePair<string, string>[] values) => new(id, id + "-label", type, required, values, null);
        var fields = new[]
        {
            Field("opinion", "text", required: true), Field("pages", "long"), Field("approved", "boolean", required: true), Field("visit", "date"),
            Field("kind", "enum", false, new("immediate", "即办件"), new("commitment", "承诺件")), Field("materials", "list"), Field("name", "string"),
        };
        var values = new Dictionary<string, string?> { ["pages"] = "12", ["approved"] = "true", ["kind"] = "commitment", ["materials"] = "身份证\n营业执照" };
        var html = await Render.HtmlAsync<FormFields>(new() { ["Fields"] = fields, ["Values"] = values });

        // The length limit (docs/security.md) rides on every form field.
        html.ShouldContain("<textarea maxlength=\"4000\" name=\"f.opinion\" rows=\"3\" required>");
        html.ShouldContain("name=\"f.pages\" type=\"number\" step=\"1\" value=\"12\"");
        html.ShouldContain("type=\"radio\" name=\"f.approved\" value=\"true\" checked required");
        html.ShouldContain("name=\"f.visit\" type=\"date\" />");
        html.ShouldContain("<option value=\"commitment\" selected>承诺件</option>");
        html.ShouldContain("（每行一项）");
        html.ShouldContain("身份证&#xA;营业执照");
        html.ShouldContain("name=\"f.name\" type=\"text\"");
        html.ShouldContain("class=\"field-required\">opinion-label");
    }

    [Fact]
    public async Task The_diagram_embeds_the_model_as_json_that_cannot_close_its_script_element()
    {
        var xml = "<bpmn:definitions><!-- </script><script>alert(1)</script> --></bpmn:definitions>";
        var html = await Render.HtmlAsync<Diagram>(new() { ["Xml"] = xml, ["Active"] = new[] { "review" } });
        html.ShouldNotContain("</script><script>");
        html.ShouldContain("\\u003C/script\\u003E");
        html.ShouldContain("\"active\":[\"review\"]");
    }
}
