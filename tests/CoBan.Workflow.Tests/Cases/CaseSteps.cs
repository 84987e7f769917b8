using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tests.Support;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Cases;

/// <summary>What a coordinator does at the desk, as API calls, for the case scenario tests.</summary>
public static class CaseSteps
{
    /// <summary>The demo city without its demo cases (faster, and case numbers start at 00001).</summary>
    public static Task<TestHost> StartAsync(Db db = Db.Sqlite, DateTimeOffset? now = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["CoBan:DemoCases"] = "false" };
        foreach (var (k, v) in settings ?? []) all[k] = v;
        return TestHost.StartAsync(db, settings: all, now: now);
    }

    public static object Applicant(string name = "刘德明", string phone = "138-1234-5678", string type = "person", string? contact = null) =>
        new { type, name, phone, contactPerson = contact, idNumber = type == "enterprise" ? "91110108551385082Q" : "131081199001011238" };

    public static object Registration(string matterCode, string matterBureau, IEnumerable<string> received, string mode = "assist", object? applicant = null,
        string? entrustment = null, bool consentSms = true, DateTimeOffset? homeVisitAt = null) => new
    {
        matterCode, matterBureau, applicant = applicant ?? Applicant(), consentSms, serviceMode = mode, entrustment,
        materialsReceived = received.ToArray(), description = "申请人到窗口咨询办理", homeVisitAt,
    };

    public static readonly string[] SoleTraderAll = ["个体工商户登记申请书", "经营者身份证明", "经营场所使用证明"];
    public static readonly string[] FoodLicenceAll = ["食品经营许可申请书", "营业执照复印件", "法定代表人（负责人）身份证明", "经营场所平面图及设备布局图", "食品安全管理制度"];
    public static readonly string[] CompanyAll = ["企业设立登记申请书", "公司章程", "股东身份证明", "住所使用证明", "法定代表人身份证明"];

    public static async Task<JsonNode> RegisterAsync(HttpClient coordinator, object body)
    {
        var response = await coordinator.PostAsJsonAsync("/api/v1/cases", body);
        return await response.JsonAsync();
    }

    public static long Id(JsonNode detail) => (long)detail["summary"]!["id"]!;

    public static Task<JsonNode> CaseAsync(HttpClient client, long id) => client.GetJsonAsync($"/api/v1/cases/{id}");

    public static string Status(JsonNode detail) => (string)detail["summary"]!["status"]!["code"]!;

    /// <summary>The case's open task at the BPMN element; fails when there is none.</summary>
    public static async Task<JsonNode> TaskAsync(HttpClient client, long caseId, string elementId)
    {
        var tasks = (await client.GetJsonAsync($"/api/v1/cases/{caseId}/tasks")).AsArray();
        var open = tasks.Where(t => (string?)t!["elementId"] == elementId && (string?)t["status"] == "open").ToList();
        open.Count.ShouldBe(1, $"open task '{elementId}' of case {caseId}; tasks: {string.Join(", ", tasks.Select(t => $"{t!["elementId"]}:{t["status"]}"))}");
        return open[0]!;
    }

    public static async Task<HttpResponseMessage> TryCompleteAsync(HttpClient client, long caseId, string elementId, object variables)
    {
        var task = await TaskAsync(client, caseId, elementId);
        return await client.PostAsJsonAsync($"/api/v1/tasks/{(long)task["id"]!}/complete", new { variables });
    }

    public static async Task CompleteAsync(HttpClient client, long caseId, string elementId, object variables) =>
        await (await TryCompleteAsync(client, caseId, elementId, variables)).ShouldSucceedAsync();

    public static async Task<List<string>> OpenTasksAsync(HttpClient client, long caseId) =>
        (await client.GetJsonAsync($"/api/v1/cases/{caseId}/tasks")).AsArray().Where(t => (string?)t!["status"] == "open").Select(t => (string)t!["elementId"]!).ToList();

    public static async Task<List<string>> NoticesAsync(HttpClient client, long caseId) =>
        (await client.GetJsonAsync($"/api/v1/cases/{caseId}/notices")).AsArray().Select(n => (string)n!["template"]!).ToList();

    public static async Task<List<JsonNode>> JournalAsync(HttpClient client, long caseId) =>
        (await client.GetJsonAsync($"/api/v1/cases/{caseId}/journal")).AsArray().Select(j => j!).ToList();

    public static object InPersonLog => new { replyMethod = "inPerson", handling = "已当面告知办理结果", signedOnPaper = true };

    /// <summary>A 1×1 PNG, as the signature pad sends it.</summary>
    public const string SignaturePng = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    /// <summary>Fires every engine timer due by the test clock, as the scheduler would (one transaction each, Pending → Fired).</summary>
    public static async Task<int> FireDueTimersAsync(TestHost host)
    {
        var fired = 0;
        while (true)
        {
            using var scope = host.Services.CreateScope();
            var runtime = scope.ServiceProvider.GetRequiredService<RuntimeService>();
            var now = host.Clock.GetUtcNow();
            var due = await runtime.Db.Set<ScheduledTimer>().AsNoTracking()
                .Where(t => t.Status == TimerStatus.Pending && t.Purpose == TimerPurpose.Engine && t.DueAt <= now).OrderBy(t => t.DueAt).FirstOrDefaultAsync();
            if (due is null) return fired;
            await runtime.InUnitAsync(Actor.System, async unit =>
            {
                var timer = await unit.Db.Set<ScheduledTimer>().FirstAsync(t => t.Id == due.Id);
                timer.Status = TimerStatus.Fired;
                timer.FiredAt = unit.Now;
                unit.Enqueue(await unit.LoadAsync(timer.InstanceId!.Value, default), new FireTimer(timer.TimerId!.Value));
                return timer;
            }, default);
            fired++;
        }
    }
}
