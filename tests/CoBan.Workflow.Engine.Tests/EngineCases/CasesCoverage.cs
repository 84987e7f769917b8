using CoBan.Workflow.Engine.Tests.Support;

namespace CoBan.Workflow.Engine.Tests.EngineCases;

public class CasesCoverage
{
    /// <summary>The models the classes of this folder test; a new file in Corpus/engine-cases needs a test and a line here.</summary>
    private static readonly string[] Tested =
    [
        "boundary-non-interupting-timer.bpmn", "boundary-timeout.bpmn", "timer-event.bpmn", "simple-task.bpmn",
        "timer-start-event.bpmn", "timers.bpmn",                                              // TimerCases
        "call-activity.bpmn", "call-activity-throws.bpmn", "call-activity-bound-error.bpmn",
        "call-activity-user-task.bpmn", "call-activity-parallel-mi.bpmn",                      // CallActivityCases
        "service-task.bpmn",                                                                  // ServiceTaskCase
        "succeeding-joins.bpmn", "one-or-the-other.bpmn", "parallel-fork-join-user-tasks.bpmn",
        "issue-163.bpmn",                                                                     // JoinCases
        "issue-19.bpmn", "mother-of-all.bpmn", "lanes.bpmn", "messaging.bpmn",                // RefusedCases
    ];

    [Fact]
    public void Every_model_in_the_folder_is_described_in_cases_md_and_tested_here()
    {
        var folder = Bpmn.Corpus("engine-cases");
        var files = Directory.GetFiles(folder, "*.bpmn").Select(Path.GetFileName).Order().ToList();
        Tested.Order().ShouldBe(files);
        var cases = File.ReadAllText(Path.Combine(folder, "cases.md"));
        foreach (var file in files) cases.ShouldContain($"| {file} |");
    }
}
