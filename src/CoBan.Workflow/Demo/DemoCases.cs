using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Matters;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Demo;

/// <summary>
/// Demo cases in every status, made the way the desk makes them: registered through
/// <see cref="CaseFactory"/>, moved by completing the shipped procedures' tasks as their
/// coordinators would, ended by the same commands the API offers. Nothing is inserted in a state
/// the procedures could not have reached.
/// </summary>
public sealed class DemoCases(CoBanDbContext db, RuntimeService runtime, CaseLifecycle lifecycle, CaseEvaluations evaluations, Timers.DeadlineService deadlines)
{
    private static readonly Dictionary<string, object?> SignedOnPaper = new()
    {
        ["replyMethod"] = "inPerson", ["handling"] = "已当面告知办理结果并交付材料", ["signedOnPaper"] = true,
    };

    public async Task SeedAsync(CancellationToken ct)
    {
        // 已接件: waiting for the desk's review.
        await RegisterAsync("zhang.wei", "SCJG-001", "刘德明", "13911110001", ["个体工商户登记申请书", "经营者身份证明", "经营场所使用证明"], ct: ct);

        // 补正开始: one-time notice of what is missing.
        var notice = await RegisterAsync("li.na", "SCJG-002", "霸州市鑫源餐饮有限公司", "13911110002", ["食品经营许可申请书", "营业执照复印件"],
            type: ApplicantType.Enterprise, contact: "王建国", ct: ct);
        await CompleteAsync(notice, "review", "li.na", new() { ["kind"] = "notice" }, ct);

        // 补正结束: everything supplied; back to review.
        var supplied = await RegisterAsync("zhang.wei", "WSJ-003", "霸州市悦来宾馆", "13911110003", ["延续申请表", "原卫生许可证"],
            type: ApplicantType.Enterprise, contact: "赵丽", ct: ct, bureau: "BZ-WSJDS", user: "zhou.hui");
        await CompleteAsync(supplied, "review", "zhou.hui", new() { ["kind"] = "notice" }, ct);
        await CompleteAsync(supplied, "supplement", "zhou.hui", new() { ["received"] = new List<object?> { "卫生检测（评价）报告" } }, ct);

        // 已撤件: the applicant gave up supplying.
        var withdrawn = await RegisterAsync("chen.jing", "RSJ-002", "马晓东", "13911110004", ["居民身份证"], ct: ct);
        await CompleteAsync(withdrawn, "review", "chen.jing", new() { ["kind"] = "notice" }, ct);
        await CompleteAsync(withdrawn, "supplement", "chen.jing", new() { ["withdrawn"] = true }, ct);

        // 已受理: an immediate case being answered on the spot.
        var immediate = await RegisterAsync("chen.jing", "RSJ-001", "李秀英", "13911110005", ["居民身份证", "近期免冠证件照"], ct: ct);
        await CompleteAsync(immediate, "review", "chen.jing", new() { ["kind"] = "immediate" }, ct);

        // 办结（通过）with a good evaluation.
        var done = await RegisterAsync("zhang.wei", "SCJG-003", "周明", "13911110006", ["补领营业执照申请书", "法定代表人身份证明"], ct: ct);
        await CompleteAsync(done, "review", "zhang.wei", new() { ["kind"] = "immediate" }, ct);
        await CompleteAsync(done, "handle_now", "zhang.wei", new() { ["outcome"] = "approved", ["result"] = "当场补发营业执照" }, ct);
        await CompleteAsync(done, "log_now", "zhang.wei", SignedOnPaper, ct);
        await evaluations.EvaluateAsync(done, new EvaluationRequest(5, "办事快，态度好", true), "desk", await ActorAsync("zhang.wei", ct), ct);

        // 部门开始办理: a commitment case on its way.
        var handling = await RegisterAsync("zhou.hui", "WSJ-001", "霸州市康乐洗浴中心", "13911110007",
            ["公共场所卫生许可申请表", "营业执照复印件", "卫生管理制度", "从业人员健康合格证明", "卫生检测（评价）报告"], type: ApplicantType.Enterprise, contact: "孙伟", ct: ct);
        await CompleteAsync(handling, "review", "zhou.hui", new() { ["kind"] = "commitment", ["committedDays"] = await CommitAsync(handling, 10, ct) }, ct);

        // 特别程序开始 and 特别程序结束.
        var special = await RegisterAsync("xu.lei", "ZRZY-001", "霸州市宏达建筑工程有限公司", "13911110008",
            ["建设工程规划许可申请表", "建设项目用地证明", "建设工程设计方案", "建设单位身份证明"], type: ApplicantType.Enterprise, contact: "钱进", ct: ct);
        await CompleteAsync(special, "review", "xu.lei", new() { ["kind"] = "commitment", ["committedDays"] = await CommitAsync(special, null, ct) }, ct);
        await CompleteAsync(special, "handle", "xu.lei", new() { ["outcome"] = "special", ["specialKind"] = "inspection", ["specialReason"] = "需现场踏勘" }, ct);
        var resumed = await RegisterAsync("li.na", "SCJG-002", "霸州市好味道小吃店", "13911110009",
            ["食品经营许可申请书", "营业执照复印件", "法定代表人（负责人）身份证明", "经营场所平面图及设备布局图", "食品安全管理制度"], type: ApplicantType.Enterprise, contact: "吴芳", ct: ct);
        await CompleteAsync(resumed, "review", "li.na", new() { ["kind"] = "commitment", ["committedDays"] = await CommitAsync(resumed, 8, ct) }, ct);
        await CompleteAsync(resumed, "handle", "li.na", new() { ["outcome"] = "special", ["specialKind"] = "inspection" }, ct);
        await CompleteAsync(resumed, "special", "li.na", new() { ["specialResult"] = "现场核查合格" }, ct);

        // 办结（不通过）with a real-name bad review: rectification under way.
        var rejected = await RegisterAsync("zhang.wei", "SCJG-001", "陈刚", "13911110010", ["个体工商户登记申请书", "经营者身份证明", "经营场所使用证明"], ct: ct);
        await CompleteAsync(rejected, "review", "zhang.wei", new() { ["kind"] = "commitment", ["committedDays"] = await CommitAsync(rejected, 3, ct) }, ct);
        await CompleteAsync(rejected, "handle", "zhang.wei", new() { ["outcome"] = "rejected", ["result"] = "经营场所位于禁止经营区域" }, ct);
        await CompleteAsync(rejected, "log", "zhang.wei", SignedOnPaper, ct);
        await evaluations.EvaluateAsync(rejected, new EvaluationRequest(2, "跑了两趟才说不能办", true), "desk", await ActorAsync("zhang.wei", ct), ct);

        // 办结（容缺通过）.
        var tolerant = await RegisterAsync("zhu.lin", "NMZ-002", "王桂兰", "13911110011", ["居民身份证"], ct: ct);
        await CompleteAsync(tolerant, "review", "zhu.lin", new()
        {
            ["kind"] = "commitment", ["committedDays"] = await CommitAsync(tolerant, null, ct), ["tolerant"] = true, ["toleranceCommitment"] = "本人承诺 3 个工作日内补交户口簿", ["supplementBy"] = await WorkingDaysAheadAsync(tolerant, 3, ct),
        }, ct);
        await CompleteAsync(tolerant, "tolerant_supply", "zhu.lin", new() { ["received"] = new List<object?> { "户口簿" } }, ct);
        await CompleteAsync(tolerant, "handle", "zhu.lin", new() { ["outcome"] = "approved" }, ct);
        await CompleteAsync(tolerant, "log", "zhu.lin", new() { ["replyMethod"] = "phone", ["handling"] = "已电话告知参保登记完成" }, ct);

        // 不予受理: a returned case.
        var returned = await RegisterAsync("zhou.hui", "WSJ-002", "霸州市清泉水站", "13911110012", ["卫生许可申请书", "供水设施平面图", "水质检验报告", "从业人员健康证明"],
            type: ApplicantType.Enterprise, contact: "郑强", ct: ct);
        await CompleteAsync(returned, "review", "zhou.hui", new()
        {
            ["kind"] = "returned", ["reasons"] = "供水水源位于饮用水水源一级保护区内\n不符合选址要求", ["legalBasis"] = "《中华人民共和国水污染防治法》第六十五条",
        }, ct);
        await CompleteAsync(returned, "log_returned", "zhou.hui", SignedOnPaper, ct);

        // 撤回 (after acceptance) and 撤销 (registered in error).
        var recalled = await RegisterAsync("chen.jing", "RSJ-002", "杨帆", "13911110013", ["居民身份证", "解除或终止劳动关系证明", "银行账户信息"], ct: ct);
        await CompleteAsync(recalled, "review", "chen.jing", new() { ["kind"] = "commitment", ["committedDays"] = await CommitAsync(recalled, null, ct) }, ct);
        await CaseCommands.EndAsync(runtime, lifecycle, await ActorAsync("chen.jing", ct), recalled, CaseStatus.Recalled, "申请人撤回申请：已重新就业", ct);
        var revoked = await RegisterAsync("li.na", "SCJG-005", "霸州市测试数据有限公司", "13911110014", ["企业设立登记申请书"], type: ApplicantType.Enterprise, contact: "测试", ct: ct);
        await CaseCommands.EndAsync(runtime, lifecycle, await ActorAsync("liu.yang", ct), revoked, CaseStatus.Revoked, "刘洋 撤销：重复登记", ct);

        // 已移交: the city centre's front desk transfers a market-regulation matter; the competent bureau accepts it.
        var moved = await RegisterAsync("han.bing", "SCJG-001", "孙小梅", "13911110015", ["个体工商户登记申请书", "经营者身份证明"], ct: ct);
        await CompleteAsync(moved, "notify", "han.bing", new() { ["reasons"] = "个体工商户登记属市场监督管理局职责", ["legalBasis"] = "《促进个体工商户发展条例》第四条" }, ct);
        await CompleteAsync(moved, "receive", "zhang.wei", new() { ["decision"] = "accept" }, ct);
        await CompleteAsync(moved, "log", "han.bing", new() { ["replyMethod"] = "inPerson", ["handling"] = "已导引至市场监管局 3 号窗口", ["signedOnPaper"] = true }, ct);

        // 已转办（跟踪中）: a town centre transfers across levels and follows it up.
        var tracked = await RegisterAsync("ma.li", "RSJ-002", "高建华", "13911110016", ["居民身份证", "解除或终止劳动关系证明", "银行账户信息"], ct: ct);
        await CompleteAsync(tracked, "notify", "ma.li", new() { ["reasons"] = "失业保险金由市人社局审核发放", ["legalBasis"] = "《失业保险条例》第十六条" }, ct);
        await CompleteAsync(tracked, "receive", "chen.jing", new() { ["decision"] = "accept" }, ct);

        // 不受理: the named bureau refused and no other is competent.
        var refused = await RegisterAsync("han.bing", "ZRZY-002", "何平", "13911110017", ["查询申请书"], ct: ct);
        await CompleteAsync(refused, "notify", "han.bing", new() { ["toBureau"] = "BZ-RSJ", ["reasons"] = "申请人要求查询的是社保缴费记录", ["legalBasis"] = "《社会保险费征缴暂行条例》第六条" }, ct);
        await CompleteAsync(refused, "receive", "chen.jing", new() { ["decision"] = "refuse", ["refusalReason"] = "申请人实际需要的是不动产登记资料，应由自然资源和规划局办理" }, ct);
        await CompleteAsync(refused, "refused", "han.bing", new() { ["next"] = "close" }, ct);
        await CompleteAsync(refused, "log", "han.bing", new() { ["replyMethod"] = "phone", ["handling"] = "已电话说明并告知到自然资源和规划局查询" }, ct);

        // 已转下一环节: 企业开办, first link done and handed to the tax bureau.
        var chain = await RegisterAsync("zhang.wei", "SCJG-004", "霸州市恒通商贸有限公司", "13911110018",
            ["企业设立登记申请书", "公司章程", "股东身份证明", "住所使用证明", "法定代表人身份证明"], type: ApplicantType.Enterprise, contact: "林峰", mode: ServiceMode.Joint, ct: ct);
        await CompleteAsync(chain, "review", "zhang.wei", new() { ["kind"] = "immediate" }, ct);
        await CompleteAsync(chain, "handle_now", "zhang.wei", new() { ["outcome"] = "approved", ["result"] = "已核发营业执照" }, ct);
        await CompleteAsync(chain, "log_now", "zhang.wei", SignedOnPaper, ct);

        // A joint case first brought to its last link is guided to the first.
        var entry = await RegisterAsync("sun.yue", "SCJG-004", "霸州市新丰农业科技有限公司", "13911110019",
            ["企业设立登记申请书", "公司章程", "股东身份证明", "住所使用证明", "法定代表人身份证明"], type: ApplicantType.Enterprise, contact: "赵晨", mode: ServiceMode.Joint, ct: ct);
        await CompleteAsync(entry, "log_guide", "sun.yue", new() { ["replyMethod"] = "inPerson", ["handling"] = "已导引至市场监管局办理第一环节", ["signedOnPaper"] = true }, ct);

        // Village agency: registered at the station, forwarded to the town centre, which is handling it.
        await RegisterAsync("guo.mei", "NMZ-004", "张大爷", "13911110020", ["居民身份证", "户口簿", "银行卡"], mode: ServiceMode.Agency, entrustment: "代理事项登记本第 0001 号", ct: ct);
    }

