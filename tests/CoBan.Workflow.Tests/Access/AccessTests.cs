using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Access;

public class AccessTests
{
    [Fact]
    public async Task A_coordinator_of_another_bureau_cannot_read_the_instance_or_its_tasks()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var zhang = await host.LoginAsync("zhang.wei");
        var instanceId = (long)(await ProcedureSteps.StartAsync(zhang, id, "zhang.wei"))["instance"]!["id"]!;
        var taskId = (long)(await zhang.GetJsonAsync("/api/v1/tasks")).AsArray().Single()!["id"]!;
        var chen = await host.LoginAsync("chen.jing");
        await (await chen.GetAsync($"/api/v1/instances/{instanceId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await chen.GetAsync($"/api/v1/tasks/{taskId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await chen.GetJsonAsync("/api/v1/instances")).AsArray().ShouldBeEmpty();
        (await chen.GetJsonAsync("/api/v1/tasks?filter=bureau")).AsArray().ShouldBeEmpty();

        var admin = await host.LoginAsync("admin");
        (await admin.GetJsonAsync("/api/v1/instances")).AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Anonymous_API_calls_get_401_and_the_health_check_is_open()
    {
        await using var host = await TestHost.StartAsync();
        var anonymous = host.Anonymous();
        await (await anonymous.GetAsync("/api/v1/tasks")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var health = await anonymous.GetJsonAsync("/health");
        ((string)health["status"]!).ShouldBe("ready");
    }

    [Fact]
    public async Task An_api_token_acts_as_its_user_until_it_is_revoked()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.LoginAsync("admin");
        var created = await admin.PostJsonAsync("/api/v1/tokens", new { name = "一网通办对接", userName = "zhang.wei" });
        var token = (string)created["token"]!;
        token.ShouldStartWith("coban_");

        var system = host.Anonymous();
        system.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await system.GetJsonAsync("/api/v1/me");
        ((string)me["userName"]!).ShouldBe("zhang.wei");
        ((string)me["bureauCode"]!).ShouldBe("BZ-SCJG");

        (await admin.DeleteAsync($"/api/v1/tokens/{created["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await system.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var listed = (await admin.GetJsonAsync("/api/v1/tokens")).AsArray();
        listed.ShouldAllBe(t => !t!.ToJsonString().Contains(token));
    }

    [Fact]
    public async Task Repeated_wrong_passwords_slow_the_next_attempt_instead_of_locking_the_account()
    {
        await using var host = await TestHost.StartAsync();
        var client = host.Anonymous();
        for (var i = 0; i < 4; i++)
            await (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "li.na", password = "wrong-" + i })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "bad-login");
        var slowed = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "li.na", password = Demo.DemoData.Password });
        await slowed.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "login-throttled");
        slowed.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "li.na", password = Demo.DemoData.Password })).ShouldSucceedAsync();
    }

    [Fact]
    public async Task Passwords_are_stored_hashed()
    {
        await using var host = await TestHost.StartAsync();
        var hashes = await host.WithDbAsync(db => Task.FromResult(db.Users.Select(u => u.PasswordHash).ToList()));
        hashes.ShouldAllBe(h => h != null && !h.Contains(Demo.DemoData.Password) && h.Length > 40);
    }
}
