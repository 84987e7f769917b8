using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Hosting;

public class OpenApiTests
{
    [Fact]
    public async Task The_OpenAPI_document_describes_the_v1_API()
    {
        await using var host = await TestHost.StartAsync();
        var document = await host.Anonymous().GetJsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/api/v1/procedures/{id}/publish");
        paths.ShouldContain("/api/v1/tasks/{id}/complete");
        paths.ShouldContain("/api/v1/simulations");
        paths.ShouldContain("/api/v1/instances/{id}/migrate");
    }
}