    internal async Task<long> RegisterAsync(string userName, string matterCode, string applicant, string phone, string[] received, CancellationToken ct,
        ApplicantType type = ApplicantType.Person, string? contact = null, ServiceMode mode = ServiceMode.Assist, string? entrustment = null, string? bureau = null, string? user = null)
    {
        var owner = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == (user ?? userName), ct);
        var desk = await db.Set<Bureau>().AsNoTracking().FirstAsync(b => bureau == null ? b.Id == owner.BureauId : b.Code == bureau, ct);
        var matter = await db.Set<Matter>().AsNoTracking().FirstAsync(m => m.Code == matterCode, ct);
        var c = new Case
        {
            Number = "", MatterId = matter.Id, MatterName = matter.Name, ApplicantType = type, ApplicantName = applicant, ContactPerson = contact,
            Phone = phone, PhoneDigits = PersonalData.PhoneDigits(phone), ConsentSms = true, ServiceMode = mode, Entrustment = entrustment,
            MaterialsReceived = JsonDefaults.WriteList(received), OwnerId = owner.Id, FirstContactId = owner.Id,
        };
        var actor = new Actor(owner.Id, owner.DisplayName, null, owner.BureauId);
        await runtime.InUnitAsync(actor, unit => CaseFactory.OpenAsync(unit, c, desk, owner, CaseFactory.IntakeFor(desk), new Dictionary<string, object?>(),
            $"{owner.DisplayName} 登记：{applicant} 申请“{matter.Name}”（演示数据）", ct), ct);
        return c.Id;
    }

    /// <summary>Completes the case's open task at <paramref name="elementId"/> as <paramref name="userName"/>, as TaskService does.</summary>
    internal async Task CompleteAsync(long caseId, string elementId, string userName, Dictionary<string, object?> variables, CancellationToken ct)
    {
        var actor = await ActorAsync(userName, ct);
        await runtime.InUnitAsync(actor, async unit =>
        {
            var task = await unit.Db.Set<WorkTask>().FirstOrDefaultAsync(t => t.CaseId == caseId && t.ElementId == elementId && t.Status == WorkTaskStatus.Open, ct)
                ?? throw new InvalidOperationException($"demo: no open task '{elementId}' on case {caseId}");
            task.AssigneeId ??= actor.UserId;
            task.Status = WorkTaskStatus.Completed;
            task.CompletedAt = unit.Now;
            task.CompletedBy = actor.UserId;
            var instance = await unit.LoadAsync(task.InstanceId, ct);
            unit.Enqueue(instance, new CompleteTask(task.TaskId, variables), strict: true);
            return instance;
        }, ct);
    }

    internal async Task<Actor> ActorAsync(string userName, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == userName, ct);
        return new Actor(user.Id, user.DisplayName, null, user.BureauId);
    }

    /// <summary>The days a commitment made now runs (<paramref name="wanted"/>, or the matter's limit), as far as the loaded calendars count (<see cref="DemoCalendar"/>).</summary>
    private async Task<long> CommitAsync(long caseId, int? wanted, CancellationToken ct)
    {
        var c = await db.Set<Case>().AsNoTracking().FirstAsync(x => x.Id == caseId, ct);
        var limit = wanted ?? await db.Set<Matter>().Where(m => m.Id == c.MatterId).Select(m => m.LimitWorkingDays).FirstAsync(ct);
        return await DemoCalendar.CommitmentAsync(deadlines, db, c.BureauId, c.RegisteredAt, limit, ct);
    }

    private async Task<string> WorkingDaysAheadAsync(long caseId, int days, CancellationToken ct)
    {
        var c = await db.Set<Case>().AsNoTracking().FirstAsync(x => x.Id == caseId, ct);
        var at = await deadlines.AddWorkingDaysAsync(db, c.BureauId, c.RegisteredAt, days, ct);
        return at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd");
    }
}
