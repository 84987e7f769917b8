using System.Text.RegularExpressions;
using CoBan.Workflow.Data;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Procedures;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Web;

/// <summary>
/// The journal as people read it. Journal rows are written once, in Chinese, by the runtime and the
/// features, with the ids they work with (call numbers, procedure keys, template names, recipient
/// roles); this says them with names instead, when a page shows them, and in English for English pages.
/// </summary>
public sealed partial class JournalWords(CoBanDbContext db, NoticeCatalog catalog)
{
    private Dictionary<string, string>? _procedures;

    public async Task<string> SayAsync(Lang l, string detail)
    {
        _procedures ??= (await db.Set<Procedure>().AsNoTracking().Select(p => new { p.Key, p.Name }).ToListAsync())
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Name);
        return Say(l, detail, _procedures, name => catalog.Notices.FirstOrDefault(n => n.Name == name)?.Title);
    }

    public static string Say(Lang l, string detail, IReadOnlyDictionary<string, string> procedures, Func<string, string?> templateTitle)
    {
        var t = detail;
        t = TaskDone().Replace(t, l.T("完成任务", "task completed"));
        t = TimerDue().Replace(t, l.T("期限已到", "a deadline was reached"));
        t = ServiceDone().Replace(t, l.T("自动处理完成", "automatic step done"));
        t = ServiceFailed().Replace(t, l.T("自动处理失败：", "automatic step failed: "));
        t = CallDone().Replace(t, l.T("子流程结束", "sub-procedure ended"));
        t = Retried().Replace(t, l.T("重试故障", "incident retried"));
        t = CallStarted().Replace(t, m => procedures.TryGetValue(m.Groups[1].Value, out var name)
            ? l.T($"转入子流程“{name}”", $"sub-procedure '{name}' started") : l.T("转入子流程", "sub-procedure started"));
        t = NoticeMade().Replace(t, m => l.T($"生成通知“{templateTitle(m.Groups[1].Value) ?? m.Groups[1].Value}”（发给{Recipient(l, m.Groups[2].Value)}）",
            $"notice '{templateTitle(m.Groups[1].Value) ?? m.Groups[1].Value}' made (to the {Recipient(l, m.Groups[2].Value)})"));
        if (l.IsEn)
        {
            t = t.Replace("流程实例启动", "instance started").Replace("；经过：", "; passed: ").Replace("；流程实例已结束", "; the instance ended")
                .Replace("；流程实例已终止", "; the instance was terminated").Replace("修改流程变量", "variables changed").Replace("；", "; ");
        }
        return t;
    }

    private static string Recipient(Lang l, string code) => code switch
    {
        "applicant" => l.T("申请人", "applicant"),
        "caseOwner" or "coordinator" => l.T("协办员", "coordinator"),
        "dutyLeader" => l.T("带班领导", "duty leader"),
        "nextBureau" => l.T("下一环节单位", "next bureau"),
        "supervisors" => l.T("监督员", "supervisors"),
        _ => code,
    };

    [GeneratedRegex(@"完成任务 #\d+")] private static partial Regex TaskDone();
    [GeneratedRegex(@"定时器 #\d+ 到期")] private static partial Regex TimerDue();
    [GeneratedRegex(@"服务调用 #\d+ 完成")] private static partial Regex ServiceDone();
    [GeneratedRegex(@"服务调用 #\d+ 失败：")] private static partial Regex ServiceFailed();
    [GeneratedRegex(@"子流程（调用 #\d+）结束")] private static partial Regex CallDone();
    [GeneratedRegex(@"重试故障（执行 #\d+）")] private static partial Regex Retried();
    [GeneratedRegex(@"调用流程“([^”]+)”（版本 [^）]*）")] private static partial Regex CallStarted();
    [GeneratedRegex(@"生成通知“([^”]+)”（([^）]+)）")] private static partial Regex NoticeMade();
}
