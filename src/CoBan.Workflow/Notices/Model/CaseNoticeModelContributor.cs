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
/// transfer, the joint chain and the completion reply. Where the data model has no column yet
/// (rejection reasons), process variables are used (vars.rejectionReasons, vars.rejectionLegalBasis,
/// or the completing form's reasons / legalBasis). The cases feature may replace this contributor.
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

        var reasons = Texts(context.Variables.GetValueOrDefault("rejectionReasons") ?? context.Form.GetValueOrDefault("reasons"));
        if (reasons.Count == 0 && theCase?.Kind == CaseKind.Returned && theCase.Result is { Length: > 0 } result) reasons = Texts(result);
        model.Set("rejection.reasons", reasons);
        model.Set("rejection.legalBasis", Text(context.Variables.GetValueOrDefault("rejectionLegalBasis") ?? context.Form.GetValueOrDefault("legalBasis")) ?? matter?.LegalBasis);

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

        await TransferAsync(db, model, theCase, matter, ct);
        await ChainAsync(db, model, theCase, ct);
        var reply = await db.Set<CoordinationLogEntry>().AsNoTracking().Where(l => l.CaseId == theCase.Id).OrderByDescending(l => l.ReplyAt).FirstOrDefaultAsync(ct);
        if (reply is not null) model.SetAll("reply", ("method", ReplyMethod(reply.ReplyMethod)), ("at", ChineseDates.DateTime(reply.ReplyAt)));
        else if (Text(context.Variables.GetValueOrDefault("replyMethod")) is { } method) model.Set("reply.method", ReplyMethod(method));
    }

    private static async Task TransferAsync(CoBanDbContext db, NoticeModel model, Case theCase, Matter? matter, CancellationToken ct)
    {
        var transfer = await db.Set<Transfer>().AsNoTracking().Where(t => t.FromCaseId == theCase.Id).OrderByDescending(t => t.SentAt).FirstOrDefaultAsync(ct);
        if (transfer is null) return;
        var to = await db.Set<Bureau>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == transfer.ToBureauId, ct);
        if (to is not null)
            model.Set("transfer.toBureau", NoticeModel.Item(("name", to.Name), ("address", to.Address), ("windows", to.Windows), ("phone", to.Phone)));
        model.Set("transfer.reasons", transfer.Reasons);
        model.Set("transfer.legalBasis", transfer.LegalBasis ?? matter?.LegalBasis);
        if (transfer.ReceivingCaseId is { } receivingId
            && await db.Set<Case>().AsNoTracking().Where(c => c.Id == receivingId).Select(c => c.OwnerId).FirstOrDefaultAsync(ct) is { } ownerId
            && await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == ownerId, ct) is { } receiver)
            model.Set("transfer.toCoordinator", NoticeModel.Item(("name", receiver.DisplayName), ("phone", receiver.OfficePhone ?? receiver.PhoneNumber)));
    }

    /// <summary>
    /// 联办件 (seed 000): after its own part the first link guides the applicant to the next bureau; a
    /// middle or last link the applicant reached first guides them to the first link's bureau.
    /// </summary>
    private static async Task ChainAsync(CoBanDbContext db, NoticeModel model, Case theCase, CancellationToken ct)
    {
        if (theCase.MatterId is not { } matterId) return;
        var links = await db.Set<MatterChainLink>().AsNoTracking().Where(l => l.MatterId == matterId).OrderBy(l => l.Position).ToListAsync(ct);
        if (links.Count == 0) return;
        var bureauIds = links.Select(l => l.BureauId).ToList();
        var bureaus = await db.Set<Bureau>().AsNoTracking().Where(b => bureauIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var chainCases = theCase.ChainId is { } chainId
            ? await db.Set<Case>().AsNoTracking().Where(c => c.ChainId == chainId).ToListAsync(ct)
            : [theCase];
        model.Set("chain", links.Select(l =>
        {
            var linkCase = chainCases.FirstOrDefault(c => c.BureauId == l.BureauId);
            return NoticeModel.Item(("position", l.Position), ("bureau", bureaus.GetValueOrDefault(l.BureauId)?.Name), ("part", l.Part),
                ("status", linkCase?.Status.Zh()), ("caseNumber", linkCase?.Number));
        }).ToList());

        var position = theCase.ChainPosition ?? links.FirstOrDefault(l => l.BureauId == theCase.BureauId)?.Position;
        if (position is null) return;
        var cameThroughChain = position == links[0].Position || theCase.SourceCaseId is not null;
        var next = cameThroughChain ? links.FirstOrDefault(l => l.Position > position) : links[0];
        if (next is null || !bureaus.TryGetValue(next.BureauId, out var nextBureau)) return;
        model.Set("nextBureau", NoticeModel.Item(("name", nextBureau.Name), ("address", nextBureau.Address), ("windows", nextBureau.Windows),
            ("phone", nextBureau.Phone), ("part", next.Part)));
    }

    private static string ReplyMethod(string method) => method switch
    {
        "in-person" => "当面告知",
        "phone" => "电话",
        "sms" => "短信",
        "email" => "电子邮件",
        "letter" => "书面通知",
        _ => method,
    };

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
