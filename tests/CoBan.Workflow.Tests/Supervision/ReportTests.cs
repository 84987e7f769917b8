using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Supervision;
using CoBan.Workflow.Tests.Cases;
using CoBan.Workflow.Tests.Infrastructure;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoBan.Workflow.Tests.Supervision.SupervisionFacts;

namespace CoBan.Workflow.Tests.Supervision;

public sealed class ReportTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_monthly_evaluation_is_generated_by_its_Quartz_schedule_when_the_clock_reaches_the_first_and_is_emailed_to_the_supervisor(Db db)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        // Saturday 2026-10-31, half a minute before midnight; the evaluation is due on 11-01 at 09:00.
        await using var host = await CaseSteps.StartAsync(db, Bj(10, 31, 23, 59), new()
        {
            ["CoBan:Notices:Email:Host"] = smtp.Host,
            ["CoBan:Notices:Email:Port"] = smtp.Port.ToString(),
        });
        await OctoberCity.SeedAsync(host);
        await WaitAsync(async () => (await host.Anonymous().GetAsync("/health")).IsSuccessStatusCode, "the scheduler and the report schedule are ready");
        (await ReportsAsync(host)).ShouldBeEmpty();

        // Quartz fires a trigger whose time the clock has just reached; one found much later is a misfire, handled on its own (real-time) round.
        host.Clock.Set(Bj(11, 1, 8, 0, 3));
        await Task.Delay(3000);
        (await ReportsAsync(host)).ShouldBeEmpty("the daily check at 08:00 is skipped on a Sunday, and the evaluation is not due yet");

        host.Clock.Set(Bj(11, 1, 9, 0, 3));
        await WaitAsync(async () => (await ReportsAsync(host)).Count == 1, "Quartz rings the monthly evaluation");
        var report = (await ReportsAsync(host)).Single();
        report.Kind.ShouldBe(ReportKind.MonthlyEvaluation);
        report.PeriodKey.ShouldBe("2026-10");
        report.Trigger.ShouldBe("schedule");
        report.Title.ShouldBe("霸州市政务服务中心2026年10月协办工作考评");
        report.Html.ShouldContain("一、单位考评");
        report.Html.ShouldContain("霸州市市场监督管理局");
        report.Html.ShouldContain("54.7"); // 56.7 less 2 for A6, the one case overdue on 11-01 (A5 falls due on 11-05)
        report.Html.ShouldContain("64.7");
        report.Html.ShouldContain("(40×按时办结率 + 30×好评率 + 15×一次性告知率 + 15×差评按期整改率)");
        report.Csv.ShouldContain("名次,单位,登记,办结");
        report.Csv.ShouldContain("1,霸州市人力资源和社会保障局,4,3,2,0,100.0%");
        report.Recipients.ShouldBe("赵健 <zhao.jian@coban.demo>");

        var mail = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30))).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("【月考评】霸州市政务服务中心2026年10月协办工作考评");
        mail.To.ShouldNotBeNull().ShouldContain("zhao.jian@coban.demo");
        mail.Html.ShouldNotBeNull().ShouldContain("霸州市人力资源和社会保障局");
        mail.PlainText.ShouldNotBeNull().ShouldContain("按时办结率：75.0%");

        host.Clock.Set(Bj(11, 2, 8, 0, 3));
        var daily = await WaitForAsync(host, ReportKind.DailyCheck);
        (await ReportsAsync(host)).Where(r => r.Kind == ReportKind.MonthlyEvaluation).ShouldHaveSingleItem("once per month");
        daily.PeriodKey.ShouldBe("2026-11-02", "Monday's daily check ran at 08:00");
        daily.Html.ShouldContain("超期未办结（挂账督办）");
    }

    [Fact]
    public async Task Every_report_kind_renders_from_its_template_and_downloads_as_printable_html_and_csv()
    {
        await using var host = await MeasureTests.OctoberAsync();
        var supervisor = await host.LoginAsync("zhao.jian");
        async Task<System.Text.Json.Nodes.JsonNode> Generate(object body) =>
            await (await supervisor.PostAsJsonAsync("/api/v1/supervision/reports", body)).JsonAsync();

        var daily = await Generate(new { kind = "dailyCheck", period = "2026-11-10" });
        ((string?)daily["title"]).ShouldBe("霸州市政务服务中心2026年11月10日日检查");
        var summary = daily["summary"]!.AsArray().ToDictionary(h => (string)h!["label"]!, h => (string)h!["value"]!);
        summary["超期未办结（挂账）"].ShouldBe("2"); // A5, A6
        var html = await supervisor.GetStringAsync((string)daily["htmlUrl"]!);
        html.ShouldContain("<!DOCTYPE html>");
        html.ShouldContain("@page { size: A4 landscape");
        html.ShouldContain("二、超期未办结（挂账督办）");

        var weekly = await Generate(new { kind = "weeklyBulletin", period = "2026-W44" });
        ((string?)weekly["periodLabel"]).ShouldBe("2026年第44周（10月26日—11月1日）");
        var quarterly = await Generate(new { kind = "quarterlyRanking", period = "2026-Q4" });
        var csv = await supervisor.GetAsync((string)quarterly["csvUrl"]!);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble(), "Excel needs the byte order mark to read UTF-8");
        var text = Encoding.UTF8.GetString(bytes);
        text.ShouldContain("一、单位评比");
        text.ShouldContain("计分公式");
        var annual = await Generate(new { kind = "annualSummary", period = "2026" });
        (await supervisor.GetStringAsync((string)annual["htmlUrl"]!)).ShouldContain("二、逐月情况");

        var schedule = await Generate(new { kind = "dutySchedule", period = "2026-Q4", bureau = "BZ-SCJG" });
        ((string?)schedule["title"]).ShouldBe("霸州市市场监督管理局2026年第4季度协办员和值班领导服务时间安排表");
        var form = await supervisor.GetStringAsync((string)schedule["htmlUrl"]!);
        form.ShouldContain("报送期限：2026年10月5日");
        form.ShouldContain("张伟");
        form.ShouldContain("值班领导");
        schedule["recipients"]!.AsArray().Select(r => (string?)r).ShouldBe(["赵健 <zhao.jian@coban.demo>"], "reported to the office above the bureau");

        var first = await Generate(new { kind = "monthlyEvaluation", period = "2026-10" });
        var again = await Generate(new { kind = "monthlyEvaluation", period = "2026-10" });
        ((int)first["revision"]!).ShouldBe(1);
        ((int)again["revision"]!).ShouldBe(2, "generating again never overwrites what was circulated");
        await (await supervisor.PostAsJsonAsync("/api/v1/supervision/reports", new { kind = "monthlyEvaluation", period = "2026-Q4" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bad-period");

        var list = await supervisor.GetJsonAsync("/api/v1/supervision/reports");
        ((int)list["total"]!).ShouldBe(7);
        var leader = await host.LoginAsync("liu.yang");
        var own = await leader.GetJsonAsync("/api/v1/supervision/reports");
        own["rows"]!.AsArray().Select(r => (string?)r!["kind"]!["code"]).ShouldBe(["dutySchedule"], "a duty leader sees the reports of their own bureau");
        await (await leader.GetAsync((string)first["htmlUrl"]!)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var coordinator = await host.LoginAsync("zhang.wei");
        await (await coordinator.PostAsJsonAsync("/api/v1/supervision/reports", new { kind = "dailyCheck" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.GetAsync("/api/v1/supervision/reports")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var notices = await host.WithDbAsync(d => d.Set<Notice>().Where(n => n.Template.StartsWith("report-")).CountAsync());
        notices.ShouldBe(7, "one e-mail to the city's supervisor per report");
    }

    [Fact]
    public async Task The_schedule_lists_each_report_kind_with_its_cron_next_run_and_recipients()
    {
        await using var host = await CaseSteps.StartAsync(now: Bj(11, 10, 9), settings: new()
        {
            ["CoBan:Supervision:Reports:Schedules:weeklyBulletin"] = "",
            ["CoBan:Supervision:Reports:Recipients:default:0"] = "supervisors",
            ["CoBan:Supervision:Reports:Recipients:default:1"] = "zuofeng@bz.example",
        });
        await WaitAsync(async () => (await host.Anonymous().GetAsync("/health")).IsSuccessStatusCode, "ready");
        var schedule = await (await host.LoginAsync("zhao.jian")).GetJsonAsync("/api/v1/supervision/reports/schedule");
        var monthly = schedule.AsArray().Single(s => (string?)s!["kind"]!["code"] == "monthlyEvaluation")!;
        ((string?)monthly["cron"]).ShouldBe("0 0 9 1 * ?");
        ((DateTimeOffset)monthly["nextDueAt"]!).ShouldBe(Bj(12, 1, 9));
        monthly["recipients"]!.AsArray().Select(r => (string?)r).ShouldBe(["supervisors", "zuofeng@bz.example"]);
        var weekly = schedule.AsArray().Single(s => (string?)s!["kind"]!["code"] == "weeklyBulletin")!;
        ((bool)weekly["enabled"]!).ShouldBeFalse("an empty cron expression switches a kind off");
        var scheduler = await host.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        (await scheduler.GetTrigger(ReportScheduler.KeyOf(ReportKind.WeeklyBulletin))).ShouldBeNull();
        (await scheduler.GetTrigger(ReportScheduler.KeyOf(ReportKind.DutySchedule))).ShouldNotBeNull();
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_daily_check_counts_on_the_deadlines_calendar_and_never_takes_new_years_day_of_an_unloaded_year_for_a_plain_friday(Db db)
    {
        // 2027's notice is not loaded. 2027-01-01 is a Friday and 元旦: the runner used to fall back to Monday–Friday and check.
        await using var host = await CaseSteps.StartAsync(db, Bj(12, 30, 9));
        await WaitAsync(async () => (await host.Anonymous().GetAsync("/health")).IsSuccessStatusCode, "ready");
        var runner = host.Services.GetRequiredService<ReportRunner>();
        (await runner.RunDueAsync(Bj(12, 31, 8, 0, 3), default, ReportKind.DailyCheck)).ShouldBeGreaterThan(0, "Thursday 2026-12-31 is a working day");
        await runner.RunDueAsync(new DateTimeOffset(2027, 1, 1, 8, 0, 3, TimeSpan.FromHours(8)), default, ReportKind.DailyCheck);
        (await ReportsAsync(host)).Where(r => r.Kind == ReportKind.DailyCheck).Select(r => r.PeriodKey).ShouldBe(["2026-12-31"]);
    }

    private static Task<List<SupervisionReport>> ReportsAsync(TestHost host) =>
        host.WithDbAsync(d => d.Set<SupervisionReport>().AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    private static async Task<SupervisionReport> WaitForAsync(TestHost host, ReportKind kind)
    {
        SupervisionReport? found = null;
        await WaitAsync(async () => (found = (await ReportsAsync(host)).FirstOrDefault(r => r.Kind == kind)) is not null, $"a {kind} report");
        return found!;
    }

    internal static async Task WaitAsync(Func<Task<bool>> condition, string what, int seconds = 40)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(seconds)) throw new ShouldAssertException($"timed out after {seconds} s waiting until {what}");
            await Task.Delay(200);
        }
    }
}
