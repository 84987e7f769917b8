using System.Net.Http.Json;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Cases;

public class DemoCityTests
{
    [Fact]
    public async Task The_demo_city_has_cases_in_every_status_made_by_the_shipped_procedures()
    {
        await using var host = await TestHost.StartAsync(settings: new() { ["CoBan:DemoCases"] = "true" });
        var admin = await host.LoginAsync("admin");
        var page = await admin.GetJsonAsync("/api/v1/cases?pageSize=200");
        var statuses = page["items"]!.AsArray().Select(c => (string)c!["status"]!["code"]!).ToHashSet();
        string[] all = ["received", "withdrawn", "accepted", "notAccepted", "supplementStarted", "supplementEnded", "handling", "specialStarted", "specialEnded",
            "completedApproved", "completedTolerant", "completedRejected", "recalled", "revoked", "transferred", "handedOver", "notReceived", "transferTracking"];
        all.Where(s => !statuses.Contains(s)).ShouldBeEmpty();
        var incidents = (await admin.GetJsonAsync("/api/v1/incidents")).AsArray();
        incidents.ShouldBeEmpty(incidents.ToJsonString());
    }

    [Fact]
    public async Task Every_shipped_procedure_validates_for_a_bureau()
    {
        await using var host = await CaseSteps.StartAsync();
        var owner = await host.LoginAsync("owner.scjg");
        var procedures = (await owner.GetJsonAsync("/api/v1/procedures?bureau=BZ-SCJG")).AsArray();
        procedures.Select(p => (string)p!["key"]!).Order().ShouldBe(["commitment-deadline", "desk-intake", "joint-case-chaining", "rectification", "transfer", "village-agency"]);
        foreach (var p in procedures)
        {
            var result = await owner.PostJsonAsync($"/api/v1/procedures/{(long)p!["id"]!}/validate");
            ((bool)result["valid"]!).ShouldBeTrue($"{p["key"]}: {result.ToJsonString()}");
        }
    }
}
