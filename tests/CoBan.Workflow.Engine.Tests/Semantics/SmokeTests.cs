using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;

namespace CoBan.Workflow.Engine.Tests.Semantics;

public class SmokeTests
{
    [Fact]
    public void The_benchmark_model_ends_approved_or_rejected_by_its_variable()
    {
        var document = BpmnReader.Parse(File.ReadAllText(Bpmn.BenchModel("user-task-gateway.bpmn")));
        document.HasErrors.ShouldBeFalse(string.Join("\n", document.Problems));
        var approved = new Simulator(document).Start(null, new Dictionary<string, object?> { ["approved"] = true }, Clock.T0);
        approved.WaitingAt.ShouldBe(["review"]);
        approved.Complete("review");
        approved.Status.ShouldBe("completed");
        approved.Trace.ShouldBe(["start", "review", "decision", "endApproved"]);

        var rejected = new Simulator(document).Start(null, new Dictionary<string, object?> { ["approved"] = false }, Clock.T0).Complete("review");
        rejected.Trace.Last().ShouldBe("endRejected");
    }
}
