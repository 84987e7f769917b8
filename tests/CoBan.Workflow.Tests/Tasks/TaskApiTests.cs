using System.Net;
using System.Net.Http.Json;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Tasks;

public class TaskApiTests
{
    private static string Unassigned => Models.Review().Replace("coban:assignTo=\"caseOwner\" ", "");

    [Fact]
    public async Task A_group_task_is_claimed_unclaimed_and_claimed_again_each_step_journaled()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Unassigned);
        var zhang = await host.LoginAsync("zhang.wei");
        var li = await host.LoginAsync("li.na");
        await ProcedureSteps.StartAsync(zhang, id, "zhang.wei");

        var group = (await li.GetJsonAsync("/api/v1/tasks?filter=group")).AsArray();
        var taskId = (long)group.Single()!["id"]!;
        (await li.GetJsonAsync("/api/v1/tasks?filter=mine")).AsArray().ShouldBeEmpty();

        await li.PostJsonAsync($"/api/v1/tasks/{taskId}/claim");
        (await zhang.GetJsonAsync("/api/v1/tasks?filter=group")).AsArray().ShouldBeEmpty();
        var conflict = await zhang.PostAsJsonAsync($"/api/v1/tasks/{taskId}/claim", new { });
        (await conflict.ShouldBeProblemAsync(HttpStatusCode.Conflict, "already-claimed"))["title"]!.ToString().ShouldContain("李娜");

        await li.PostJsonAsync($"/api/v1/tasks/{taskId}/unclaim");
        var claimed = await zhang.PostJsonAsync($"/api/v1/tasks/{taskId}/claim");
        ((string)claimed["assigneeName"]!).ShouldBe("张伟");

        var actions = await host.WithDbAsync(db => db.Set<JournalEntry>().Where(j => j.Action.StartsWith("task.")).OrderBy(j => j.Id).Select(j => j.Action + ":" + j.UserName).ToListAsync());
        actions.ShouldBe(["task.claimed:李娜", "task.unclaimed:李娜", "task.claimed:张伟"]);
        var started = await host.WithDbAsync(db => db.Set<JournalEntry>().SingleAsync(j => j.Action == "instance.started"));
        started.Detail.ShouldContain("生成任务“审核”（待认领）");
    }

    [Fact]
    public async Task Only_a_leader_assigns_with_a_reason_and_a_delegated_task_must_be_resolved_before_completion()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var zhang = await host.LoginAsync("zhang.wei");
        await ProcedureSteps.StartAsync(zhang, id, "zhang.wei");
        var taskId = (long)(await zhang.GetJsonAsync("/api/v1/tasks")).AsArray().Single()!["id"]!;

        var li = await host.LoginAsync("li.na");
        await (await li.PostAsJsonAsync($"/api/v1/tasks/{taskId}/assign", new { userName = "li.na" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var leader = await host.LoginAsync("liu.yang");
        var assigned = await leader.PostJsonAsync($"/api/v1/tasks/{taskId}/assign", new { userName = "li.na", reason = "张伟外出培训" });
        ((string)assigned["assigneeName"]!).ShouldBe("李娜");
        var entry = await host.WithDbAsync(db => db.Set<JournalEntry>().SingleAsync(j => j.Action == "task.assigned"));
        entry.Detail.ShouldContain("张伟外出培训");
        entry.UserName.ShouldBe("刘洋");
        entry.Before.ShouldNotBeNull();

        await li.PostJsonAsync($"/api/v1/tasks/{taskId}/delegate", new { userName = "zhang.wei" });
        await (await li.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { approved = true } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await zhang.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { approved = true } })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "delegated");
        await zhang.PostJsonAsync($"/api/v1/tasks/{taskId}/resolve");
        await li.PostJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { approved = true } });
    }

    [Fact]
    public async Task Lists_filter_by_due_state_and_put_the_most_urgent_first()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var zhang = await host.LoginAsync("zhang.wei");
        await ProcedureSteps.StartAsync(zhang, id, "zhang.wei");
        // Started the day before National Day and after it: both count working days, not calendar days.
        host.Clock.Advance(TimeSpan.FromDays(8));
        zhang = await host.LoginAsync("zhang.wei"); // the sign-in cookie expires when the clock moves on
        await ProcedureSteps.StartAsync(zhang, id, "zhang.wei");
        var tasks = (await zhang.GetJsonAsync("/api/v1/tasks?filter=mine")).AsArray();
        tasks.Count.ShouldBe(2);
        DateTimeOffset.Parse((string)tasks[0]!["due"]!).ShouldBeLessThan(DateTimeOffset.Parse((string)tasks[1]!["due"]!));
        (await zhang.GetJsonAsync("/api/v1/tasks?filter=mine&due=overdue")).AsArray().ShouldBeEmpty();

        host.Clock.Advance(TimeSpan.FromDays(12));
        zhang = await host.LoginAsync("zhang.wei");
        var overdue = (await zhang.GetJsonAsync("/api/v1/tasks?filter=mine&due=overdue")).AsArray();
        overdue.Count.ShouldBe(2);
        overdue.ShouldAllBe(t => (bool)t!["overdue"]! && (int)t["workingDaysLeft"]! < 0);
        await (await zhang.GetAsync("/api/v1/tasks?due=someday")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bad-due");
    }

    [Fact]
    public async Task Comments_and_due_dates_are_kept_with_the_task_and_the_form_is_described()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var zhang = await host.LoginAsync("zhang.wei");
        await ProcedureSteps.StartAsync(zhang, id, "zhang.wei");
        var taskId = (long)(await zhang.GetJsonAsync("/api/v1/tasks")).AsArray().Single()!["id"]!;
        await zhang.PostJsonAsync($"/api/v1/tasks/{taskId}/comments", new { text = "申请人下午补交复印件" });
        var comments = (await zhang.GetJsonAsync($"/api/v1/tasks/{taskId}/comments")).AsArray();
        ((string)comments.Single()!["text"]!).ShouldBe("申请人下午补交复印件");
        var due = new DateTimeOffset(2026, 10, 9, 17, 0, 0, TimeSpan.FromHours(8));
        var updated = await zhang.PutJsonAsync($"/api/v1/tasks/{taskId}/dates", new { due });
        DateTimeOffset.Parse((string)updated["due"]!).ShouldBe(due);
        var detail = await zhang.GetJsonAsync($"/api/v1/tasks/{taskId}");
        detail["form"]!.AsArray().Select(f => (string?)f!["id"]).ShouldBe(["approved", "pages"]);
        ((string)detail["form"]![0]!["label"]!).ShouldBe("是否通过");
        ((bool)detail["form"]![0]!["required"]!).ShouldBeTrue();
    }
}
