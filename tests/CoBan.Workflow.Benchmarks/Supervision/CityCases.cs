using CoBan.Workflow.Cases;
using static CoBan.Workflow.Benchmarks.Supervision.BulkSql;

namespace CoBan.Workflow.Benchmarks.Supervision;

/// <summary>
/// Writes one applicant's visit the way the service would have left it (the case actions' rules, not
/// just plausible columns): the classification, the one-time notice and its supplements, the review
/// (a commitment only on a matter with a time limit, never beyond it), acceptance and deadline, the
/// end (on time, late, recalled, rejected), the overdue flag, a special procedure pausing the clock, a
/// transfer with the receiving bureau's own case, a joint chain's second link at the partner bureau,
/// the journal lines of each step, the reply in the coordination log and the evaluation.
/// </summary>
internal sealed class CityCases(CityStatements sql, CityCalendar calendar, Random random, DateTimeOffset now)
{
    private const string Missing = "[\"经营场所使用证明\"]";
    private readonly Dictionary<(long Bureau, int Year), int> _sequences = [];
    private long _chains;

    public long LastId { get; private set; }
    public long Rows { get; private set; }

    private sealed record Spec(CityBureau Bureau, CityMatter Matter, DateTimeOffset Registered, CaseCategory Category,
        string? FirstContact = null, long? Source = null, long? Chain = null, int? Position = null, CityBureau? Target = null);

    private sealed record Outcome(long Id, CaseStatus Status, DateTimeOffset? Completed, string FirstContact, Spec? Linked);

    /// <summary>
    /// An applicant at <paramref name="bureau"/>; returns how many cases that made (a transfer accepted or a chain handed on makes two).
    /// <paramref name="single"/>: only a case that makes no other (the last one of the size).
    /// </summary>
    public int WalkIn(CityBureau bureau, DateTimeOffset registered, List<CityBureau> departments, bool single = false)
    {
        var roll = single ? 1 : random.NextDouble();
        if (bureau.JointMatter is { } joint && roll < 0.12) return Chain(bureau, joint, registered);
        Spec spec;
        if (roll < 0.20)
        {
            // 移办: the applicant asks for a matter of another department.
            var target = departments[random.Next(departments.Count)];
            if (target.Id == bureau.Id) target = departments[(departments.IndexOf(target) + 1) % departments.Count];
            spec = new Spec(bureau, Pick(target.Matters), registered, CaseCategory.Transfer, Target: target);
        }
        else spec = new Spec(bureau, Pick(bureau.Matters), registered, CaseCategory.Own);
        var written = 0;
        for (Spec? next = spec; next is not null; written++) next = Write(next).Linked;
        return written;
    }

    /// <summary>Writes the next number of every bureau and year (what CaseNumbers would hand out next).</summary>
    public void WriteSequences()
    {
        foreach (var ((bureau, year), last) in _sequences) Run(sql.Sequence, ("$bureau", bureau), ("$year", year), ("$next", last + 1));
        Rows += _sequences.Count;
    }

    private int Chain(CityBureau bureau, CityMatter joint, DateTimeOffset registered)
    {
        var chain = ++_chains;
        var first = Write(new Spec(bureau, joint, registered, CaseCategory.Joint, Chain: chain, Position: 1));
        var last = first;
        if (first.Linked is { } link) last = Write(link);
        var completed = last != first && last.Status is CaseStatus.CompletedApproved or CaseStatus.CompletedTolerant;
        var stopped = !completed && last.Completed is not null;
        Run(sql.Chain, ("$id", chain), ("$matter", joint.Id), ("$applicant", "基准申请人"), ("$case", first.Id), ("$completed", completed ? 1 : 0),
            ("$created", registered.AddMinutes(1).UtcTicks), ("$at", completed ? last.Completed!.Value.UtcTicks : null),
            ("$stopped", stopped ? last.Completed!.Value.UtcTicks : null), ("$reason", stopped ? $"环节{(last == first ? 1 : 2)}未办结通过" : null));
        Rows++;
        return last == first ? 1 : 2;
    }

