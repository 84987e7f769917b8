using CoBan.Workflow.Bureaus;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases.Actions;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>
/// case.log — 办结回复 and 协办日志 (seeds 000-002): how and when the applicant was answered, what
/// was done, and the applicant's signature (a PNG drawn on screen, or signed on paper). A reply in
/// person is signed there and then; a reply by phone, SMS, e-mail or letter may be signed later on paper.
/// Form: replyMethod, replyAt, handling, signature, signedOnPaper.
/// </summary>
public sealed class LogAction : CaseAction
{
    public override string Name => "case.log";

    public static readonly Dictionary<string, string> Methods = new()
    {
        ["inPerson"] = "当面告知", ["phone"] = "电话", ["sms"] = "短信", ["email"] = "电子邮件", ["letter"] = "书面通知",
    };

    private const int MaxSignatureBytes = 512 * 1024;

    protected override Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        var method = step.Text("replyMethod");
        if (method is null || !Methods.ContainsKey(method))
            throw Invalid("replyMethod", $"请选择回复方式：{string.Join("、", Methods.Values)}", $"choose the reply method: {string.Join(", ", Methods.Keys)}");
        var handling = step.Text("handling") ?? throw Invalid("handling", "请填写办理情况", "describe the handling");
        var replyAt = step.Date("replyAt") ?? step.Now;
        if (replyAt > step.Now.AddMinutes(5)) throw Invalid("replyAt", "回复时间不能晚于现在", "the reply time cannot be in the future");
        if (replyAt < c.RegisteredAt.AddDays(-1)) throw Invalid("replyAt", "回复时间早于登记时间", "the reply time is before the registration");
        var signature = step.Text("signature");
        var onPaper = step.Bool("signedOnPaper");
        if (signature is not null && !IsPng(signature))
            throw Invalid("signature", "签名应为 PNG 图片（data:image/png;base64,…，不超过 512 KB）", "the signature must be a PNG data URL (data:image/png;base64,…, at most 512 KB)");
        if (method == "inPerson" && signature is null && !onPaper)
            throw Invalid("signature", "当面回复须由申请人在屏幕上签名，或在纸质协办日志上签字", "an in-person reply is signed by the applicant: on screen, or on the paper log");

        step.Db.Add(new CoordinationLogEntry
        {
            CaseId = c.Id, CoordinatorId = step.Actor.UserId ?? c.OwnerId, At = step.Now, Handling = handling, ReplyMethod = method,
            ReplyAt = replyAt.ToUniversalTime(), Signature = signature, SignedOnPaper = onPaper,
        });
        step.Journal("case.logged", $"协办日志：{Methods[method]}回复（{ChineseDates.DateTime(replyAt)}）；" + (signature is not null ? "申请人已在屏幕上签名" : onPaper ? "申请人已在纸质日志上签字" : "申请人未签名"));
        return Task.FromResult<Vars?>(Out(("replyMethod", method), ("replyAt", replyAt)));
    }

    internal static bool IsPng(string dataUrl)
    {
        const string prefix = "data:image/png;base64,";
        if (!dataUrl.StartsWith(prefix, StringComparison.Ordinal) || dataUrl.Length > prefix.Length + MaxSignatureBytes * 4 / 3 + 4) return false;
        var bytes = new byte[MaxSignatureBytes];
        if (!Convert.TryFromBase64String(dataUrl[prefix.Length..], bytes, out var written) || written < 8) return false;
        return bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
    }
}

/// <summary>
/// case.visit — 上门服务 (seed 004): the agent visited the applicant at home on appointment, helped
/// prepare the documents and fill the forms. Form: visitedAt, received (materials collected), note.
/// </summary>
public sealed class VisitAction : CaseAction
{
    public override string Name => "case.visit";

    protected override async Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        step.DemandOpen("上门服务");
        var visitedAt = step.Date("visitedAt") ?? step.Now;
        var received = step.List("received");
        if (received.Count > 0)
            c.MaterialsReceived = JsonDefaults.WriteList(JsonDefaults.ReadList(c.MaterialsReceived).Concat(received).Distinct());
        var missing = await ClassifyAction.MissingAsync(step, ct);
        c.MaterialsMissing = JsonDefaults.WriteList(missing);
        c.RowVersion++;
        step.Journal("case.visited", $"上门服务（{ChineseDates.DateTime(visitedAt)}）" + (received.Count > 0 ? $"，收取材料：{string.Join("、", received)}" : "")
            + (step.Text("note") is { } note ? $"；{note}" : ""));
        return Out(("missingCount", (long)missing.Count), ("missingMaterials", missing.Cast<object?>().ToList()));
    }
}

/// <summary>
/// case.forward — 报送 (seed 004): the station sends the registered request to its town centre, which
/// handles it within the limit; the town centre may then read and act on the case.
/// </summary>
public sealed class ForwardAction(CaseLifecycle lifecycle) : CaseAction
{
    public override string Name => "case.forward";

    protected override async Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        var code = step.Text("townCode");
        var town = await step.Db.Set<Bureau>().AsNoTracking().FirstOrDefaultAsync(b => b.Code == code, ct)
            ?? throw Invalid("townCode", $"找不到街（镇）行政服务中心 '{code}'", $"no town centre '{code}'");
        c.ForwardedToBureauId = town.Id;
        await step.MoveAsync(lifecycle, CaseStatus.Handling, $"登记本一式三联，已报送{town.Name}办理", ct);
        return Out(("townName", town.Name));
    }
}

/// <summary>case.collect — the agent collected the result at the town centre (取回结果, seed 004). Form: collectedAt.</summary>
public sealed class CollectAction : CaseAction
{
    public override string Name => "case.collect";

    protected override Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var at = step.Date("collectedAt") ?? step.Now;
        step.Journal("case.collected", $"代办员已取回办理结果（{ChineseDates.DateTime(at)}）");
        return Task.FromResult<Vars?>(null);
    }
}
