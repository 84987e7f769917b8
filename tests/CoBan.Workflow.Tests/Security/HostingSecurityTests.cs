using System.Net;
using CoBan.Workflow.Data;
using CoBan.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoBan.Workflow.Tests.Security;

/// <summary>How the host starts: scope validation in Development, and never the demo city in Production by accident.</summary>
public class HostingSecurityTests
{
    [Fact]
    public async Task The_host_starts_in_Development_with_scope_and_build_validation_on()
    {
        // Before: "Cannot consume scoped service 'ICalendarSource' from singleton 'StartEventTimers'" at start-up.
        await using var host = await TestHost.StartAsync(settings: new() { ["environment"] = "Development" });
        host.Services.GetRequiredService<IHostEnvironment>().EnvironmentName.ShouldBe("Development");
        // ValidateScopes is on: a scoped service cannot be taken from the root provider.
        Should.Throw<InvalidOperationException>(() => host.Services.GetRequiredService<CoBanDbContext>());
        (await host.Anonymous().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Demo_mode_refuses_to_start_in_Production_unless_forced_and_then_the_login_page_warns()
    {
        var refused = await Should.ThrowAsync<Exception>(() => TestHost.StartAsync(settings: new() { ["environment"] = "Production" }));
        (refused.InnerException ?? refused).ToString().ShouldContain("CoBan:DemoInProduction");

        await using var forced = await TestHost.StartAsync(settings: new() { ["environment"] = "Production", ["CoBan:DemoInProduction"] = "true" });
        (await forced.Anonymous().GetStringAsync("/login")).ShouldContain("data-test=\"demo-in-production\"");
    }

    [Fact]
    public async Task Outside_Production_the_login_page_shows_no_warning()
    {
        await using var host = await TestHost.StartAsync();
        (await host.Anonymous().GetStringAsync("/login")).ShouldNotContain("demo-in-production");
    }
}
