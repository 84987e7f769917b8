using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.EngineCases.EngineCase;

namespace CoBan.Workflow.Engine.Tests.EngineCases;

/// <summary>
/// issue-19, mother-of-all, lanes, messaging: models that need what CoBan does not run (JavaScript
/// scripts and conditions) or lack what it needs (a messageRef on a message catch, a coban:notice on
/// a send task). Each is refused when read, with a problem naming the element.
/// </summary>
public class RefusedCases
{
    private static void NotStartable(BpmnDocument document, string processId)
    {
        document.HasErrors.ShouldBeTrue();
        document.FindProcess(processId).ShouldBeNull();
        new Simulator(document, Play.Options()).Start(now: Clock.T0).Errors.ShouldBe(["没有可执行的流程 / no executable process"]);
    }

    [Fact]
    public void Issue_19_is_refused_for_its_JavaScript_script_task()
    {
        var document = Document("issue-19.bpmn");
        var problem = RefusalOf(document, "Task_B", "scriptTask");
        problem.MessageZh.ShouldStartWith("不支持的元素 scriptTask 'Task_B'");
        problem.MessageEn.ShouldStartWith("unsupported element scriptTask 'Task_B'");
        document.Problems.Count(p => p.Severity == ProblemSeverity.Error).ShouldBe(1); // its flows are not reported again
        NotStartable(document, "Process_1");
    }

    [Fact]
    public void Mother_of_all_is_refused_naming_each_script_task_and_its_JavaScript_condition()
    {
        var document = Document("mother-of-all.bpmn");
        foreach (var id in new[] { "scriptTask1", "subScriptTask1", "scriptTask2" })
            RefusalOf(document, id, "scriptTask").MessageZh.ShouldStartWith($"不支持的元素 scriptTask '{id}'");
        RefusalOf(document, "toLoop", "sequenceFlow").MessageEn.ShouldBe("unsupported condition language 'JavaScript'; use a ${...} expression");
        document.Problems.Count(p => p.Severity == ProblemSeverity.Error).ShouldBe(4);
        NotStartable(document, "motherOfAll");
        // The participant process is not executable: its message start without messageRef is only a warning there.
        document.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Warning && p.ElementId == "messageStartEvent");
    }

    [Fact]
    public void Lanes_is_refused_because_the_main_processs_message_catch_has_no_messageRef()
    {
        var document = Document("lanes.bpmn");
        var problem = RefusalOf(document, "intermediate", "intermediateCatchEvent");
        problem.MessageEn.ShouldBe("missing messageRef: choose or create a message");
        problem.MessageZh.ShouldContain("messageRef");
        document.Problems.Count(p => p.Severity == ProblemSeverity.Error).ShouldBe(1);
        NotStartable(document, "mainProcess");
    }

    [Fact]
    public void Messaging_is_refused_because_its_send_task_names_no_notice()
    {
        // bpmn-engine runs the send task as a service and fails at run time ("<ping> service not defined").
        var document = Document("messaging.bpmn");
        var problem = RefusalOf(document, "ping", "sendTask");
        problem.MessageEn.ShouldBe("the send task names no notice: set coban:notice");
        problem.MessageZh.ShouldContain("coban:notice");
        NotStartable(document, "main-process");
    }
}
