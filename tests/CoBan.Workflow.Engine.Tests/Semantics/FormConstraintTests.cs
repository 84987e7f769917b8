using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Semantics;

/// <summary>Camunda's form constraints: minlength, maxlength, min, max, readonly (required is in TaskTests).</summary>
public class FormConstraintTests
{
    private static Simulator Form() => Play.Model($$"""
        <startEvent id="s" />
        <userTask id="t"><extensionElements><camunda:formData>
          <camunda:formField id="name" type="string"><camunda:validation><camunda:constraint name="minlength" config="2" /><camunda:constraint name="maxlength" config="4" /></camunda:validation></camunda:formField>
          <camunda:formField id="pages" type="long"><camunda:validation><camunda:constraint name="min" config="1" /><camunda:constraint name="max" config="100" /></camunda:validation></camunda:formField>
          <camunda:formField id="caseNo" type="string"><camunda:validation><camunda:constraint name="readonly" /></camunda:validation></camunda:formField>
        </camunda:formData></extensionElements></userTask>
        <endEvent id="e" />
        {{Chain("s", "t", "e")}}
        """);

    private static IReadOnlyList<Rejection> Refusals(Simulator sim, object values)
    {
        var task = sim.OpenTasks.Single();
        var result = Executor.Advance(sim.Main!.Definition, sim.State(), new CompleteTask(task.TaskId, Play.Vars(values)), Clock.T0);
        result.Outcome.ShouldBe(AdvanceOutcome.Rejected);
        return result.Rejections;
    }

    [Fact]
    public void Text_length_and_number_range_are_checked_naming_each_field()
    {
        var sim = Form();
        Refusals(sim, new { name = "张", pages = 0 }).Select(r => (r.Code, r.Field)).ShouldBe([("minlength", "name"), ("min", "pages")]);
        Refusals(sim, new { name = "张三李四王", pages = 101 }).Select(r => (r.Code, r.Field)).ShouldBe([("maxlength", "name"), ("max", "pages")]);
        sim.Complete("t", Play.Vars(new { name = "张三", pages = 100 })).Status.ShouldBe("completed");
    }

    [Fact]
    public void A_readonly_field_cannot_be_submitted()
    {
        var sim = Form();
        Refusals(sim, new { caseNo = "X-1" }).ShouldHaveSingleItem().Code.ShouldBe("readonly");
        sim.Complete("t").Status.ShouldBe("completed");
    }

    [Fact]
    public void A_constraint_with_a_bad_value_is_a_named_error()
    {
        var document = CoBan.Workflow.Engine.Parsing.BpmnReader.Parse(Xml($$"""
            <startEvent id="s" /><userTask id="t"><extensionElements><camunda:formData><camunda:formField id="n" type="string"><camunda:validation><camunda:constraint name="maxlength" config="lots" /></camunda:validation></camunda:formField></camunda:formData></extensionElements></userTask>
            {{Chain("s", "t")}}
            """));
        document.Problems.ShouldContain(p => p.Severity == CoBan.Workflow.Engine.Model.ProblemSeverity.Error && p.ElementId == "t" && p.MessageEn.Contains("maxlength"));
    }
}
