using System.Net;
using System.Text.Json.Nodes;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Api;

/// <summary>
/// The OpenAPI document lists every outcome of an endpoint (Api/ApiOutcomes): each operation declares a
/// success, and a sample of refused requests answers only with statuses their operation declares.
/// </summary>
public class ApiOutcomesTests
{
    [Fact]
    public async Task Every_API_operation_declares_a_success_and_the_refusals_the_pipeline_can_answer()
    {
        await using var host = await StartAsync();
        var paths = (await host.Anonymous().GetJsonAsync("/openapi/v1.json"))["paths"]!.AsObject();
        var missing = new List<string>();
        foreach (var (path, item) in paths.Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "delete" or "patch"))
            {
                var statuses = Statuses(operation!);
                if (!statuses.Any(s => s.StartsWith('2'))) missing.Add($"{method.ToUpperInvariant()} {path}: no success");
                foreach (var refusal in new[] { "400", "404", "422", "503" })
                    if (!statuses.Contains(refusal)) missing.Add($"{method.ToUpperInvariant()} {path}: no {refusal}");
            }
        missing.ShouldBeEmpty(string.Join("\n", missing));
    }

    [Fact]
    public async Task Refused_requests_answer_only_with_statuses_their_operation_declares()
    {
        await using var host = await StartAsync();
        var paths = (await host.Anonymous().GetJsonAsync("/openapi/v1.json"))["paths"]!.AsObject();
        var anonymous = host.Anonymous();
        var coordinator = await host.LoginAsync("zhang.wei");
        var owner = await host.LoginAsync("owner.scjg");
        var admin = await host.LoginAsync("admin");
        var samples = new (HttpClient Client, HttpMethod Method, string Template, string Url, string? Body)[]
        {
            (anonymous, HttpMethod.Get, "/api/v1/tasks", "/api/v1/tasks", null),
            (coordinator, HttpMethod.Get, "/api/v1/tasks/{id}", "/api/v1/tasks/999999", null),
            (coordinator, HttpMethod.Post, "/api/v1/tasks/{id}/complete", "/api/v1/tasks/999999/complete", "{}"),
            (coordinator, HttpMethod.Post, "/api/v1/tasks/{id}/claim", "/api/v1/tasks/999999/claim", null),
            (coordinator, HttpMethod.Post, "/api/v1/tasks/{id}/complete", "/api/v1/tasks/1/complete", "{"),
            (anonymous, HttpMethod.Get, "/api/v1/cases/{id}", "/api/v1/cases/1", null),
            (coordinator, HttpMethod.Get, "/api/v1/cases/{id}", "/api/v1/cases/999999", null),
            (coordinator, HttpMethod.Post, "/api/v1/procedures", "/api/v1/procedures", "{\"name\":\"x\"}"),
            (owner, HttpMethod.Get, "/api/v1/procedures/{id}", "/api/v1/procedures/999999", null),
            (owner, HttpMethod.Post, "/api/v1/procedures/{id}/publish", "/api/v1/procedures/999999/publish", "{}"),
            (owner, HttpMethod.Get, "/api/v1/instances/{id}", "/api/v1/instances/999999", null),
            (admin, HttpMethod.Post, "/api/v1/users", "/api/v1/users", "{\"userName\":\"x\",\"roles\":[\"king\"]}"),
            (coordinator, HttpMethod.Post, "/api/v1/users", "/api/v1/users", "{\"userName\":\"x\"}"),
            (admin, HttpMethod.Put, "/api/v1/users/{userName}", "/api/v1/users/admin", "{\"active\":false}"),
            (admin, HttpMethod.Post, "/api/v1/bureaus", "/api/v1/bureaus", "not json"),
        };
        var undeclared = new List<string>();
        foreach (var (client, method, template, url, body) in samples)
        {
            using var request = new HttpRequestMessage(method, url);
            if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request);
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            status[0].ShouldNotBe('2', $"{method} {url} was meant to be refused");
            status.ShouldNotBe("500", $"{method} {url}");
            var operation = paths[template]?[method.Method.ToLowerInvariant()];
            if (operation is null) { undeclared.Add($"{method} {template}: not in the document"); continue; }
            if (!Statuses(operation).Contains(status)) undeclared.Add($"{method} {template}: answered {status}, declares {string.Join(", ", Statuses(operation))}");
        }
        undeclared.ShouldBeEmpty(string.Join("\n", undeclared));
    }

    private static HashSet<string> Statuses(JsonNode operation) =>
        operation["responses"]?.AsObject().Select(r => r.Key).ToHashSet() ?? [];
}
