using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoBan.Workflow.Tests.Support;

/// <summary>Small helpers that make API tests read like what a client does.</summary>
public static class Http
{
    public static async Task ShouldSucceedAsync(this HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new ShouldAssertException($"{(int)response.StatusCode} {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response)
    {
        await response.ShouldSucceedAsync();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url) => await (await client.GetAsync(url)).JsonAsync();

    public static async Task<JsonNode> PostJsonAsync(this HttpClient client, string url, object? body = null) =>
        await (await client.PostAsJsonAsync(url, body ?? new { })).JsonAsync();

    public static async Task<JsonNode> PutJsonAsync(this HttpClient client, string url, object body) =>
        await (await client.PutAsJsonAsync(url, body)).JsonAsync();

    /// <summary>Asserts an RFC 7807 refusal with the status and (optionally) a code; returns the problem document.</summary>
    public static async Task<JsonNode> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonNode.Parse(text)!;
        ((string?)problem["title"]).ShouldNotBeNullOrWhiteSpace();
        if (code is not null) ((string?)problem["code"]).ShouldBe(code, text);
        return problem;
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
