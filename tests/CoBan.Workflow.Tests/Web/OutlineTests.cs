using CoBan.Workflow.Tests.Browser;
using CoBan.Workflow.Web.Designer;

namespace CoBan.Workflow.Tests.Web;

public class OutlineTests
{
    [Fact]
    public void The_path_taken_includes_gateways_between_visited_elements_and_the_flows_into_where_the_token_is()
    {
        var outline = ModelOutline.Of(Diagrams.GatewayWithoutDefault(), "gateway-check");
        var path = outline.PathWithFlows(["start"], ["handle"]);
        path.ShouldBe(["start", "route", "f1", "yes"], ignoreOrder: true);
    }

    [Fact]
    public void An_outline_knows_task_forms_and_timers()
    {
        var outline = ModelOutline.Of(Diagrams.SimplePermit(), null);
        outline.ProcessId.ShouldBe("simple-permit");
        outline.Elements["review"].IsHumanTask.ShouldBeTrue();
        outline.Elements["review"].Form.Select(f => f.Type).ShouldBe(["text", "long", "enum", "boolean", "date", "list"]);
        outline.LabelOf("review").ShouldBe("审核");
        ModelOutline.Of("not xml", null).Elements.ShouldBeEmpty();
    }

    [Fact]
    public void Rekey_renames_the_executable_process_and_its_diagram_reference()
    {
        var xml = DesignerService.Rekey(Diagrams.SimplePermit("Process_0abc", "Imported"), "licence-check", "许可核查");
        xml.ShouldContain("<bpmn:process id=\"licence-check\" name=\"许可核查\" isExecutable=\"true\">");
        xml.ShouldContain("bpmnElement=\"licence-check\"");
        xml.ShouldNotContain("bpmnElement=\"Process_0abc\"");
    }
}
