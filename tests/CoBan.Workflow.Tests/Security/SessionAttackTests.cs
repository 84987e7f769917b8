using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Security;

/// <summary>
/// A stolen or left-behind log-in cookie must stop working when its user logs out, gets a new
/// password, new roles, or is disabled. Before, the 10-hour sliding cookie was never checked against
/// the security stamp and kept its old roles to the end.
/// </summary>
public class SessionAttackTests
{
    /// <summary>Logs in and returns the raw cookie, as an attacker who copied it would hold it.</summary>
    private static async Task<string> StolenCookieAsync(TestHost host, string userName)
    {
        var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = Demo.DemoData.Password });
        await response.ShouldSucceedAsync();
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("coban=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<HttpStatusCode> MeWithAsync(TestHost host, string cookie)
    {
        var client = host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Logging_out_ends_every_copy_of_the_cookie()
    {
        await using var host = await TestHost.StartAsync();
        var stolen = await StolenCookieAsync(host, "zhang.wei");
        (await MeWithAsync(host, stolen)).ShouldBe(HttpStatusCode.OK);
        var zhang = await host.LoginAsync("zhang.wei");
        (await zhang.PostAsync("/api/v1/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await MeWithAsync(host, stolen)).ShouldBe(HttpStatusCode.Unauthorized);
        // Logging in again works as before.
        (await (await host.LoginAsync("zhang.wei")).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_password_reset_ends_the_users_cookies_and_revokes_their_api_tokens()
    {
        await using var host = await TestHost.StartAsync();
        var stolen = await StolenCookieAsync(host, "li.na");
        var admin = await host.LoginAsync("admin");
        var token = (string)(await admin.PostJsonAsync("/api/v1/tokens", new { name = "li.na's", userName = "li.na" }))["token"]!;
        var system = host.Anonymous();
        system.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await system.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await admin.PostAsJsonAsync("/api/v1/users/li.na/password", new { password = "new-password-2026" })).ShouldSucceedAsync();
        (await MeWithAsync(host, stolen)).ShouldBe(HttpStatusCode.Unauthorized);
        (await system.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_role_change_or_disabling_ends_the_users_cookies()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.LoginAsync("admin");
        var before = await StolenCookieAsync(host, "wang.fang");
        await admin.PutJsonAsync("/api/v1/users/wang.fang/roles", new { roles = new[] { "coordinator" } });
        (await MeWithAsync(host, before)).ShouldBe(HttpStatusCode.Unauthorized);

        var again = await StolenCookieAsync(host, "wang.fang");
        (await MeWithAsync(host, again)).ShouldBe(HttpStatusCode.OK);
        await admin.PutJsonAsync("/api/v1/users/wang.fang", new { active = false });
        (await MeWithAsync(host, again)).ShouldBe(HttpStatusCode.Unauthorized);
    }
}
