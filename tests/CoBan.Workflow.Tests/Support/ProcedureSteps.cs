using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CoBan.Workflow.Tests.Support;

/// <summary>Creating and publishing a procedure through the API, as a process owner would.</summary>
public static class ProcedureSteps
{
    /// <summary>Creates (as owner.scjg of 市场监管局 BZ-SCJG) and publishes a procedure; returns its id.</summary>
    public static async Task<long> PublishAsync(TestHost host, string xml, string comment = "v1")
    {
        var owner = await host.LoginAsync("owner.scjg");
        var created = await owner.PostJsonAsync("/api/v1/procedures", new { xml });
        var id = (long)created["id"]!;
        await owner.PostJsonAsync($"/api/v1/procedures/{id}/publish", new { comment });
        return id;
    }

    /// <summary>Starts an instance of the procedure as the given coordinator, with caseOwner set to them.</summary>
    public static async Task<JsonNode> StartAsync(HttpClient coordinator, long procedureId, string caseOwner, object? variables = null)
    {
        var vars = new Dictionary<string, object?> { ["caseOwner"] = caseOwner };
        if (variables is not null)
            foreach (var p in variables.GetType().GetProperties()) vars[p.Name] = p.GetValue(variables);
        var response = await coordinator.PostAsJsonAsync("/api/v1/instances", new { procedureId, variables = vars });
        return await response.JsonAsync();
    }
}
