using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Security;

/// <summary>
/// What a hostile page in the user's browser could do: frame ours, run injected script, post with the
/// user's cookie from another site. Before: no CSP, nosniff or HSTS, X-Frame-Options on some pages only,
/// and bodyless cookie POSTs (claim, retry, log-out…) accepted a foreign Origin.
/// </summary>
public class BrowserDefenceTests
{
    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        await using var host = await TestHost.StartAsync();
        var client = host.Anonymous();
        foreach (var url in new[] { "/login", "/api/v1/me", "/health", "/css/coban.css", "/no-such-page" })
        {
            var response = await client.GetAsync(url);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            csp.ShouldContain("script-src 'self'", customMessage: url);
            csp.ShouldContain("frame-ancestors 'none'", customMessage: url);
            csp.ShouldNotContain("'unsafe-eval'");
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"], url);
            response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"], url);
            response.Headers.GetValues("Referrer-Policy").ShouldBe(["same-origin"], url);
            response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse(url); // plain HTTP here
        }
    }

    [Fact]
    public async Task Cookie_posts_from_another_site_are_refused_and_api_tokens_are_not_affected()
    {
        await using var host = await TestHost.StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        async Task<HttpStatusCode> PostAsync(HttpClient client, string url, params (string Name, string Value)[] headers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { name = "系统维护" }) };
            foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
            return (await client.SendAsync(request)).StatusCode;
        }
        (await PostAsync(zhang, "/api/v1/signals", ("Origin", "https://evil.example"))).ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(zhang, "/api/v1/signals", ("Sec-Fetch-Site", "cross-site"))).ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(zhang, "/api/v1/signals", ("Referer", "https://evil.example/page"))).ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(zhang, "/api/v1/auth/logout", ("Origin", "null"))).ShouldBe(HttpStatusCode.Forbidden);
        // The session survived the forged log-out; same-origin requests and scripts without Origin go ahead.
        (await PostAsync(zhang, "/api/v1/signals", ("Origin", "http://localhost"))).ShouldBe(HttpStatusCode.OK);
        (await PostAsync(zhang, "/api/v1/signals", ("Sec-Fetch-Site", "same-origin"))).ShouldBe(HttpStatusCode.OK);
        (await PostAsync(zhang, "/api/v1/signals")).ShouldBe(HttpStatusCode.OK);

        var admin = await host.LoginAsync("admin");
        var token = (string)(await admin.PostJsonAsync("/api/v1/tokens", new { name = "system", userName = "zhang.wei", validDays = 30 }))["token"]!;
        var system = host.Anonymous();
        system.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await PostAsync(system, "/api/v1/signals", ("Origin", "https://other-government-system.example"))).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Behind_a_trusted_https_proxy_the_cookie_is_secure_and_HSTS_is_sent()
    {
        await using var host = await TestHost.StartAsync(kestrel: true, settings: new() { ["CoBan:Proxy:Enabled"] = "true" });
        var client = host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { userName = "zhang.wei", password = Demo.DemoData.Password }) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);
        await response.ShouldSucceedAsync();
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("coban=")).ToLowerInvariant().ShouldContain("secure");
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");

        // Without the proxy setting a client cannot claim HTTPS (or another address).
        await using var plain = await TestHost.StartAsync(kestrel: true);
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { userName = "zhang.wei", password = Demo.DemoData.Password }) };
        again.Headers.Add("X-Forwarded-Proto", "https");
        var direct = await plain.Anonymous().SendAsync(again);
        direct.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("coban=")).ToLowerInvariant().ShouldNotContain("secure");
    }

    [Fact]
    public async Task Bad_input_that_used_to_answer_500_gets_a_clear_answer()
    {
        await using var host = await TestHost.StartAsync();
        var redirect = await host.Anonymous().GetAsync("/lang/en?returnUrl=/%09/evil.example");
        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirect.Headers.Location!.ToString().ShouldBe("/");

        var admin = await host.LoginAsync("admin");
        await (await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "x", validDays = int.MaxValue })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "bad-valid-days");
        await (await admin.PutAsJsonAsync("/api/v1/notice-settings", new { })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "values-required");
    }
}
