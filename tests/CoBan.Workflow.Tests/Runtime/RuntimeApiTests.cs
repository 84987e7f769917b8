using System.Net;
using System.Net.Http.Json;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Runtime;

public class RuntimeApiTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_started_instance_creates_the_owners_task_with_a_working_day_due_date_and_completing_it_ends_the_instance(Db db)
    {
        await using var host = await TestHost.StartAsync(db);
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var zhang = await host.LoginAsync("zhang.wei");
        var started = await ProcedureSteps.StartAsync(zhang, id, "zhang.wei");
        var instanceId = (long)started["instance"]!["id"]!;
        started["waitingAt"]!.AsArray().Select(x => (string?)x).ShouldBe(["review"]);

        var mine = (await zhang.GetJsonAsync("/api/v1/tasks?filter=mine")).AsArray();
        var task = mine.ShouldHaveSingleItem()!;
        ((string)task["assigneeName"]!).ShouldBe("张伟");
        // 2026-09-30 09:00 + 3 working days = 2026-10-10 (the 调休 Saturday), 09:00 Beijing time.
        DateTimeOffset.Parse((string)task["due"]!).ShouldBe(new DateTimeOffset(2026, 10, 10, 9, 0, 0, TimeSpan.FromHours(8)));

        var done = await zhang.PostJsonAsync($"/api/v1/tasks/{task["id"]}/complete", new { variables = new { approved = true, pages = 12 } });
        ((string)done["status"]!).ShouldBe("completed");
        var detail = await zhang.GetJsonAsync($"/api/v1/instances/{instanceId}");
        ((string)detail["instance"]!["status"]!).ShouldBe("completed");
        detail["completed"]!.AsArray().Select(x => (string?)x).ShouldContain("approvedEnd");
        ((long)detail["variables"]!["pages"]!).ShouldBe(12);
    }

    [Fact]
    public async Task Two_coordinators_completing_the_same_task_one_wins_and_the_other_gets_409_saying_who()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Models.Review().Replace("coban:assignTo=\"caseOwner\" ", ""));
        var zhang = await host.LoginAsync("zhang.wei");
        var li = await host.LoginAsync("li.na");
        await ProcedureSteps.StartAsync(zhang, id, "zhang.wei");
        var taskId = (long)(await zhang.GetJsonAsync("/api/v1/tasks?filter=group")).AsArray().Single()!["id"]!;

        var both = await Task.WhenAll(
            zhang.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { approved = true } }),
            li.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { approved = false } }));
        both.Count(r => r.IsSuccessStatusCode).ShouldBe(1);
        var loser = both.Single(r => !r.IsSuccessStatusCode);
        var problem = await loser.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        ((string)problem["title"]!).ShouldContain("已由");
        var steps = await host.WithDbAsync(db => db.Set<CoBan.Workflow.Journal.JournalEntry>().CountAsync(j => j.Action == "task.completed"));
        steps.ShouldBe(1);
    }

    [Fact]
    public async Task A_stale_instance_version_is_refused_and_nothing_changes()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var zhang = await host.LoginAsync("zhang.wei");
        var started = await ProcedureSteps.StartAsync(zhang, id, "zhang.wei");
        var version = (int)started["instance"]!["version"]!;
        var taskId = (long)(await zhang.GetJsonAsync("/api/v1/tasks")).AsArray().Single()!["id"]!;
        var refused = await zhang.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { approved = true }, expectedVersion = version - 1 });
        await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "stale-version");
        var status = await host.WithDbAsync(db => db.Set<WorkTask>().Where(t => t.Id == taskId).Select(t => t.Status).SingleAsync());
        status.ShouldBe(WorkTaskStatus.Open);
    }

    [Fact]
    public async Task Invalid_form_values_are_refused_naming_each_field_and_nothing_is_written()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var zhang = await host.LoginAsync("zhang.wei");
        var started = await ProcedureSteps.StartAsync(zhang, id, "zhang.wei");
        var taskId = (long)(await zhang.GetJsonAsync("/api/v1/tasks")).AsArray().Single()!["id"]!;
        var journalBefore = await host.WithDbAsync(db => db.Set<CoBan.Workflow.Journal.JournalEntry>().CountAsync());
        var refused = await zhang.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { pages = "many" } });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem["errors"]!["approved"].ShouldNotBeNull();
        problem["errors"]!["pages"].ShouldNotBeNull();
        (await host.WithDbAsync(db => db.Set<CoBan.Workflow.Journal.JournalEntry>().CountAsync())).ShouldBe(journalBefore);
        (await host.WithDbAsync(db => db.Set<WorkTask>().Where(t => t.Id == taskId).Select(t => t.Status).SingleAsync())).ShouldBe(WorkTaskStatus.Open);
        var instance = await zhang.GetJsonAsync($"/api/v1/instances/{started["instance"]!["id"]}");
        ((int)instance["instance"]!["version"]!).ShouldBe((int)started["instance"]!["version"]!);
    }

    [Fact]
    public async Task Completing_someone_elses_task_is_forbidden()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var zhang = await host.LoginAsync("zhang.wei");
        await ProcedureSteps.StartAsync(zhang, id, "zhang.wei");
        var taskId = (long)(await zhang.GetJsonAsync("/api/v1/tasks")).AsArray().Single()!["id"]!;
        var li = await host.LoginAsync("li.na");
        await (await li.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { approved = true } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Instances_stay_on_the_version_they_started_on_after_a_new_version_is_published()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var zhang = await host.LoginAsync("zhang.wei");
        var first = await ProcedureSteps.StartAsync(zhang, id, "zhang.wei");
        var owner = await host.LoginAsync("owner.scjg");
        await owner.PutJsonAsync($"/api/v1/procedures/{id}/draft", new { xml = Models.Review(extraTask: """<bpmn:manualTask id="sign" name="签字" />""") });
        await owner.PostJsonAsync($"/api/v1/procedures/{id}/publish", new { comment = "v2" });
        var second = await ProcedureSteps.StartAsync(zhang, id, "zhang.wei");
        ((int)first["instance"]!["procedureVersion"]!).ShouldBe(1);
        ((int)second["instance"]!["procedureVersion"]!).ShouldBe(2);
        var again = await zhang.GetJsonAsync($"/api/v1/instances/{first["instance"]!["id"]}");
        ((int)again["instance"]!["procedureVersion"]!).ShouldBe(1);
    }

    [Fact]
    public async Task A_batch_starts_every_instance_in_one_transaction_and_refuses_an_empty_or_oversized_one()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var zhang = await host.LoginAsync("zhang.wei");
        var items = Enumerable.Range(1, 3).Select(i => new { businessKey = $"B-{i}", variables = new { caseOwner = "zhang.wei", n = i } }).ToArray();
        var started = await zhang.PostJsonAsync("/api/v1/instances/batch", new { procedureId = id, instances = items });
        started["instances"]!.AsArray().Count.ShouldBe(3);
        (await zhang.GetJsonAsync("/api/v1/tasks?filter=mine")).AsArray().Count.ShouldBe(3);
        await (await zhang.PostAsJsonAsync("/api/v1/instances/batch", new { procedureId = id, instances = Array.Empty<object>() })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "batch-size");
        var tooMany = Enumerable.Range(0, 501).Select(_ => new { variables = new { caseOwner = "zhang.wei" } }).ToArray();
        await (await zhang.PostAsJsonAsync("/api/v1/instances/batch", new { procedureId = id, instances = tooMany })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "batch-size");
        (await zhang.GetJsonAsync("/api/v1/instances")).AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task Unknown_procedure_and_wrong_version_get_404_problems()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var zhang = await host.LoginAsync("zhang.wei");
        await (await zhang.PostAsJsonAsync("/api/v1/instances", new { procedureId = 9999 })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await zhang.PostAsJsonAsync("/api/v1/instances", new { procedureId = id, version = 7 })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await zhang.PostAsJsonAsync("/api/v1/instances", new { key = "no-such-flow" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413_and_a_model_over_the_parser_limit_with_422()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        var owner = await host.LoginAsync("owner.scjg");
        var before = (await owner.GetJsonAsync("/api/v1/procedures")).AsArray().Count;
        var tooBig = await owner.PostAsJsonAsync("/api/v1/procedures", new { xml = new string('x', 13 * 1024 * 1024) });
        await tooBig.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "too-large");

        var overParserLimit = Models.Review().Replace("<bpmn:startEvent id=\"start\" />", "<!--" + new string('x', 11 * 1024 * 1024) + "--><bpmn:startEvent id=\"start\" />");
        var refused = await owner.PostAsJsonAsync("/api/v1/procedures", new { xml = overParserLimit });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.ToJsonString().ShouldContain("too large");
        (await owner.GetJsonAsync("/api/v1/procedures")).AsArray().Count.ShouldBe(before);
    }
}
