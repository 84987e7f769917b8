using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Matters;
using Microsoft.EntityFrameworkCore;
using Case = CoBan.Workflow.Cases.Case;

namespace CoBan.Workflow.Tests.Supervision;

/// <summary>
/// Writes the facts of cases straight into the database (cases, transfers, chains, coordination log,
/// evaluations, the supplement lines of the journal), so a test states exactly what happened and works
/// out the figures by hand. Times are Beijing time.
/// </summary>
public sealed class SupervisionFacts(CoBanDbContext db)
{
    private readonly Dictionary<string, long> _bureaus = [];
    private readonly Dictionary<string, string> _users = [];
    private readonly Dictionary<string, long> _matters = [];
    private int _sequence;

    public static DateTimeOffset Bj(int month, int day, int hour = 9, int minute = 0, int second = 0) => new(2026, month, day, hour, minute, second, TimeSpan.FromHours(8));

    public async Task<SupervisionFacts> LoadAsync()
    {
        foreach (var b in await db.Set<Bureau>().ToListAsync()) _bureaus[b.Code] = b.Id;
        foreach (var u in await db.Users.ToListAsync()) _users[u.UserName!] = u.Id;
        foreach (var m in await db.Set<Matter>().ToListAsync()) _matters[m.Code] = m.Id;
        return this;
    }

    public long Bureau(string code) => _bureaus[code];
    public string User(string userName) => _users[userName];
    public long Matter(string code) => _matters[code];

    public Case Case(string bureau, string owner, string matter, DateTimeOffset registered, CaseCategory category = CaseCategory.Own, CaseKind? kind = null,
        CaseStatus status = CaseStatus.Handling, DateTimeOffset? deadline = null, DateTimeOffset? completed = null, bool paused = false)
    {
        var number = $"T-{bureau}-{++_sequence:00000}";
        var c = new Case
        {
            BureauId = Bureau(bureau), Number = number, Year = registered.Year, Sequence = _sequence, MatterId = Matter(matter), MatterName = matter,
            ApplicantName = $"申请人{_sequence}", OwnerId = User(owner), FirstContactId = User(owner), RegisteredAt = registered.ToUniversalTime(),
            Category = category, Kind = kind, Status = status, Deadline = deadline?.ToUniversalTime(), CompletedAt = completed?.ToUniversalTime(), Paused = paused,
            AcceptedAt = kind is CaseKind.Immediate or CaseKind.Commitment ? registered.ToUniversalTime() : null,
        };
        db.Add(c);
        return c;
    }

    /// <summary>A notice case: the one-time notice at <paramref name="noticeAt"/>, then <paramref name="visits"/> supplements; <paramref name="stillMissing"/> is what the list still lacks.</summary>
    public async Task<Case> NoticeCaseAsync(string bureau, string owner, string matter, DateTimeOffset registered, DateTimeOffset noticeAt, int visits, string[] stillMissing,
        CaseKind kindAfter = CaseKind.Notice, CaseStatus status = CaseStatus.SupplementStarted, DateTimeOffset? deadline = null, DateTimeOffset? completed = null)
    {
        var c = Case(bureau, owner, matter, registered, CaseCategory.Own, kindAfter, status, deadline, completed);
        c.MissingNoticeAt = noticeAt.ToUniversalTime();
        c.MaterialsMissing = stillMissing.Length == 0 ? null : JsonDefaults.WriteList(stillMissing);
        await db.SaveChangesAsync();
        for (var i = 1; i <= visits; i++)
            db.Add(new JournalEntry { At = noticeAt.AddDays(i).ToUniversalTime(), CaseId = c.Id, BureauId = c.BureauId, UserId = c.OwnerId, Action = "case.supplement", Detail = $"补交材料（第 {i} 次）" });
        return c;
    }

    public Transfer Transfer(Case from, string toBureau, DateTimeOffset sentAt, TransferStatus status, string? respondedBy, Case? receiving = null) =>
        Add(new Transfer
        {
            FromCaseId = from.Id, FromBureauId = from.BureauId, ToBureauId = Bureau(toBureau), Reasons = "不属于本单位职责", Status = status, SentAt = sentAt.ToUniversalTime(),
            SentBy = from.OwnerId, RespondedBy = respondedBy is null ? null : User(respondedBy), RespondedAt = respondedBy is null ? null : sentAt.AddHours(1).ToUniversalTime(),
            ReceivingCaseId = receiving?.Id,
        });

    public CoordinationLogEntry Reply(Case c, string coordinator, string method, DateTimeOffset at) =>
        Add(new CoordinationLogEntry { CaseId = c.Id, CoordinatorId = User(coordinator), At = at.ToUniversalTime(), ReplyAt = at.ToUniversalTime(), Handling = "已办结", ReplyMethod = method, SignedOnPaper = true });

    public Evaluation Evaluate(Case c, int level, DateTimeOffset at, DateTimeOffset? rectifyBy = null, DateTimeOffset? rectifiedAt = null) =>
        Add(new Evaluation { CaseId = c.Id, Level = level, At = at.ToUniversalTime(), Source = "desk", RectifyBy = rectifyBy?.ToUniversalTime(), RectifiedAt = rectifiedAt?.ToUniversalTime() });

    public T Add<T>(T entity) where T : class
    {
        db.Add(entity);
        return entity;
    }

    public Task SaveAsync() => db.SaveChangesAsync();
}
