using System.Net;
using System.Net.Http.Json;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Tests.Security;

/// <summary>
/// Log-in attacks: locking someone else's account, and telling real user names from unknown ones.
/// Before, five anonymous wrong passwords locked "admin" for 15 minutes (Identity's lock-out), only
/// real accounts ever answered 423, and unknown names answered in ~5 ms against ~220 ms (no hashing).
/// </summary>
public class LoginAttackTests
{
    /// <summary>Lets a test say which address a request comes from (the in-memory server has none).</summary>
    private sealed class TestAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, go) =>
            {
                if (http.Request.Headers.TryGetValue("X-Test-Ip", out var ip)) http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(ip!);
                return go(http);
            });
            next(app);
        };
    }

    /// <summary>Counts password checks, to show unknown users cost the same hashing as real ones.</summary>
    private sealed class CountingHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<AppUser>
    {
        public static int Verifications;
        private readonly PasswordHasher<AppUser> _inner = new(options);
        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);
        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string ip, string userName, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { userName, password }) };
        request.Headers.Add("X-Test-Ip", ip);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task A_stranger_hammering_admin_cannot_lock_the_administrator_out()
    {
        await using var host = await TestHost.StartAsync(services: s => s.AddSingleton<IStartupFilter, TestAddress>());
        var client = host.Anonymous();
        for (var failures = 0; failures < 12;)
        {
            var response = await LogInAsync(client, "203.0.113.9", "admin", "guess-" + failures);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) host.Clock.Advance(response.Headers.RetryAfter!.Delta!.Value);
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized); // never 423: nothing locks
                failures++;
            }
        }
        // The stranger is now slowed; the administrator, from their own address, waits at most the account cap.
        (await LogInAsync(client, "203.0.113.9", "admin", "guess")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var own = await LogInAsync(client, "10.0.0.5", "admin", Demo.DemoData.Password);
        if (own.StatusCode == HttpStatusCode.TooManyRequests)
        {
            own.Headers.RetryAfter!.Delta!.Value.ShouldBeLessThanOrEqualTo(LoginThrottle.AccountCap);
            host.Clock.Advance(own.Headers.RetryAfter.Delta.Value);
            own = await LogInAsync(client, "10.0.0.5", "admin", Demo.DemoData.Password);
        }
        own.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public void The_throttle_doubles_the_wait_per_source_and_caps_it_per_account()
    {
        var clock = new ManualClock(ManualClock.Default);
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < LoginThrottle.FreeFailuresPerAccountAndAddress; i++) throttle.Failed("admin", "1.1.1.1");
        throttle.WaitFor("admin", "1.1.1.1").ShouldBe(TimeSpan.Zero);
        throttle.Failed("admin", "1.1.1.1");
        throttle.WaitFor("admin", "1.1.1.1").ShouldBe(TimeSpan.FromSeconds(1));
        throttle.Failed("admin", "1.1.1.1");
        throttle.WaitFor("admin", "1.1.1.1").ShouldBe(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 1000; i++) throttle.Failed("ADMIN ", "1.1.1.1");
        throttle.WaitFor("admin", "1.1.1.1").ShouldBe(LoginThrottle.AddressCap);
        throttle.WaitFor("admin", "2.2.2.2").ShouldBe(LoginThrottle.AccountCap);
        clock.Advance(LoginThrottle.AccountCap);
        throttle.WaitFor("admin", "2.2.2.2").ShouldBe(TimeSpan.Zero);
        throttle.WaitFor("li.na", "2.2.2.2").ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task Unknown_disabled_and_real_accounts_get_the_same_answer_after_the_same_hashing()
    {
        await using var host = await TestHost.StartAsync(services: s =>
        {
            s.AddSingleton<IStartupFilter, TestAddress>();
            s.AddScoped<IPasswordHasher<AppUser>, CountingHasher>();
        });
        var admin = await host.LoginAsync("admin");
        await admin.PutJsonAsync("/api/v1/users/li.na", new { active = false });
        var client = host.Anonymous();
        var ip = 1;
        foreach (var userName in new[] { "no.such.user", "li.na", "zhang.wei" })
        {
            var before = Volatile.Read(ref CountingHasher.Verifications);
            var response = await LogInAsync(client, $"198.51.100.{ip++}", userName, "wrong-password");
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "bad-login");
            ((string)problem["detail"]!).ShouldBe("用户名或密码错误 / wrong user name or password");
            (Volatile.Read(ref CountingHasher.Verifications) - before).ShouldBe(1, userName);
        }
    }
}
