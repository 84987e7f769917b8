using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Procedures;

/// <summary>Models written for Camunda 7 are taken as drafts, with their problems named, instead of refused as "no process".</summary>
public class CamundaModelTests
{
    [Fact]
    public async Task Camundas_invoice_model_becomes_a_procedure_keyed_by_its_executable_process()
    {
        await using var host = await TestHost.StartAsync();
        var owner = await host.LoginAsync("owner.scjg");
        // MIWG C.1.0 (CC BY 3.0, OMG BPMN MIWG; see the engine tests' Corpus/SOURCES.md): Camunda's invoice model.
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Corpus", "C.1.0.bpmn"));
        var created = await owner.PostJsonAsync("/api/v1/procedures", new { xml });
        ((string)created["key"]!).ShouldBe("bpmn-miwg-test-case-c.1.0");
        var draft = await owner.GetJsonAsync($"/api/v1/procedures/{created["id"]}/draft");
        draft["problems"]!.AsArray().ShouldContain(p => (string?)p!["elementId"] == "archiveInvoice" && ((string)p["messageEn"]!).Contains("camunda:field"));
    }

    [Fact]
    public async Task A_non_executable_model_and_one_with_a_byte_order_mark_are_saved_as_drafts_with_their_problems()
    {
        await using var host = await TestHost.StartAsync();
        var owner = await host.LoginAsync("owner.scjg");
        var id = (long)(await owner.PostJsonAsync("/api/v1/procedures", new { xml = "\uFEFF" + Models.Review() }))["id"]!;
        var saved = await owner.PutJsonAsync($"/api/v1/procedures/{id}/draft", new { xml = Models.Review().Replace("isExecutable=\"true\"", "isExecutable=\"false\"") });
        saved["problems"]!.AsArray().ShouldContain(p => (string?)p!["severity"] == "error");
        var draft = await owner.GetJsonAsync($"/api/v1/procedures/{id}/draft");
        ((string)draft["xml"]!).ShouldContain("isExecutable=\"false\"");
    }
}