    private Outcome Write(Spec spec)
    {
        var id = ++LastId;
        var bureau = spec.Bureau;
        var owner = Pick(bureau.Coordinators);
        var firstContact = spec.FirstContact ?? owner;
        var reg = spec.Registered;
        var c = new CaseRow { Status = CaseStatus.Received };
        Journal(reg, id, bureau, owner, "case.registered", spec.Source is null ? "登记" : "由关联案件生成");
        Journal(reg.AddMinutes(1), id, bureau, owner, "case.classified", $"登记分类：{spec.Category.Zh()}");
        Spec? linked = spec.Category == CaseCategory.Transfer ? Transfer(spec, id, owner, firstContact, c) : Handle(spec, id, owner, c);
        if (spec.Position == 1 && c.Status == CaseStatus.HandedOver && bureau.Partner is { } partner)
            linked = new Spec(partner, bureau.PartMatter!, c.Completed!.Value.AddMinutes(10), CaseCategory.Joint, firstContact, id, spec.Chain, 2);

        var year = CityCalendar.LocalDate(reg).Year;
        var seq = _sequences[(bureau.Id, year)] = _sequences.GetValueOrDefault((bureau.Id, year)) + 1;
        Run(sql.Case, ("$id", id), ("$bureau", bureau.Id), ("$number", $"{bureau.Code}-{year}-{seq:D5}"), ("$year", year), ("$seq", seq),
            ("$matter", spec.Matter.Id), ("$matterName", $"基准事项{spec.Matter.Id}"), ("$applicantType", id % 10 < 7 ? 1 : 2), ("$applicant", "基准申请人"),
            ("$mode", spec.Category == CaseCategory.Joint ? 4 : 3), ("$category", (int)spec.Category), ("$kind", (int?)c.Kind), ("$status", (int)c.Status),
            ("$missing", c.Missing), ("$notice", c.Notice?.UtcTicks), ("$tolerant", c.Tolerant ? 1 : 0), ("$toleranceCommitment", c.Tolerant ? "申请人承诺限期补齐" : null),
            ("$supplementBy", c.SupplementBy?.UtcTicks), ("$reasons", c.Kind == CaseKind.Returned ? "[\"不符合法定条件\"]" : null),
            ("$basis", c.Kind == CaseKind.Returned ? "《行政许可法》第三十八条" : null), ("$owner", owner), ("$firstContact", firstContact), ("$registered", reg.UtcTicks),
            ("$accepted", c.Accepted?.UtcTicks), ("$committed", c.Committed), ("$deadline", c.Deadline?.UtcTicks), ("$overdue", c.Overdue?.UtcTicks),
            ("$paused", c.PausedAt is null ? 0 : 1), ("$pausedAt", c.PausedAt?.UtcTicks), ("$completed", c.Completed?.UtcTicks), ("$result", c.Result),
            ("$chain", spec.Chain), ("$position", spec.Position), ("$source", spec.Source), ("$version", 3));
        Rows++;
        if (c.Completed is { } end) Ended(id, bureau, owner, reg, end, c.Status);
        return new Outcome(id, c.Status, c.Completed, firstContact, linked);
    }

    private sealed class CaseRow
    {
        public CaseStatus Status;
        public CaseKind? Kind;
        public string? Missing, Result;
        public DateTimeOffset? Notice, SupplementBy, Accepted, Deadline, Overdue, PausedAt, Completed;
        public int? Committed;
        public bool Tolerant;
    }

    /// <summary>移办: sent to the competent department, which accepts (and opens its own case, the next id) or refuses (the case ends 不受理).</summary>
    private Spec? Transfer(Spec spec, long id, string owner, string firstContact, CaseRow c)
    {
        var target = spec.Target!;
        var sent = spec.Registered.AddMinutes(10);
        var responded = sent.AddMinutes(15 + random.Next(105));
        Journal(sent, id, spec.Bureau, owner, "case.transfer", $"移办至{target.Code}");
        var answered = responded <= now;
        var accepted = random.NextDouble() < 0.85;
        var responder = Pick(target.Coordinators);
        Run(sql.Transfer, ("$case", id), ("$from", spec.Bureau.Id), ("$to", target.Id), ("$status", !answered ? 1 : accepted ? 2 : 3),
            ("$receiving", answered && accepted ? id + 1 : null), ("$refusal", answered && !accepted ? "非本单位职责" : null), ("$sent", sent.UtcTicks), ("$by", owner),
            ("$responded", answered ? responded.UtcTicks : null), ("$responder", answered ? responder : null));
        Rows++;
        if (!answered) return null;
        if (accepted)
        {
            (c.Status, c.Completed, c.Result) = (CaseStatus.Transferred, responded, "已移交");
            return new Spec(target, spec.Matter, responded, CaseCategory.Own, firstContact, id);
        }
        var closed = responded.AddMinutes(10);
        if (closed <= now) (c.Status, c.Completed, c.Result) = (CaseStatus.NotReceived, closed, "无单位接收，不受理");
        return null;
    }

