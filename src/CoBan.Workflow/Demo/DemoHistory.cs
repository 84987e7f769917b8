using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Demo;

/// <summary>
/// Six weeks of past work for the demo city, so that the desk's overdue list, the follow-up list and the
/// supervision dashboard's trends have something to show on the first start. Every case is made the way
/// <see cref="DemoCases"/> makes them (registered, then moved by completing the shipped procedures' tasks),
/// only with the <see cref="DemoClock"/> replaying the instant each step happened: registrations during
/// office hours of each working day, handling a few working days later (now and then after the deadline),
/// replies, evaluations, rectification of bad reviews. A fixed seed makes every fresh demo the same.
/// </summary>
public sealed class DemoHistory(CoBanDbContext db, DemoCases cases, CaseEvaluations evaluations, Timers.DeadlineService deadlines, ICalendarSource calendars,
    TimeProvider clock, ILogger<DemoHistory> log)
{
    public const int WorkingDays = 30;

    private sealed record Step(DateTimeOffset At, int Order, string What, Func<Task> Run);

    private sealed class Script(DemoCases cases, List<Step> steps)
    {
        public long CaseId { get; set; }

        public void At(DateTimeOffset at, string what, Func<Task> run) => steps.Add(new Step(at, steps.Count, what, run));

        public void Complete(DateTimeOffset at, string element, string user, Dictionary<string, object?> variables, CancellationToken ct) =>
            At(at, $"{user} completes '{element}' with {string.Join(", ", variables.Keys)}", () => cases.CompleteAsync(CaseId, element, user, variables, ct));
    }

    public async Task SeedAsync(CancellationToken ct)
    {
        if (clock is not DemoClock demo)
        {
            log.LogInformation("Demo history skipped: the service clock is not the demo clock");
            return;
        }
        var now = demo.GetUtcNow();
        var bureaus = await db.Set<Bureau>().AsNoTracking().ToDictionaryAsync(b => b.Code, ct);
        var calendar = await calendars.ForBureauAsync(db, bureaus.Values.First().Id, ct);
        var days = new List<DateOnly>();
        var today = DateOnly.FromDateTime(now.ToOffset(ChinaTime.Offset).DateTime);
        for (var d = today.AddDays(-1); days.Count < WorkingDays && d > today.AddDays(-120); d = d.AddDays(-1))
        {
            try
            {
                if (calendar.IsWorkingDay(d)) days.Add(d);
            }
            catch (Engine.CalendarYearUnknownException) { break; }
        }
        days.Reverse();

        var random = new Random(8);
        var matters = DemoMatters.All.Where(m => m.Chain is null).ToArray();
        var steps = new List<Step>();
        foreach (var day in days)
        {
            var count = 3 + random.Next(4);
            for (var i = 0; i < count; i++)
            {
                var matter = matters[random.Next(matters.Length)];
                var coordinators = Holders(matter.Bureau, Roles.Coordinator);
                var registeredAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 40)), ChinaTime.Offset).AddMinutes(random.Next(460));
                await PlanAsync(new Script(cases, steps), matter, coordinators[random.Next(coordinators.Length)], Holders(matter.Bureau, Roles.DutyLeader)[0],
                    bureaus[matter.Bureau].Id, registeredAt, now, random, ct);
            }
        }

        log.LogInformation("Demo mode: replaying {Steps} steps of {Days} past working days", steps.Count, days.Count);
        try
        {
            foreach (var step in steps.OrderBy(s => s.At).ThenBy(s => s.Order))
            {
                demo.ReplayAt(step.At);
                try
                {
                    await step.Run();
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException($"demo history at {step.At.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm}: {step.What}: {e.Message}", e);
                }
            }
        }
        finally
        {
            demo.Resume();
        }
    }

    private static string[] Holders(string bureau, string role) =>
        DemoData.Users.Where(u => u.Bureau == bureau && u.Roles.Contains(role)).Select(u => u.UserName).DefaultIfEmpty("admin").ToArray();

    /// <summary>One applicant's visit and what followed, as steps at the instants they happened; steps that would fall after now stay undone.</summary>
    private async Task PlanAsync(Script s, DemoMatters.M matter, string coordinator, string leader, long bureauId, DateTimeOffset at,
        DateTimeOffset now, Random random, CancellationToken ct)
    {
        var applicant = Applicants[random.Next(Applicants.Length)];
        var phone = $"139{random.Next(10_000_000, 99_999_999)}";
        // One in five commitment matters is brought with a material missing: the one-time notice, then the supplement.
        var missing = matter.Limit > 0 && matter.Materials.Length > 1 && random.Next(5) == 0 ? matter.Materials[^1] : null;
        var received = missing is null ? matter.Materials : matter.Materials[..^1];
        // The procedure counts the committed deadline when the case is accepted (at most four working days after the
        // visit, a missing material included). Late in a year, before the State Council's holiday notice for the next
        // one is loaded, a deadline running into it cannot be counted and the case would stop at an incident, as it
        // should; the history shows cases that were handled, so it leaves such a visit out.
        if (matter.Limit > 0 && !await DemoCalendar.CountableAsync(deadlines, db, bureauId, at, matter.Limit + 4, ct)) return;
        s.At(at, $"{coordinator} registers {matter.Code}", async () => s.CaseId = await cases.RegisterAsync(coordinator, matter.Code, applicant, phone, received, ct));
        var t = at.AddMinutes(5 + random.Next(10));
        if (missing is not null)
        {
            s.Complete(t, "review", coordinator, new() { ["kind"] = "notice" }, ct);
            t = (await deadlines.AddWorkingDaysAsync(db, bureauId, t, 1 + random.Next(3), ct)).AddMinutes(random.Next(-90, 90));
            if (t > now) return;
            s.Complete(t, "supplement", coordinator, new() { ["received"] = new List<object?> { missing } }, ct);
            t = t.AddMinutes(5);
        }

        if (matter.Limit == 0)
        {
            s.Complete(t, "review", coordinator, new() { ["kind"] = "immediate" }, ct);
            s.Complete(t.AddMinutes(10), "handle_now", coordinator, new() { ["outcome"] = "approved", ["result"] = "当场办结" }, ct);
            t = t.AddMinutes(15);
            s.Complete(t, "log_now", coordinator, Reply(random), ct);
        }
        else
        {
            s.Complete(t, "review", coordinator, new() { ["kind"] = "commitment" }, ct);
            // About one in ten is still waiting for its handling: the older ones are overdue now (挂账督办's material).
            if (random.Next(10) == 0) return;
            // Most are handled well inside the limit; about one in eight runs past the deadline.
            var late = random.Next(8) == 0;
            var days = late ? matter.Limit + 1 + random.Next(3) : Math.Max(1, random.Next(1, matter.Limit + 1) * 2 / 3);
            var handled = (await deadlines.AddWorkingDaysAsync(db, bureauId, t, days, ct)).AddMinutes(random.Next(-120, 120));
            if (handled > now) return;
            s.Complete(handled, "handle", coordinator, new() { ["outcome"] = "approved", ["result"] = "审批通过，已制证" }, ct);
            t = handled.AddMinutes(20 + random.Next(60));
            if (t > now) return;
            s.Complete(t, "log", coordinator, Reply(random), ct);
        }

        // Most applicants evaluate; the levels lean good, as the real 好差评 figures do.
        if (random.Next(10) >= 7) return;
        var level = random.Next(100) switch { < 62 => 5, < 86 => 4, < 94 => 3, < 98 => 2, _ => 1 };
        var evaluatedAt = t.AddMinutes(2);
        s.At(evaluatedAt, $"evaluation {level}", async () => await evaluations.EvaluateAsync(s.CaseId, new EvaluationRequest(level, Comments[level], true), "desk",
            await cases.ActorAsync(coordinator, ct), ct));
        if (level > 2) return;
        var verified = (await deadlines.AddWorkingDaysAsync(db, bureauId, evaluatedAt, 1 + random.Next(4), ct)).AddHours(1);
        if (verified > now) return;
        s.Complete(verified, "verify", leader, new()
        {
            ["substantiated"] = true, ["rectification"] = "已约谈协办员，窗口增设办事指引", ["answer"] = "已致电申请人致歉并说明整改情况",
        }, ct);
        var visited = verified.AddDays(1);
        if (visited > now) return;
        s.Complete(visited, "visit", leader, new()
        {
            ["returnVisitAt"] = visited.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd"), ["note"] = "申请人对整改表示认可",
        }, ct);
    }

    private static Dictionary<string, object?> Reply(Random random) => random.Next(3) switch
    {
        0 => new() { ["replyMethod"] = "phone", ["handling"] = "已电话告知办理结果" },
        1 => new() { ["replyMethod"] = "sms", ["handling"] = "已短信告知办理结果" },
        _ => new() { ["replyMethod"] = "inPerson", ["handling"] = "已当面告知办理结果并交付材料", ["signedOnPaper"] = true },
    };

    private static readonly string[] Applicants =
        ["王秀兰", "李建国", "张桂芳", "刘志强", "陈玉梅", "杨海涛", "赵丽娟", "黄国庆", "周晓燕", "吴振华", "徐红霞", "孙宏伟", "胡春梅", "朱永刚", "高文静", "林德胜"];

    private static readonly Dictionary<int, string> Comments = new()
    {
        [5] = "协办员全程帮办，很满意", [4] = "办得挺快", [3] = "一般", [2] = "排队时间太长", [1] = "来回跑了好几趟",
    };
}
