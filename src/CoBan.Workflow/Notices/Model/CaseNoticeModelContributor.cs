using System.Text.Json;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Matters;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Notices;

/// <summary>
/// The case part of the model, read from the Cases and Matters tables when the notice has a case:
/// case, applicant, matter and its materials, what is missing and received, the rejection, the
/// transfer, the joint chain, the completion reply, the evaluation and where to appeal a refusal.
/// </summary>
public sealed class CaseNoticeModelContributor(NoticeSettingsStore settings, Runtime.ICalendarSource calendars) : INoticeModelContributor
{
    public int Order => 10;

    public async Task ContributeAsync(NoticeModelContext context, CancellationToken ct)
    {
        var (db, model) = (context.Db, context.Model);
        var theCase = context.Notice.CaseId is { } caseId ? await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct) : null;
        var matter = theCase?.MatterId is { } matterId ? await db.Set<Matter>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == matterId, ct) : null;
        var materials = matter is null ? [] : await db.Set<MatterMaterial>().AsNoTracking().Where(m => m.MatterId == matter.Id).OrderBy(m => m.Position).ToListAsync(ct);

        if (matter is not null)
            model.SetAll("matter", ("name", matter.Name), ("code", matter.Code), ("legalBasis", matter.LegalBasis), ("limitDays", matter.LimitWorkingDays),
                ("inPersonSteps", matter.InPersonSteps), ("fees", matter.Fees),
                ("materials", materials.Select(m => NoticeModel.Item(("name", m.Name), ("required", m.Required), ("note", m.Note))).ToList()));

        var missing = Names(theCase?.MaterialsMissing) ?? Texts(context.Variables.GetValueOrDefault("missingMaterials"));
        model.Set("missingMaterials", missing.Select(name => NoticeModel.Item(("name", name), ("note", materials.FirstOrDefault(m => m.Name == name)?.Note))).ToList());
        var received = Names(theCase?.MaterialsReceived) ?? Texts(context.Variables.GetValueOrDefault("receivedMaterials"));
        model.Set("receivedMaterials", received.Select(name => NoticeModel.Item(("name", name))).ToList());

        // The refusal as the coordinator recorded it on the case (退回件: Case.RejectionReasons / RejectionLegalBasis); older
        // procedures passed it as variables or form values; the matter's own basis is the last resort.
        var refused = theCase?.Status is CaseStatus.NotAccepted or CaseStatus.CompletedRejected or CaseStatus.NotReceived || theCase?.Kind == CaseKind.Returned;
        var reasons = Names(theCase?.RejectionReasons) ?? [];
        if (reasons.Count == 0) reasons = Texts(context.Variables.GetValueOrDefault("rejectionReasons") ?? context.Form.GetValueOrDefault("reasons"));
        if (reasons.Count == 0 && refused && theCase!.Result is { Length: > 0 } result) reasons = Texts(result);
        model.Set("rejection.reasons", reasons);
        model.Set("rejection.legalBasis", Text(theCase?.RejectionLegalBasis) ?? Text(context.Variables.GetValueOrDefault("rejectionLegalBasis") ?? context.Form.GetValueOrDefault("legalBasis"))
            ?? matter?.LegalBasis);
        model.Set("rejection.refused", refused);

        if (theCase is null) return;
        var options = await settings.CurrentAsync(db, ct);
        model.SetAll("case", ("number", theCase.Number), ("category", theCase.Category.Zh()), ("kind", theCase.Kind?.Zh()), ("status", theCase.Status.Zh()),
            ("serviceMode", theCase.ServiceMode.Zh()), ("registeredAt", ChineseDates.DateTime(theCase.RegisteredAt)),
            ("acceptedAt", ChineseDates.DateTime(theCase.AcceptedAt)), ("completedAt", ChineseDates.DateTime(theCase.CompletedAt)),
            ("deadline", ChineseDates.Date(theCase.Deadline)), ("limitDays", matter?.LimitWorkingDays), ("result", theCase.Result),
            ("progressUrl", string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? null : $"{options.PublicBaseUrl.TrimEnd('/')}/progress?no={Uri.EscapeDataString(theCase.Number)}"));
        // The receipt says when its date was counted on a year whose State Council notice is not loaded yet (docs/calendar.md).
        model.Set("case.deadlineProvisional", theCase.Deadline is { } due && !theCase.Status.IsFinal()
            && Engine.Time.WorkingDaysExtensions.IsProvisional(await calendars.ForBureauAsync(db, theCase.BureauId, ct), theCase.AcceptedAt ?? theCase.RegisteredAt, due));
        if (matter is null) model.Set("matter.name", theCase.MatterName);
        model.SetAll("applicant", ("name", theCase.ApplicantName), ("type", theCase.ApplicantType == ApplicantType.Person ? "个人" : "企业"),
            ("contact", theCase.ContactPerson), ("phone", theCase.Phone), ("email", theCase.Email), ("address", theCase.Address));

        await AppealAsync(db, model, theCase.BureauId, options, ct);
        await TransferAsync(db, model, theCase, matter, context.At, ct);
        await ChainAsync(db, model, theCase, ct);
        await ReplyAsync(db, model, theCase, context, ct);
        await EvaluationAsync(db, model, theCase, ct);
    }

    /// <summary>
    /// 行政许可法 Art. 38: a written refusal tells the right to 行政复议 or 行政诉讼. The bodies are configured per
    /// bureau (CoBan:Notices:Appeal); without them the notice names them by their legal description.
    /// </summary>
    private static async Task AppealAsync(CoBanDbContext db, NoticeModel model, long bureauId, NoticeOptions options, CancellationToken ct)
    {
        AppealBodies? found = null;
        foreach (var id in await NoticeTemplateStore.ChainAsync(db, bureauId, ct))
        {
            var code = await db.Set<Bureau>().AsNoTracking().Where(b => b.Id == id).Select(b => b.Code).FirstOrDefaultAsync(ct);
            if (code is not null && Appeal(options, code) is { } bodies) { found = bodies; break; }
        }
        found ??= Appeal(options, "Default");
        model.SetAll("appeal", ("reviewBody", Text(found?.ReviewBody) ?? "有管辖权的行政复议机关"), ("court", Text(found?.Court) ?? "有管辖权的人民法院"));
    }

    private static AppealBodies? Appeal(NoticeOptions options, string key) =>
        options.Appeal.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>
    /// 移办件: the transfer as it stood when the notice was decided (sent, accepted or refused), so a notice
    /// issued before the receiving bureau answered never claims the hand-over is done.
    /// </summary>
    private static async Task TransferAsync(CoBanDbContext db, NoticeModel model, Case theCase, Matter? matter, DateTimeOffset at, CancellationToken ct)
    {
        var transfers = await db.Set<Transfer>().AsNoTracking().Where(t => t.FromCaseId == theCase.Id).OrderBy(t => t.Id).ToListAsync(ct);
        var transfer = transfers.LastOrDefault(t => t.SentAt <= at) ?? transfers.LastOrDefault();
        if (transfer is null) return;
        var to = await db.Set<Bureau>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == transfer.ToBureauId, ct);
        if (to is not null)
            model.Set("transfer.toBureau", NoticeModel.Item(("name", to.Name), ("address", to.Address), ("windows", to.Windows), ("location", Places.Join(to.Address, to.Windows)),
                ("phone", to.Phone)));
        model.Set("transfer.reasons", transfer.Reasons);
        model.Set("transfer.legalBasis", transfer.LegalBasis ?? matter?.LegalBasis);
        var status = transfer.Status != TransferStatus.Sent && transfer.RespondedAt is { } answered && answered > at ? TransferStatus.Sent : transfer.Status;
        model.SetAll("transfer", ("status", status switch { TransferStatus.Accepted => "已接收", TransferStatus.Refused => "已拒收", _ => "待接收" }),
            ("sent", status == TransferStatus.Sent), ("accepted", status == TransferStatus.Accepted), ("refused", status == TransferStatus.Refused));
        if (status == TransferStatus.Refused) model.Set("transfer.refusalReason", transfer.RefusalReason);
        if (status == TransferStatus.Accepted && transfer.ReceivingCaseId is { } receivingId
            && await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == receivingId, ct) is { } receiving)
        {
            model.Set("transfer.receivingCaseNumber", receiving.Number);
            if (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == receiving.OwnerId, ct) is { } receiver)
                model.Set("transfer.toCoordinator", NoticeModel.Item(("name", receiver.DisplayName), ("phone", receiver.OfficePhone ?? receiver.PhoneNumber)));
        }
    }

    /// <summary>
    /// 联办件 (seed 000): after its own part the first link guides the applicant to the next bureau; a
    /// middle or last link the applicant reached first guides them to the first link's bureau. The links
    /// are the joint chain's matter's: a later link's case carries its own part matter, which has no chain.
    /// </summary>
    private static async Task ChainAsync(CoBanDbContext db, NoticeModel model, Case theCase, CancellationToken ct)
    {
        var chainMatterId = theCase.ChainId is { } id
            ? await db.Set<JointChain>().AsNoTracking().Where(j => j.Id == id).Select(j => (long?)j.MatterId).FirstOrDefaultAsync(ct)
            : null;
        if ((chainMatterId ?? theCase.MatterId) is not { } matterId) return;
        var links = await db.Set<MatterChainLink>().AsNoTracking().Where(l => l.MatterId == matterId).OrderBy(l => l.Position).ToListAsync(ct);
        if (links.Count == 0) return;
        var bureauIds = links.Select(l => l.BureauId).ToList();
        var bureaus = await db.Set<Bureau>().AsNoTracking().Where(b => bureauIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var chainCases = theCase.ChainId is { } chainId
            ? await db.Set<Case>().AsNoTracking().Where(c => c.ChainId == chainId).OrderBy(c => c.Id).ToListAsync(ct)
            : [theCase];
        model.Set("chain", links.Select(l =>
        {
            var linkCase = chainCases.LastOrDefault(c => c.ChainPosition == l.Position) ?? chainCases.LastOrDefault(c => c.ChainPosition is null && c.BureauId == l.BureauId);
            return NoticeModel.Item(("position", l.Position), ("bureau", bureaus.GetValueOrDefault(l.BureauId)?.Name), ("part", l.Part),
                ("status", linkCase?.Status.Zh()), ("caseNumber", linkCase?.Number));
        }).ToList());

        var position = theCase.ChainPosition ?? links.FirstOrDefault(l => l.BureauId == theCase.BureauId)?.Position;
        if (position is null) return;
        var cameThroughChain = position == links[0].Position || theCase.SourceCaseId is not null;
        var next = cameThroughChain ? links.FirstOrDefault(l => l.Position > position) : links[0];
        if (next is null || !bureaus.TryGetValue(next.BureauId, out var nextBureau)) return;
        model.Set("nextBureau", NoticeModel.Item(("name", nextBureau.Name), ("address", nextBureau.Address), ("windows", nextBureau.Windows),
            ("location", Places.Join(nextBureau.Address, nextBureau.Windows)), ("phone", nextBureau.Phone), ("part", next.Part)));
    }

    /// <summary>协办日志 (seeds 001, 002): the handling as logged, the reply method in words, the applicant's signature.</summary>
    private static async Task ReplyAsync(CoBanDbContext db, NoticeModel model, Case theCase, NoticeModelContext context, CancellationToken ct)
    {
        var reply = await db.Set<CoordinationLogEntry>().AsNoTracking().Where(l => l.CaseId == theCase.Id).OrderByDescending(l => l.ReplyAt).ThenByDescending(l => l.Id)
            .FirstOrDefaultAsync(ct);
        if (reply is not null)
            model.SetAll("reply", ("method", ReplyMethod(reply.ReplyMethod)), ("at", ChineseDates.DateTime(reply.ReplyAt)), ("handling", reply.Handling),
                ("signature", reply.Signature is { } png && Cases.Actions.LogAction.IsPng(png) ? reply.Signature : null), ("signedOnPaper", reply.SignedOnPaper));
        else if (Text(context.Variables.GetValueOrDefault("replyMethod")) is { } method) model.Set("reply.method", ReplyMethod(method));
    }

    /// <summary>好差评: the evaluation and, for a bad one, its rectification and the answer to the evaluator.</summary>
    private static async Task EvaluationAsync(CoBanDbContext db, NoticeModel model, Case theCase, CancellationToken ct)
    {
        var e = await db.Set<Evaluation>().AsNoTracking().Where(x => x.CaseId == theCase.Id).OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct);
        if (e is null) return;
        model.SetAll("evaluation", ("level", e.Level is >= 1 and <= 5 ? CaseQueries.Levels[e.Level] : null), ("comment", e.Comment), ("at", ChineseDates.DateTime(e.At)),
            ("realName", e.RealName), ("substantiated", e.Substantiated == true), ("rectification", e.Rectification), ("answer", e.Answer),
            ("rectifiedAt", ChineseDates.DateTime(e.RectifiedAt)));
    }

    /// <summary>The reply method in words: the log's codes (Cases.Actions.LogAction.Methods), and "in-person" of older rows.</summary>
    private static string ReplyMethod(string method) =>
        Cases.Actions.LogAction.Methods.TryGetValue(method == "in-person" ? "inPerson" : method, out var words) ? words : method;

    /// <summary>A JSON array of names (Case.MaterialsMissing / MaterialsReceived), or null when there is none.</summary>
    private static List<string>? Names(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<List<string>>(json);
        }
        catch (JsonException)
        {
            return Texts(json);
        }
    }

    /// <summary>A list of texts from a list value, or from a text with one item per line (or separated by ；).</summary>
    private static List<string> Texts(object? value) => value switch
    {
        null => [],
        string s => s.Split(['\n', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        IEnumerable<object?> items => items.Select(i => i is IDictionary<string, object?> d ? (d.TryGetValue("name", out var n) ? n?.ToString() : null) : i?.ToString())
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList(),
        _ => [value.ToString()!],
    };

    private static string? Text(object? value) => value?.ToString() is { Length: > 0 } s ? s : null;
}