    /// <summary>A case this bureau handles itself (own, a chain's link, a transfer received).</summary>
    private Spec? Handle(Spec spec, long id, string owner, CaseRow c)
    {
        var bureau = spec.Bureau;
        var reg = spec.Registered;
        var start = reg;
        var k = random.NextDouble();
        if (k < 0.15 && spec.Position != 2)
        {
            // 提示件: the one-time notice of everything missing; the applicant comes back once or twice, or never.
            (c.Kind, c.Missing, c.Notice, c.Status) = (CaseKind.Notice, Missing, reg.AddMinutes(5), CaseStatus.SupplementStarted);
            Journal(c.Notice.Value, id, bureau, owner, "case.setStatus", "一次性告知缺件：经营场所使用证明");
            var v = random.NextDouble();
            var visits = v < 0.7 ? 1 : v < 0.9 ? 2 : 0;
            if (visits == 0)
            {
                var gaveUp = calendar.AddWorkingDays(reg, 10);
                if (gaveUp <= now) (c.Status, c.Completed, c.Result) = (CaseStatus.Withdrawn, gaveUp, "申请人未补正，撤回申请");
                return null;
            }
            for (var i = 1; i <= visits; i++)
            {
                var at = calendar.AddWorkingDays(reg, 2 * i);
                if (at > now) return null;
                Journal(at, id, bureau, owner, "case.supplement", i < visits ? "补交部分材料" : "补齐材料");
                start = at;
            }
            (c.Missing, c.Status) = (null, CaseStatus.SupplementEnded);
        }
        else if (k < 0.20 && spec.Position != 2)
        {
            // 退回件: refused at the desk with the reasons and the legal basis.
            c.Kind = CaseKind.Returned;
            var end = reg.AddMinutes(20 + random.Next(60));
            if (end <= now)
            {
                (c.Status, c.Completed, c.Result) = (CaseStatus.NotAccepted, end, "不符合法定条件");
                Journal(end, id, bureau, owner, "case.close", "不予受理");
            }
            return null;
        }

        var accepted = start.AddMinutes(15);
        if (accepted > now) return null;
        var matter = spec.Matter;
        c.Kind = matter.Limit > 0 && random.NextDouble() < 0.75 ? CaseKind.Commitment : CaseKind.Immediate;
        c.Committed = c.Kind == CaseKind.Commitment ? 1 + random.Next(matter.Limit) : 0;
        c.Accepted = accepted;
        c.Deadline = c.Kind == CaseKind.Immediate ? CityCalendar.SameDay(accepted) : calendar.AddWorkingDays(accepted, c.Committed.Value);
        if (c.Kind == CaseKind.Commitment && random.NextDouble() < 0.03)
            (c.Tolerant, c.SupplementBy) = (true, CityCalendar.At(CityCalendar.LocalDate(calendar.AddWorkingDays(accepted, Math.Min(3, c.Committed.Value))), TimeSpan.FromHours(17.5)));
        Journal(accepted, id, bureau, owner, "case.reviewed", $"受理审查：{c.Kind.Value.Zh()}");
        Journal(accepted, id, bureau, owner, "case.accept", "已受理");
        Journal(accepted, id, bureau, owner, "case.deadline", "承诺办结期限");
        c.Status = CaseStatus.Accepted;

        DateTimeOffset finish;
        if (c.Kind == CaseKind.Immediate)
            finish = random.NextDouble() < 0.93 ? accepted.AddMinutes(10 + random.Next(90)) : calendar.AddWorkingDays(accepted, 1);
        else if (random.NextDouble() < 0.84)
            finish = calendar.AddWorkingDays(accepted, Math.Max(1, (int)Math.Round(c.Committed.Value * (0.3 + 0.7 * random.NextDouble())))).AddHours(random.Next(-3, 3));
        else
            finish = calendar.AddWorkingDays(c.Deadline.Value, 1 + random.Next(4));
        if (finish < accepted) finish = accepted.AddMinutes(30);

        if (finish > now)
        {
            // Still open: being handled, perhaps paused by a special procedure (the clock stops), else flagged once past its deadline.
            if (now - accepted > TimeSpan.FromHours(2)) c.Status = CaseStatus.Handling;
            var pause = calendar.AddWorkingDays(accepted, 1);
            if (c.Kind == CaseKind.Commitment && random.NextDouble() < 0.08 && pause <= now && pause < c.Deadline)
            {
                (c.Status, c.PausedAt) = (CaseStatus.SpecialStarted, pause);
                Run(sql.Special, ("$case", id), ("$at", pause.UtcTicks));
                Rows++;
                Journal(pause, id, bureau, owner, "case.pause", "特别程序开始：现场核查");
            }
            else if (c.Deadline < now)
            {
                c.Overdue = c.Deadline;
                Journal(c.Deadline.Value, id, bureau, null, "case.flagOverdue", "超期未办结");
            }
            return null;
        }

        if (finish > c.Deadline)
        {
            c.Overdue = c.Deadline;
            Journal(c.Deadline.Value, id, bureau, null, "case.flagOverdue", "超期未办结");
        }
        var o = random.NextDouble();
        (c.Status, c.Result) = o < 0.04 ? (CaseStatus.Recalled, "申请人撤回")
            : o < 0.13 ? (CaseStatus.CompletedRejected, "不予许可")
            : (c.Tolerant ? CaseStatus.CompletedTolerant : CaseStatus.CompletedApproved, "准予许可");
        c.Completed = finish;
        Journal(finish, id, bureau, owner, "case.complete", c.Status.Zh());
        if (spec.Position == 1 && c.Status is CaseStatus.CompletedApproved or CaseStatus.CompletedTolerant && bureau.Partner is not null && finish.AddMinutes(10) <= now)
        {
            // 联办: this link's part is done, handed over to the next link (a case at the partner bureau, written next).
            c.Status = CaseStatus.HandedOver;
            Journal(finish.AddMinutes(10), id, bureau, owner, "case.handOver", "移交下一环节");
        }
        return null;
    }

