using System.Security.Cryptography;
using System.Text;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Journal;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Procedures;

/// <summary>Drafts, validation, publishing, retiring, history, roll back and comparison of a bureau's procedures.</summary>
public sealed class ProcedureService(CoBanDbContext db, CurrentUser me, BureauScope scope, IEnumerable<IProcedureValidator> validators, TimeProvider clock,
    IEnumerable<IProcedureVersionObserver> observers)
{
    public async Task<Procedure> GetAsync(long id, CancellationToken ct)
    {
        var procedure = await db.Set<Procedure>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw CoBanException.NotFound("流程", "procedure");
        await scope.DemandAsync(procedure.BureauId, ct);
        return procedure;
    }

    public async Task<List<ProcedureSummary>> ListAsync(string? bureauCode, CancellationToken ct)
    {
        var visible = await scope.VisibleAsync(ct);
        var rows = await (from p in db.Set<Procedure>().AsNoTracking()
                          join b in db.Set<Bureau>() on p.BureauId equals b.Id
                          where visible.Contains(p.BureauId) && (bureauCode == null || b.Code == bureauCode)
                          orderby b.Code, p.Key
                          select new
                          {
                              p, b.Code,
                              Latest = db.Set<ProcedureVersion>().Where(v => v.ProcedureId == p.Id && v.Status == VersionStatus.Published).Max(v => v.Number),
                              Draft = db.Set<ProcedureVersion>().Where(v => v.ProcedureId == p.Id && v.Status == VersionStatus.Draft).Select(v => (DateTimeOffset?)v.UpdatedAt).FirstOrDefault(),
                          }).ToListAsync(ct);
        return rows.Select(r => new ProcedureSummary(r.p.Id, r.p.BureauId, r.Code, r.p.Key, r.p.Name, r.Latest, r.Draft is not null, r.Draft)).ToList();
    }

    public async Task<Procedure> CreateAsync(CreateProcedureRequest request, CancellationToken ct)
    {
        var bureau = request.BureauCode is null
            ? await db.Set<Bureau>().FirstAsync(b => b.Id == me.BureauId, ct)
            : await db.Set<Bureau>().FirstOrDefaultAsync(b => b.Code == request.BureauCode, ct) ?? throw CoBanException.NotFound($"单位 {request.BureauCode}", $"bureau {request.BureauCode}");
        await DemandOwnerAsync(bureau.Id, ct);
        var xml = request.Xml ?? NewModel(request.Name ?? "新流程");
        var document = Parse(xml);
        // A model with problems (an unsupported element, say) is still a draft to fix: keyed by the process it declares.
        var main = document.MainDeclared
            ?? throw CoBanException.Invalid("no-process", "模型中没有流程", "the model has no process").WithProblems(Infos(document.Problems));
        if (await db.Set<Procedure>().AnyAsync(p => p.BureauId == bureau.Id && p.Key == main.Id, ct))
            throw CoBanException.Conflict("duplicate-key", $"本单位已有流程 '{main.Id}'", $"the bureau already has a procedure '{main.Id}'");
        var now = clock.GetUtcNow();
        var procedure = new Procedure { BureauId = bureau.Id, Key = main.Id, Name = request.Name ?? main.Name ?? main.Id, CreatedAt = now, CreatedBy = me.Id };
        db.Add(procedure);
        await db.SaveChangesAsync(ct);
        db.Add(NewDraft(procedure.Id, xml, null, now));
        Journal(procedure, "procedure.created", $"新建流程“{procedure.Name}”（{procedure.Key}）");
        await db.SaveChangesAsync(ct);
        return procedure;
    }

    public async Task<DraftInfo> DraftAsync(long id, CancellationToken ct)
    {
        var procedure = await GetAsync(id, ct);
        var draft = await DraftOrLatestAsync(procedure, ct);
        return new DraftInfo(VersionInfo.Of(draft), draft.Xml, (await ValidateAsync(procedure.BureauId, draft.Xml, procedure.Key, ct)).Problems);
    }

    /// <summary>Saves the draft (problems or not: a draft may be unfinished) and returns its problems.</summary>
    public async Task<DraftInfo> SaveDraftAsync(long id, string? xml, CancellationToken ct)
    {
        var procedure = await GetAsync(id, ct);
        await DemandOwnerAsync(procedure.BureauId, ct);
        if (string.IsNullOrWhiteSpace(xml))
            throw CoBanException.Invalid("xml-required", "请提供流程模型（BPMN XML）", "the draft needs the BPMN XML", new Dictionary<string, string[]> { ["xml"] = ["必填 / required"] });
        var document = Parse(xml);
        // An unfinished draft is fine; a file that is not a readable BPMN document is not.
        if (document.Declared.Count == 0 && document.Problems.Any(p => p.ElementId is null && p.Severity == ProblemSeverity.Error))
            throw CoBanException.Invalid("unreadable-model", "模型无法读取，草稿未保存", "the model cannot be read; the draft was not saved").WithProblems(Infos(document.Problems));
        var now = clock.GetUtcNow();
        var draft = await db.Set<ProcedureVersion>().FirstOrDefaultAsync(v => v.ProcedureId == id && v.Status == VersionStatus.Draft, ct);
        if (draft is null) db.Add(draft = NewDraft(id, xml, null, now));
        draft.Xml = xml;
        draft.XmlHash = Hash(xml);
        draft.UpdatedAt = now;
        draft.UpdatedBy = me.Id;
        Journal(procedure, "draft.saved", $"保存流程“{procedure.Name}”的草稿");
        await db.SaveChangesAsync(ct);
        return new DraftInfo(VersionInfo.Of(draft), xml, (await ValidateAsync(procedure.BureauId, xml, procedure.Key, ct)).Problems);
    }

    public async Task<ValidationResult> ValidateAsync(long bureauId, string xml, string? key, CancellationToken ct)
    {
        var document = Parse(xml);
        var problems = document.Problems.ToList();
        if (key is not null && document.Processes.Count > 0 && document.FindProcess(key) is not { IsExecutable: true })
            problems.Add(BpmnProblem.Error(key, "process", $"模型中缺少可执行流程 '{key}'（流程 id 必须与流程标识一致）",
                $"the model lacks the executable process '{key}' (the process id must equal the procedure key)"));
        if (!document.HasErrors)
            foreach (var validator in validators) problems.AddRange(await validator.ValidateAsync(db, bureauId, document, ct));
        var infos = Infos(problems);
        return new ValidationResult(!problems.Any(p => p.Severity == ProblemSeverity.Error), infos);
    }

    public async Task<VersionInfo> PublishAsync(long id, string? comment, CancellationToken ct)
    {
        var procedure = await GetAsync(id, ct);
        await DemandOwnerAsync(procedure.BureauId, ct);
        var draft = await db.Set<ProcedureVersion>().FirstOrDefaultAsync(v => v.ProcedureId == id && v.Status == VersionStatus.Draft, ct)
            ?? throw CoBanException.Conflict("no-draft", "没有可发布的草稿", "there is no draft to publish");
        var validation = await ValidateAsync(procedure.BureauId, draft.Xml, procedure.Key, ct);
        if (!validation.Valid)
            throw CoBanException.Invalid("invalid-model", "模型有错误，不能发布", "the model has errors and cannot be published").WithProblems(validation.Problems);
        // Two publishes of one draft at once must give one version: the draft is claimed by a
        // conditional update inside the transaction; the second one finds it no longer a draft (409).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The write comes first, so SQLite takes its write lock before any read (no lock upgrade to deadlock on).
        var claimed = await db.Set<ProcedureVersion>().Where(v => v.Id == draft.Id && v.Status == VersionStatus.Draft)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, VersionStatus.Published), ct);
        if (claimed == 0)
            throw CoBanException.Conflict("already-published", "该草稿刚刚已被发布，请刷新后查看", "this draft was just published by someone else; reload to see it");
        var number = (await db.Set<ProcedureVersion>().Where(v => v.ProcedureId == id && v.Number != null).MaxAsync(v => v.Number, ct) ?? 0) + 1;
        var now = clock.GetUtcNow();
        draft.Number = number;
        draft.Status = VersionStatus.Published;
        draft.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        draft.PublishedAt = now;
        draft.PublishedBy = me.Id;
        Journal(procedure, "procedure.published", $"发布流程“{procedure.Name}”版本 {number}" + (draft.Comment is null ? "" : $"：{draft.Comment}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var observer in observers) await observer.VersionsChangedAsync(id, ct);
        return VersionInfo.Of(draft);
    }

    public async Task<VersionInfo> RetireAsync(long id, int number, CancellationToken ct)
    {
        var procedure = await GetAsync(id, ct);
        await DemandOwnerAsync(procedure.BureauId, ct);
        var version = await VersionAsync(id, number, ct);
        if (version.Status != VersionStatus.Published)
            throw CoBanException.Conflict("not-published", $"版本 {number} 不是已发布状态", $"version {number} is not published");
        version.Status = VersionStatus.Retired;
        version.RetiredAt = clock.GetUtcNow();
        version.RetiredBy = me.Id;
        Journal(procedure, "version.retired", $"停用流程“{procedure.Name}”版本 {number}（已运行的实例继续按此版本办理）");
        await db.SaveChangesAsync(ct);
        foreach (var observer in observers) await observer.VersionsChangedAsync(id, ct);
        return VersionInfo.Of(version);
    }

    /// <summary>Roll back = copy an old version into the draft; publishing it makes a new version.</summary>
    public async Task<DraftInfo> RollbackAsync(long id, int number, CancellationToken ct)
    {
        var procedure = await GetAsync(id, ct);
        await DemandOwnerAsync(procedure.BureauId, ct);
        var source = await VersionAsync(id, number, ct);
        var info = await SaveDraftAsync(id, source.Xml, ct);
        var draft = await db.Set<ProcedureVersion>().FirstAsync(v => v.ProcedureId == id && v.Status == VersionStatus.Draft, ct);
        draft.BasedOn = number;
        Journal(procedure, "draft.rolledback", $"以版本 {number} 的内容覆盖草稿");
        await db.SaveChangesAsync(ct);
        return info with { Version = VersionInfo.Of(draft) };
    }

    public async Task<List<VersionInfo>> VersionsAsync(long id, CancellationToken ct)
    {
        await GetAsync(id, ct);
        var list = await db.Set<ProcedureVersion>().AsNoTracking().Where(v => v.ProcedureId == id).ToListAsync(ct);
        return list.OrderByDescending(v => v.Number ?? int.MaxValue).Select(VersionInfo.Of).ToList();
    }

    public async Task<ProcedureVersion> VersionAsync(long id, int number, CancellationToken ct) =>
        await db.Set<ProcedureVersion>().FirstOrDefaultAsync(v => v.ProcedureId == id && v.Number == number, ct)
        ?? throw CoBanException.NotFound($"版本 {number}", $"version {number}");

    public async Task<VersionComparison> CompareAsync(long id, string from, string to, CancellationToken ct)
    {
        var procedure = await GetAsync(id, ct);
        return VersionDiff.Compare(from, await XmlOfAsync(procedure, from, ct), to, await XmlOfAsync(procedure, to, ct));
    }

    private async Task<string> XmlOfAsync(Procedure procedure, string label, CancellationToken ct)
    {
        if (label == "draft") return (await DraftOrLatestAsync(procedure, ct)).Xml;
        if (!int.TryParse(label, out var number))
            throw CoBanException.BadRequest("bad-version", $"版本应为数字或 draft，而不是 '{label}'", $"a version is a number or 'draft', not '{label}'");
        return (await VersionAsync(procedure.Id, number, ct)).Xml;
    }

    private async Task<ProcedureVersion> DraftOrLatestAsync(Procedure procedure, CancellationToken ct) =>
        await db.Set<ProcedureVersion>().Where(v => v.ProcedureId == procedure.Id)
            .OrderBy(v => v.Status == VersionStatus.Draft ? 0 : 1).ThenByDescending(v => v.Number).FirstOrDefaultAsync(ct)
        ?? throw CoBanException.NotFound("草稿", "draft");

    /// <summary>Only the bureau's process owners (and administrators in scope) edit and publish.</summary>
    private async Task DemandOwnerAsync(long bureauId, CancellationToken ct)
    {
        await scope.DemandAsync(bureauId, ct);
        if (me.IsIn(Roles.Administrator) || (me.IsIn(Roles.ProcessOwner) && me.BureauId == bureauId)) return;
        throw CoBanException.Forbidden("只有本单位的流程负责人或管理员可以修改或发布流程", "only the bureau's process owners or administrators may change or publish procedures");
    }

    private ProcedureVersion NewDraft(long procedureId, string xml, int? basedOn, DateTimeOffset now) => new()
    {
        ProcedureId = procedureId, Status = VersionStatus.Draft, Xml = xml, XmlHash = Hash(xml), BasedOn = basedOn,
        CreatedAt = now, CreatedBy = me.Id, UpdatedAt = now, UpdatedBy = me.Id,
    };

    private void Journal(Procedure procedure, string action, string detail) => db.Add(new JournalEntry
    {
        At = clock.GetUtcNow(), BureauId = procedure.BureauId, UserId = me.Id, UserName = me.DisplayName, Ip = me.Ip,
        Action = action, Detail = detail, ElementId = procedure.Key,
    });

    private static BpmnDocument Parse(string xml) => BpmnReader.Parse(Encoding.UTF8.GetBytes(xml));

    private static List<ProblemInfo> Infos(IEnumerable<BpmnProblem> problems) =>
        problems.Where(p => p.Severity != ProblemSeverity.Info).Select(ProblemInfo.Of).ToList();

    public static string Hash(string xml) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(xml))).ToLowerInvariant();

    /// <summary>A minimal start → task → end model with diagram, for a new procedure.</summary>
    internal static string NewModel(string name)
    {
        var key = "Process_" + Guid.NewGuid().ToString("N")[..8];
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:coban="http://coban.workflow/schema/bpmn/1.0" id="Definitions_{key}" targetNamespace="http://coban.workflow/procedures">
              <bpmn:process id="{key}" name="{System.Security.SecurityElement.Escape(name)}" isExecutable="true">
                <bpmn:startEvent id="start" name="开始"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:userTask id="handle" name="办理" coban:assignTo="caseOwner"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
                <bpmn:endEvent id="end" name="办结"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handle" />
                <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="end" />
              </bpmn:process>
              <bpmndi:BPMNDiagram id="Diagram_1"><bpmndi:BPMNPlane id="Plane_1" bpmnElement="{key}">
                <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
                <bpmndi:BPMNShape id="handle_di" bpmnElement="handle"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
                <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="392" y="102" width="36" height="36" /></bpmndi:BPMNShape>
                <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
                <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="120" /><di:waypoint x="392" y="120" /></bpmndi:BPMNEdge>
              </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;
    }
}
