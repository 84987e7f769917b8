using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Tasks;

/// <summary>camunda:priority on a user task is stored with the task and shown on the task API.</summary>
public class TaskPriorityTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_user_tasks_camunda_priority_is_on_the_task_api(Db db)
    {
        await using var host = await TestHost.StartAsync(db);
        var model = Models.Review()
            .Replace("""<bpmn:definitions """, """<bpmn:definitions xmlns:camunda="http://camunda.org/schema/1.0/bpmn" """, StringComparison.Ordinal)
            .Replace("""<bpmn:userTask id="review" """, """<bpmn:userTask id="review" camunda:priority="80" """, StringComparison.Ordinal);
        var id = await ProcedureSteps.PublishAsync(host, model);
        var zhang = await host.LoginAsync("zhang.wei");
        await ProcedureSteps.StartAsync(zhang, id, "zhang.wei");
        var task = (await zhang.GetJsonAsync("/api/v1/tasks")).AsArray().Single()!;
        ((int)task["priority"]!).ShouldBe(80);
    }
}