    /// <summary>What an ended case leaves: its working days, the reply to the applicant and, for some, their evaluation.</summary>
    private void Ended(long id, CityBureau bureau, string owner, DateTimeOffset registered, DateTimeOffset end, CaseStatus status)
    {
        var days = Math.Max(0, calendar.Between(CityCalendar.LocalDate(registered), CityCalendar.LocalDate(end)));
        Run(sql.Duration, ("$case", id), ("$days", days), ("$at", end.UtcTicks));
        Rows++;
        if (status is CaseStatus.Withdrawn or CaseStatus.Recalled) return;
        var reply = end.AddMinutes(5 + random.Next(60));
        if (reply > now) return;
        Run(sql.Log, ("$case", id), ("$user", owner), ("$at", reply.UtcTicks), ("$handling", status.Zh()), ("$method", Pick(Methods)));
        Journal(reply, id, bureau, owner, "case.log", "办结回复");
        Rows++;
        if (status is CaseStatus.Transferred or CaseStatus.NotReceived || random.NextDouble() >= 0.3) return;
        var e = random.NextDouble();
        var level = e < 0.5 ? 5 : e < 0.8 ? 4 : e < 0.92 ? 3 : e < 0.97 ? 2 : 1;
        var at = end.AddHours(1 + random.Next(48));
        if (at > now) return;
        DateTimeOffset? by = level <= 2 ? calendar.AddWorkingDays(at, 5) : null;
        var r = random.NextDouble();
        DateTimeOffset? rectified = by is { } b ? (r < 0.8 ? calendar.AddWorkingDays(at, 1 + random.Next(4)) : r < 0.9 ? calendar.AddWorkingDays(b, 2) : null) : null;
        if (rectified > now) rectified = null;
        Run(sql.Evaluation, ("$case", id), ("$level", level), ("$source", random.NextDouble() < 0.6 ? "public" : "desk"), ("$at", at.UtcTicks),
            ("$by", by?.UtcTicks), ("$rectified", rectified?.UtcTicks));
        Rows++;
    }

    private static readonly string[] Methods = ["inPerson", "inPerson", "inPerson", "phone", "phone", "sms", "email", "letter"];

    private void Journal(DateTimeOffset at, long caseId, CityBureau bureau, string? user, string action, string detail)
    {
        Run(sql.Journal, ("$at", at.UtcTicks), ("$case", caseId), ("$bureau", bureau.Id), ("$user", user), ("$userName", user is null ? "系统" : null),
            ("$action", action), ("$detail", detail));
        Rows++;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
