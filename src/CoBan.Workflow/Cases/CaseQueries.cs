using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases.Actions;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Matters;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases;

/// <summary>Reading cases: lists for the desk, the full case, its timeline, notices, tasks and joint chain.</summary>
public sealed class CaseQueries(CoBanDbContext db, CurrentUser me, BureauScope scope, CaseAccess access, Timers.DeadlineService deadlines, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<CaseNumberingOptions> numbering)
{
    public async Task<CasePage> ListAsync(string? bureau, string? status, string? category, bool? mine, bool? open, bool? overdue, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var visible = await scope.VisibleAsync(ct);
        var linked = access.Linked();
        var query = db.Set<Case>().AsNoTracking().Where(c => visible.Contains(c.BureauId) || linked.Contains(c.Id));
        if (bureau is not null)
        {
            var id = await db.Set<Bureau>().Where(b => b.Code == bureau).Select(b => (long?)b.Id).FirstOrDefaultAsync(ct) ?? throw CoBanException.NotFound($"单位 {bureau}", $"bureau {bureau}");
            query = query.Where(c => c.BureauId == id);
        }
        if (status is not null)
        {
            var statuses = status.Split(',').Select(s => EnumCodes.Parse<CaseStatus>(s, "status")).ToList();
            query = query.Where(c => statuses.Contains(c.Status));
        }
        if (category is not null)
        {
            var cat = EnumCodes.Parse<CaseCategory>(category, "category");
            query = query.Where(c => c.Category == cat);
        }
        if (mine == true) query = query.Where(c => c.OwnerId == me.Id);
        var finals = Enum.GetValues<CaseStatus>().Where(s => s.IsFinal()).ToList();
        if (open == true) query = query.Where(c => !finals.Contains(c.Status));
        if (open == false) query = query.Where(c => finals.Contains(c.Status));
        if (overdue == true)
        {
            var now = clock.GetUtcNow();
            query = query.Where(c => !finals.Contains(c.Status) && !c.Paused && c.Deadline != null && c.Deadline < now);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(c => c.Number.Contains(text) || c.ApplicantName.Contains(text) || c.MatterName.Contains(text));
        }
        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var number = Math.Max(page ?? 1, 1);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.RegisteredAt).ThenByDescending(c => c.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new CasePage(total, number, size, await SummariesAsync(rows, ct));
    }

    public async Task<CaseDetail> DetailAsync(long id, CancellationToken ct)
    {
        var c = await access.ReadableAsync(id, ct);
        var summary = (await SummariesAsync([c], ct))[0];
        var materials = await db.Set<MatterMaterial>().AsNoTracking().Where(m => m.MatterId == c.MatterId).OrderBy(m => m.Position).ToListAsync(ct);
        var received = JsonDefaults.ReadList(c.MaterialsReceived).ToHashSet();
        var limit = await db.Set<Matter>().Where(m => m.Id == c.MatterId).Select(m => (int?)m.LimitWorkingDays).FirstOrDefaultAsync(ct);
        var people = await PeopleAsync([c.OwnerId, c.FirstContactId], ct);
        var forwarded = c.ForwardedToBureauId is { } f ? await BureauAsync(f, ct) : null;
        var evaluation = await db.Set<Evaluation>().AsNoTracking().FirstOrDefaultAsync(e => e.CaseId == id, ct);
        return new CaseDetail(summary, c.Description,
            new CaseApplicant(c.ApplicantType.Code(), c.ApplicantName, c.ApplicantIdNumber, c.ContactPerson, c.Phone, c.Email, c.Address, c.ConsentSms, c.ConsentEmail,
                c.ApplicantIdType is { } idType ? new CodeLabel(idType.Code(), idType.Zh()) : null),
            c.Entrustment, materials.Select(m => new MaterialState(m.Name, m.Required, m.Note, received.Contains(m.Name))).ToList(), JsonDefaults.ReadList(c.MaterialsMissing),
            c.MissingNoticeAt, c.Tolerant, c.ToleranceCommitment, c.SupplementBy, JsonDefaults.ReadList(c.RejectionReasons), c.RejectionLegalBasis,
            people[c.OwnerId], people[c.FirstContactId], c.AcceptedAt, c.CommittedWorkingDays, limit, c.PausedAt, c.OverdueAt, c.CompletedAt,
            c.Result, c.HomeVisitAt, forwarded, c.SourceCaseId, c.InstanceId, c.RowVersion,
            await TransfersAsync(c, ct), await SpecialAsync(id, ct), await LogAsync(id, ct), evaluation is null ? null : Evaluation(evaluation),
            (await TasksAsync(id, openOnly: true, ct)),
            numbering.Value is { CentreWide: true, ShowBureauNumber: true } ? CaseNumbers.BureauNumber(summary.Bureau.Code, c.Year, c.Sequence) : null);
    }

