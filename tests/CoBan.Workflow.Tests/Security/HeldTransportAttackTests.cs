using System.Net;
using System.Net.Http.Json;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Security;

/// <summary>Attacks that held (issue 15) and need a host of their own: huge bodies on a real Kestrel port.</summary>
public class HeldBodySizeAttackTests
{
    [Fact]
    public async Task A_50_MB_body_is_refused_with_413_and_the_service_keeps_answering()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        var owner = await host.LoginAsync("owner.scjg");
        var xml = "<x>" + new string('a', 50 * 1024 * 1024) + "</x>";
        HttpResponseMessage? response = null;
        try
        {
            response = await owner.PostAsync("/api/v1/procedures", Http.Json(new { xml }));
        }
        catch (HttpRequestException)
        {
            // Kestrel may close the connection before the client has sent the whole body: refused too.
        }
        if (response is not null) response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await host.Anonymous().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>The anonymous progress lookup (issue 15, held): masked, not a way into the database, rate-limited.</summary>
public class HeldPublicLookupAttackTests
{
    [Fact]
    public async Task The_public_progress_lookup_masks_names_and_phones_refuses_injection_and_is_rate_limited()
    {
        const int perMinute = 4;
        await using var host = await StartAsync(settings: new() { ["CoBan:PublicLookupsPerMinute"] = perMinute.ToString() });
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll, applicant: Applicant("欧阳明月", "13812345678"))));
        var number = (string)(await CaseAsync(zhang, id))["summary"]!["number"]!;
        var anonymous = host.Anonymous();

        var found = await anonymous.GetAsync($"/api/v1/public/progress?number={Uri.EscapeDataString(number)}&phone=13812345678");
        var text = await found.Content.ReadAsStringAsync();
        found.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        text.ShouldNotContain("欧阳明月");
        text.ShouldNotContain("13812345678");
        text.ShouldNotContain("131081199001011238");
        text.ShouldNotContain("张伟");

        var injected = await anonymous.GetAsync($"/api/v1/public/progress?number={Uri.EscapeDataString("' OR '1'='1")}&phone={Uri.EscapeDataString("' OR '1'='1")}");
        ((int)injected.StatusCode).ShouldBeInRange(400, 429);
        (await injected.Content.ReadAsStringAsync()).ShouldNotContain("欧");

        // A burst of twice the limit and one: however the one-minute windows fall, some answers are 429.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2 * perMinute + 1; i++)
            statuses.Add((await anonymous.GetAsync($"/api/v1/public/progress?number={Uri.EscapeDataString(number)}&phone=13812345678")).StatusCode);
        statuses.ShouldContain((HttpStatusCode)429);
        statuses.ShouldAllBe(s => s == HttpStatusCode.OK || s == (HttpStatusCode)429);
    }
}
