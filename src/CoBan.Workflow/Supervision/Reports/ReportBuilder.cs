using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Rosters;
using Microsoft.EntityFrameworkCore;
using static CoBan.Workflow.Supervision.FigureTables;

namespace CoBan.Workflow.Supervision;

/// <summary>What each report says (seed 002: 日检查、周通报、月考评、季评比、年总结; seed 001: the quarterly duty schedule), from the figures.</summary>
public sealed class ReportBuilder(CoBanDbContext db, MeasureQueries measures, TrendQueries trends, FollowUpQueries followUps, RosterService rosters,
    Opinions.OpinionCounts opinions)
{
    /// <summary>Lists in a report stop here (the count says how many there are); the follow-up list has them all.</summary>
    public const int ListLimit = 300;

    public Task<ReportContent> BuildAsync(ReportKind kind, Bureau scope, Selection selection, Period period, DateTimeOffset asOf, CancellationToken ct) => kind switch
    {
        ReportKind.DailyCheck => DailyAsync(scope, selection, period, asOf, ct),
        ReportKind.WeeklyBulletin => WeeklyAsync(scope, selection, period, asOf, ct),
        ReportKind.MonthlyEvaluation => MonthlyAsync(scope, selection, period, asOf, ct),
        ReportKind.QuarterlyRanking => QuarterlyAsync(scope, selection, period, asOf, ct),
        ReportKind.AnnualSummary => AnnualAsync(scope, selection, period, asOf, ct),
        _ => DutyScheduleAsync(scope, period, ct),
    };

    /// <summary>日检查: yesterday's new overdue cases, every case still overdue (挂账), and what falls due today.</summary>
    private async Task<ReportContent> DailyAsync(Bureau scope, Selection selection, Period today, DateTimeOffset asOf, CancellationToken ct)
    {
        var yesterday = today.Previous();
        var content = new ReportContent { Title = $"{scope.Name}{today.Label}日检查" };
        var cases = measures.Cases(selection);
        var (ys, ye, ts, te) = (yesterday.Start, yesterday.End, today.Start, today.End);
        var final = MeasureQueries.Final;

        var newlyOverdue = await cases.Where(c => c.Deadline >= ys && c.Deadline < ye
                && ((!final.Contains(c.Status) && !c.Paused) || (c.CompletedAt != null && c.CompletedAt > c.Deadline)))
            .OrderBy(c => c.Deadline).Take(ListLimit).ToListAsync(ct);
        var dueToday = await cases.Where(c => c.Deadline >= ts && c.Deadline < te && !final.Contains(c.Status) && !c.Paused)
            .OrderBy(c => c.Deadline).Take(ListLimit).ToListAsync(ct);
        var overdue = await followUps.ListAsync(selection, "overdue", asOf, 1, ListLimit, ct);

        content.Headline.AddRange(
        [
            new("昨日登记", Int(await cases.CountAsync(c => c.RegisteredAt >= ys && c.RegisteredAt < ye, ct))),
            // Counted with a CASE, not a status filter: the end-time range must be the only filter for its index to drive (see MeasureQueries).
            new("昨日办结", Int(await cases.Where(c => c.CompletedAt >= ys && c.CompletedAt < ye).SumAsync(c => MeasureQueries.Done.Contains(c.Status) ? 1 : 0, ct))),
            new("昨日新增超期", Int(newlyOverdue.Count)),
            new("超期未办结（挂账）", Int(overdue.OverdueCases)),
            new("今日到期", Int(dueToday.Count)),
            new("督办逾期", Int(overdue.OverdueFollowUps)),
        ]);
        var names = await OwnerNamesAsync(newlyOverdue.Concat(dueToday), ct);

        var first = new ReportSection { Title = $"一、昨日（{yesterday.Label}）新增超期", Columns = ["案件编号", "单位", "事项", "协办员", "承诺期限", "状态"], Empty = "昨日无新增超期件" };
        foreach (var c in newlyOverdue)
            first.Rows.Add(new ReportLine([c.Number, BureauName(selection, c.BureauId), c.MatterName, names.GetValueOrDefault(c.OwnerId, ""), DateTime(c.Deadline), c.Status.Zh()], true));
        content.Sections.Add(first);

        content.Sections.Add(OverdueSection("二、超期未办结（挂账督办）", overdue));

        var third = new ReportSection { Title = $"三、今日（{today.Label}）到期", Columns = ["案件编号", "单位", "事项", "协办员", "承诺期限", "状态"], Empty = "今日无到期件" };
        foreach (var c in dueToday)
            third.Rows.Add(new ReportLine([c.Number, BureauName(selection, c.BureauId), c.MatterName, names.GetValueOrDefault(c.OwnerId, ""), DateTime(c.Deadline), c.Status.Zh()]));
        content.Sections.Add(third);
        content.Notes.Add("超期件的直接责任人为承办协办员，分管责任人为期限届满时的值班（带班）领导。");
        return content;
    }

    /// <summary>周通报: the week's figures by bureau, its bad reviews, and the cases still overdue.</summary>
    private async Task<ReportContent> WeeklyAsync(Bureau scope, Selection selection, Period week, DateTimeOffset asOf, CancellationToken ct)
    {
        var content = new ReportContent { Title = $"{scope.Name}{week.Label}工作通报" };
        var report = await measures.ReportAsync(selection, week, Dimension.Bureau, asOf, ct);
        Headlines(content, report.Total);
        content.Sections.Add(Table("一、各单位协办情况", Dimension.Bureau, report.Rows, report.Total, ranked: false));
        content.Sections.Add(await BadReviewsAsync("二、本周差评及整改", selection, week, asOf, ct));
        content.Sections.Add(OverdueSection("三、超期未办结（挂账督办）", await followUps.ListAsync(selection, "overdue", asOf, 1, ListLimit, ct)));
        return content;
    }

    /// <summary>月考评: every bureau and every coordinator scored and ranked, with the formula.</summary>
    private async Task<ReportContent> MonthlyAsync(Bureau scope, Selection selection, Period month, DateTimeOffset asOf, CancellationToken ct)
    {
        var content = new ReportContent { Title = $"{scope.Name}{month.Label}协办工作考评", Formula = Ranking.FormulaZh };
        var bureaus = await measures.ReportAsync(selection, month, Dimension.Bureau, asOf, ct);
        var coordinators = await measures.ReportAsync(selection, month, Dimension.Coordinator, asOf, ct);
        Headlines(content, bureaus.Total);
        content.Sections.Add(Table("一、单位考评", Dimension.Bureau, bureaus.Rows, bureaus.Total, ranked: true));
        content.Sections.Add(Table("二、协办员考评", Dimension.Coordinator, coordinators.Rows, null, ranked: true));
        content.Sections.Add(await BadReviewsAsync("三、本月差评及整改", selection, month, asOf, ct));
        content.Sections.Add(await OpinionsAsync("四、意见簿（意见箱）答复情况", selection, month, asOf, ct));
        return content;
    }

    /// <summary>The opinion book and the suggestion box (seeds 001, 004): entries of the period by bureau, and how they were answered.</summary>
    private async Task<ReportSection> OpinionsAsync(string title, Selection selection, Period period, DateTimeOffset asOf, CancellationToken ct)
    {
        var section = new ReportSection { Title = title, Columns = ["单位", "收到意见", "已答复", "按期答复", "逾期未答复"], Empty = "本期无意见簿、意见箱意见" };
        foreach (var f in await opinions.ForPeriodAsync(selection.BureauIds, period.Start, period.End, asOf, ct))
            section.Rows.Add(new ReportLine([BureauName(selection, f.BureauId), Int(f.Received), Int(f.Answered), Int(f.AnsweredInTime), Int(f.Overdue)], f.Overdue > 0));
        return section;
    }

    /// <summary>季评比: the ranking of bureaus and coordinators over the quarter, with the formula.</summary>
    private async Task<ReportContent> QuarterlyAsync(Bureau scope, Selection selection, Period quarter, DateTimeOffset asOf, CancellationToken ct)
    {
        var content = new ReportContent { Title = $"{scope.Name}{quarter.Label}协办工作评比", Formula = Ranking.FormulaZh };
        var bureaus = await measures.ReportAsync(selection, quarter, Dimension.Bureau, asOf, ct);
        var coordinators = await measures.ReportAsync(selection, quarter, Dimension.Coordinator, asOf, ct);
        Headlines(content, bureaus.Total);
        content.Sections.Add(RankingTable("一、单位评比", Dimension.Bureau, bureaus.Rows));
        content.Sections.Add(RankingTable("二、协办员评比", Dimension.Coordinator, coordinators.Rows));
        content.Sections.Add(Table("三、各单位指标明细", Dimension.Bureau, bureaus.Rows, bureaus.Total, ranked: false));
        return content;
    }

    /// <summary>年总结: the year by bureau (scored), month by month, and how cases were classified and answered.</summary>
    private async Task<ReportContent> AnnualAsync(Bureau scope, Selection selection, Period year, DateTimeOffset asOf, CancellationToken ct)
    {
        var content = new ReportContent { Title = $"{scope.Name}{year.Label}协办工作总结", Formula = Ranking.FormulaZh };
        var bureaus = await measures.ReportAsync(selection, year, Dimension.Bureau, asOf, ct);
        var t = bureaus.Total;
        Headlines(content, t);
        content.Sections.Add(Table("一、各单位全年情况", Dimension.Bureau, bureaus.Rows, t, ranked: true));

        var trend = await trends.TrendAsync(selection, year, ct);
        var months = new ReportSection { Title = "二、逐月情况", Columns = ["月份", "登记", "办结", "按时办结率", "平均用时（工作日）", "评价", "好评率"] };
        foreach (var p in trend.Points)
            months.Rows.Add(new ReportLine([$"{p.From.Month}月", Int(p.Registered), Int(p.Completed), Pct(p.OnTimeRate), Num(p.AverageDays), Int(p.Evaluations), Pct(p.GoodRate)]));
        content.Sections.Add(months);

        var r = t.Registered;
        var kinds = new ReportSection { Title = "三、登记分类", Columns = ["分类", "件数"] };
        foreach (var (label, n) in new[]
                 {
                     ("自办件", r.Own), ("联办件", r.Joint), ("移办件", r.Transfer), ("其中：提示件", r.Notice), ("即办件", r.Immediate),
                     ("承诺件", r.Commitment), ("退回件", r.Returned), ("未分类（移办、导引至首环节等）", r.Unclassified),
                 })
            kinds.Rows.Add(new ReportLine([label, Int(n)]));
        content.Sections.Add(kinds);

        var replies = new ReportSection { Title = "四、办结回复方式", Columns = ["方式", "次数"] };
        foreach (var (label, n) in new[] { ("当面告知", t.Replies.InPerson), ("电话", t.Replies.Phone), ("短信", t.Replies.Sms), ("电子邮件", t.Replies.Email), ("书面通知", t.Replies.Letter) })
            replies.Rows.Add(new ReportLine([label, Int(n)]));
        content.Sections.Add(replies);
        content.Notes.Add($"移办：移出 {t.Transfers.Sent} 件，移入 {t.Transfers.Received} 件（接收 {t.Transfers.Accepted}，拒收 {t.Transfers.Refused}）；联办件办结 {t.JointChainsCompleted} 件。");
        return content;
    }

    /// <summary>The quarterly 协办员和值班领导服务时间安排表 of one bureau (seed 001), reported upward by the 5th of the quarter's first month.</summary>
    private async Task<ReportContent> DutyScheduleAsync(Bureau bureau, Period quarter, CancellationToken ct)
    {
        var days = await rosters.DaysAsync(bureau.Id, quarter.From, quarter.To, ct);
        var schedule = ScheduleExport.Build(bureau, quarter.From.Year, (quarter.From.Month + 2) / 3, days);
        var content = new ReportContent { Title = ScheduleExport.Title(schedule), ReportBy = schedule.ReportBy };
        var section = new ReportSection
        {
            Title = $"{schedule.From.Year}年{schedule.From.Month}月{schedule.From.Day}日至{schedule.To.Year}年{schedule.To.Month}月{schedule.To.Day}日",
            Columns = ["角色", "姓名", "职务", "办公地点", "办公电话", "手机", "值班时间"], Empty = "本季度尚未排班，请尽快编制并报送",
        };
        foreach (var l in schedule.Lines)
            section.Rows.Add(new ReportLine([l.Role, l.Name, l.Title ?? "", l.Office ?? "", l.OfficePhone ?? "", l.Mobile ?? "", l.DutyTimes]));
        content.Sections.Add(section);
        content.Headline.AddRange(
        [
            new("协办员", Int(schedule.Lines.Count(l => l.Role == "协办员"))), new("值班领导", Int(schedule.Lines.Count(l => l.Role == "值班领导"))),
            new("已排班工作日", Int(days.Count(d => d.Coordinators.Count > 0))), new("报送期限", $"{schedule.ReportBy.Year}年{schedule.ReportBy.Month}月{schedule.ReportBy.Day}日"),
        ]);
        content.Notes.Add("协办员和值班领导分别为协办事项的直接责任人和分管责任人。");
        content.Notes.Add($"监督电话：{schedule.SupervisionHotline}");
        content.Notes.Add($"本表一式两份，一份在本单位公示栏公示，一份于 {schedule.ReportBy.Year}年{schedule.ReportBy.Month}月{schedule.ReportBy.Day}日 前报上级作风建设领导小组办公室。");
        return content;
    }

    private async Task<ReportSection> BadReviewsAsync(string title, Selection selection, Period period, DateTimeOffset asOf, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        var rows = await (from e in db.Set<Evaluation>().AsNoTracking()
                          join c in measures.Cases(selection) on e.CaseId equals c.Id
                          join u in db.Users on c.OwnerId equals u.Id
                          where e.At >= start && e.At < end && e.Level <= 2
                          orderby e.At
                          select new { c.Number, c.BureauId, u.DisplayName, e.Level, e.Comment, e.RectifyBy, e.RectifiedAt, e.RealName, e.ReturnVisitAt })
            .Take(ListLimit).ToListAsync(ct);
        var section = new ReportSection { Title = title, Columns = ["案件编号", "单位", "协办员", "评价", "意见", "整改期限", "整改情况"], Empty = "无差评" };
        foreach (var r in rows)
        {
            var state = r.RectifiedAt is { } at
                ? (r.RectifyBy is { } by && at > by ? $"逾期整改（{DateTime(at)}）" : $"已按期整改（{DateTime(at)}）")
                : r.RectifyBy is { } due && due < asOf ? "逾期未整改" : "整改中";
            if (r.RealName) state += r.ReturnVisitAt is null ? "；实名，待回访" : "；已回访";
            section.Rows.Add(new ReportLine([r.Number, BureauName(selection, r.BureauId), r.DisplayName, r.Level == 1 ? "非常不满意" : "不满意", r.Comment ?? "",
                DateTime(r.RectifyBy), state], r.RectifiedAt is null || (r.RectifyBy is { } b && r.RectifiedAt > b)));
        }
        return section;
    }

    private static ReportSection OverdueSection(string title, FollowUpPage page)
    {
        var section = new ReportSection
        {
            Title = title, Columns = ["案件编号", "单位", "事项", "协办员", "带班领导", "承诺期限", "超期（工作日）", "最近办理", "督办情况"], Empty = "无超期未办结件",
            Note = page.Total > page.Rows.Count ? $"共 {page.Total} 件，列出超期最久的 {page.Rows.Count} 件。" : null,
        };
        foreach (var c in page.Rows)
        {
            var open = c.FollowUps.FirstOrDefault(f => f.Status == "open");
            var follow = open is null ? "未督办" : $"{open.Note}（限 {open.DueOn.Month}月{open.DueOn.Day}日{(open.Overdue ? "，已逾期" : "")}）";
            var last = c.LastAction is { } a ? $"{DateTime(a.At)} {a.Detail}" : "";
            section.Rows.Add(new ReportLine([c.Number, c.Bureau.Name, c.MatterName, c.OwnerName, c.DutyLeaderName ?? "", DateTime(c.Deadline),
                c.DaysOverdue is { } d ? Int(d) : "—", last.Length > 60 ? last[..60] + "…" : last, follow], true));
        }
        return section;
    }

    private async Task<Dictionary<string, string>> OwnerNamesAsync(IEnumerable<Case> cases, CancellationToken ct)
    {
        var ids = cases.Select(c => c.OwnerId).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private static string BureauName(Selection selection, long id) => selection.Bureaus.TryGetValue(id, out var b) ? b.Name : "";

    private static string DateTime(DateTimeOffset? at) => at is { } a ? ChineseDates.DateTime(a) : "";
}