    public async Task<List<JournalInfo>> JournalAsync(long id, CancellationToken ct)
    {
        await access.ReadableAsync(id, ct);
        return await db.Set<JournalEntry>().AsNoTracking().Where(j => j.CaseId == id).OrderBy(j => j.Id)
            .Select(j => new JournalInfo(j.Id, j.At, j.InstanceId, j.UserName, j.Action, j.ElementId, j.Detail, j.Before, j.After)).ToListAsync(ct);
    }

    public async Task<List<NoticeInfo>> NoticesAsync(long id, CancellationToken ct)
    {
        await access.ReadableAsync(id, ct);
        var rows = await db.Set<Notice>().AsNoTracking().Where(n => n.CaseId == id).OrderBy(n => n.Id).ToListAsync(ct);
        return rows.Select(n => new NoticeInfo(n.Id, n.InstanceId, n.ElementId, n.Template, n.Channels, n.Recipient, n.Status.LowerCode(), n.CreatedAt)).ToList();
    }

    public async Task<List<CaseTaskInfo>> TasksAsync(long id, bool openOnly, CancellationToken ct)
    {
        if (!openOnly) await access.ReadableAsync(id, ct);
        var rows = await db.Set<WorkTask>().AsNoTracking().Where(t => t.CaseId == id && (!openOnly || t.Status == WorkTaskStatus.Open)).OrderBy(t => t.Id).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => rows.Select(t => t.AssigneeId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        return rows.Select(t => new CaseTaskInfo(t.Id, t.InstanceId, t.ElementId, t.Name, t.AssigneeId is { } a && users.TryGetValue(a, out var u) ? u.UserName : null,
            t.AssigneeId is { } b && users.TryGetValue(b, out var v) ? v.DisplayName : null, t.Due, t.Status.LowerCode(), t.CreatedAt, t.CompletedAt)).ToList();
    }

    public async Task<ChainInfo> ChainAsync(long id, CancellationToken ct)
    {
        var c = await access.ReadableAsync(id, ct);
        if (c.ChainId is not { } chainId) throw CoBanException.NotFound("该案件的联办链条", "joint chain of this case");
        var chain = await db.Set<JointChain>().AsNoTracking().FirstAsync(j => j.Id == chainId, ct);
        var matter = await db.Set<Matter>().AsNoTracking().FirstAsync(m => m.Id == chain.MatterId, ct);
        var links = await db.Set<MatterChainLink>().AsNoTracking().Where(l => l.MatterId == chain.MatterId).OrderBy(l => l.Position).ToListAsync(ct);
        var cases = await db.Set<Case>().AsNoTracking().Where(x => x.ChainId == chainId).OrderBy(x => x.Id).ToListAsync(ct);
        var summaries = await SummariesAsync(cases, ct);
        var bureaus = await db.Set<Bureau>().AsNoTracking().Where(b => links.Select(l => l.BureauId).Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var first = await db.Set<Case>().AsNoTracking().Where(x => x.Id == chain.FirstCaseId).Select(x => x.FirstContactId).FirstAsync(ct);
        var people = await PeopleAsync([first], ct);
        var infos = links.Select(l =>
        {
            var s = summaries.LastOrDefault(x => x.ChainPosition == l.Position);
            var b = bureaus[l.BureauId];
            return new ChainLinkInfo(l.Position, new BureauRef(b.Id, b.Code, b.Name), l.Part, s?.Id, s?.Number, s?.Status, s?.OwnerName, s?.Deadline);
        }).ToList();
        return new ChainInfo(chain.Id, matter.Name, chain.ApplicantName, chain.Completed, chain.CompletedAt, chain.StoppedAt, chain.StopReason, people[first], infos, summaries);
    }

    public async Task<(byte[] Png, string Name)> SignatureAsync(long id, long entryId, CancellationToken ct)
    {
        await access.ReadableAsync(id, ct);
        var signature = await db.Set<CoordinationLogEntry>().AsNoTracking().Where(e => e.Id == entryId && e.CaseId == id).Select(e => e.Signature).FirstOrDefaultAsync(ct)
            ?? throw CoBanException.NotFound("签名", "signature");
        return (Convert.FromBase64String(signature[(signature.IndexOf(',') + 1)..]), $"signature-{entryId}.png");
    }

    public async Task<List<CaseSummary>> SummariesAsync(IReadOnlyList<Case> rows, CancellationToken ct)
    {
        var bureauIds = rows.Select(r => r.BureauId).Distinct().ToList();
        var bureaus = await db.Set<Bureau>().AsNoTracking().Where(b => bureauIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var ownerIds = rows.Select(r => r.OwnerId).Distinct().ToList();
        var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var now = clock.GetUtcNow();
        var list = new List<CaseSummary>(rows.Count);
        foreach (var c in rows)
        {
            var open = !c.Status.IsFinal();
            int? left = open && !c.Paused && c.Deadline is { } d ? await deadlines.WorkingDaysLeftAsync(db, c.BureauId, now, d, ct) : null;
            // Counted on a year whose State Council notice is not loaded yet: recomputed when it is (docs/calendar.md).
            var provisional = open && c.Deadline is { } due && await deadlines.IsProvisionalAsync(db, c.BureauId, c.AcceptedAt ?? c.RegisteredAt, due, ct);
            var b = bureaus[c.BureauId];
            var owner = owners[c.OwnerId];
            list.Add(new CaseSummary(c.Id, c.Number, new BureauRef(b.Id, b.Code, b.Name), c.MatterId, c.MatterName, c.ApplicantName, c.ApplicantType.Code(),
                new(c.Category.Code(), c.Category.Zh()), c.Kind is { } k ? new(k.Code(), k.Zh()) : null, new(c.Status.Code(), c.Status.Zh()), new(c.ServiceMode.Code(), c.ServiceMode.Zh()),
                owner.UserName!, owner.DisplayName, c.RegisteredAt, c.Deadline, c.Paused, open && !c.Paused && c.Deadline < now, left, c.ChainId, c.ChainPosition, provisional));
        }
        return list;
    }

    private async Task<Dictionary<string, PersonRef>> PeopleAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToListAsync(ct);
        var codes = await db.Set<Bureau>().AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code, ct);
        return users.ToDictionary(u => u.Id, u => new PersonRef(u.UserName!, u.DisplayName, u.Title, u.OfficePhone, u.PhoneNumber, codes[u.BureauId]));
    }

    private async Task<BureauRef> BureauAsync(long id, CancellationToken ct) =>
        await db.Set<Bureau>().AsNoTracking().Where(b => b.Id == id).Select(b => new BureauRef(b.Id, b.Code, b.Name)).FirstAsync(ct);

    private async Task<List<TransferInfo>> TransfersAsync(Case c, CancellationToken ct)
    {
        var rows = await db.Set<Transfer>().AsNoTracking().Where(t => t.FromCaseId == c.Id || t.ReceivingCaseId == c.Id).OrderBy(t => t.Id).ToListAsync(ct);
        var ids = rows.SelectMany(t => new[] { t.FromBureauId, t.ToBureauId }).Distinct().ToList();
        var bureaus = await db.Set<Bureau>().AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => new BureauRef(b.Id, b.Code, b.Name), ct);
        var receiving = rows.Where(t => t.ReceivingCaseId != null).Select(t => t.ReceivingCaseId!.Value).ToList();
        var numbers = await db.Set<Case>().AsNoTracking().Where(x => receiving.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Number, ct);
        return rows.Select(t => new TransferInfo(t.Id, t.FromCaseId == c.Id ? "outgoing" : "incoming", t.FromCaseId, bureaus[t.FromBureauId], bureaus[t.ToBureauId],
            t.Reasons, t.LegalBasis, t.CrossLevel, t.Status.LowerCode(), t.ReceivingCaseId,
            t.ReceivingCaseId is { } r ? numbers.GetValueOrDefault(r) : null, t.RefusalReason, t.SentAt, t.RespondedAt, t.ReceivingEndedAt)).ToList();
    }

    private async Task<List<SpecialProcedureInfo>> SpecialAsync(long id, CancellationToken ct) =>
        await db.Set<CaseSpecialProcedure>().AsNoTracking().Where(p => p.CaseId == id).OrderBy(p => p.Id)
            .Select(p => new SpecialProcedureInfo(p.Id, p.Kind, p.Reason, p.StartedAt, p.EndedAt, p.WorkingDaysGivenBack, p.Result)).ToListAsync(ct);

    private async Task<List<LogEntryInfo>> LogAsync(long id, CancellationToken ct)
    {
        var rows = await db.Set<CoordinationLogEntry>().AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var ids = rows.Select(r => r.CoordinatorId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return rows.Select(e => new LogEntryInfo(e.Id, names.GetValueOrDefault(e.CoordinatorId, "?"), e.At, e.Handling,
            new(e.ReplyMethod, LogAction.Methods.GetValueOrDefault(e.ReplyMethod, e.ReplyMethod)), e.ReplyAt, e.Signature is not null, e.SignedOnPaper,
            e.Signature is null ? null : $"/api/v1/cases/{id}/log/{e.Id}/signature")).ToList();
    }

    public static readonly string[] Levels = ["", "非常不满意", "不满意", "基本满意", "满意", "非常满意"];

    public static EvaluationInfo Evaluation(Evaluation e) => new(e.Id, e.Level, Levels[e.Level], e.Comment, e.RealName, e.Source, e.At, e.IsBad,
        e.RectifyBy, e.RectifiedAt, e.Substantiated, e.Rectification, e.Answer, e.ReturnVisitAt, e.ReturnVisitNote, e.RectificationInstanceId);
}
