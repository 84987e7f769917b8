using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Security;

/// <summary>
/// One demo-city host (with its demo cases) shared by the held-attack tests, plus a case of
/// 市场监管局 (BZ-SCJG) whose applicant name and phone must never reach another bureau.
/// </summary>
public sealed class HeldAttackHost : IAsyncLifetime
{
    public const string ApplicantName = "欧阳明月";
    public const string ApplicantMobile = "13912348765";

    public TestHost Host { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Zhang { get; private set; } = null!;
    public long CaseId { get; private set; }
    public long InstanceId { get; private set; }
    public long TaskId { get; private set; }

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync();
        Admin = await Host.LoginAsync("admin");
        Zhang = await Host.LoginAsync("zhang.wei");
        var detail = await RegisterAsync(Zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll, applicant: Applicant(ApplicantName, ApplicantMobile)));
        CaseId = Id(detail);
        var task = await TaskAsync(Zhang, CaseId, "review");
        TaskId = (long)task["id"]!;
        InstanceId = (long)task["instanceId"]!;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// Attacks tried against the service that held (issue 15): each test repeats the attack against the
/// real host and asserts the defence, so that a regression shows. Injection and traversal through the API.
/// </summary>
public class HeldInjectionAttackTests(HeldAttackHost fixture) : IClassFixture<HeldAttackHost>
{
    private static readonly string[] Injections =
    [
        "' OR '1'='1", "1' OR 1=1 --", "\" OR \"\"=\"", "%' OR 1=1 --", "1; DROP TABLE \"Cases\"; --",
        "') UNION SELECT \"PasswordHash\" FROM \"AspNetUsers\" --", "*", "%", "_",
    ];

    /// <summary>Every GET list route (from the endpoint mappings) and its query parameters that take text.</summary>
    private static readonly (string Route, string[] Parameters)[] Lists =
    [
        ("/api/v1/tasks", ["filter", "due", "status"]),
        ("/api/v1/instances", ["status", "procedureId", "version"]),
        ("/api/v1/incidents", ["open"]),
        ("/api/v1/timers", ["hours"]),
        ("/api/v1/timers/misfired", ["hours"]),
        ("/api/v1/deadlines", ["instanceId", "caseId", "open"]),
        ("/api/v1/cases", ["bureau", "status", "category", "q", "mine", "open", "overdue"]),
        ("/api/v1/transfers", ["bureau", "status", "q"]),
        ("/api/v1/evaluations", ["bureau", "q"]),
        ("/api/v1/notices", ["caseId", "instanceId", "status"]),
        ("/api/v1/notices/attention", ["status"]),
        ("/api/v1/notice-templates", ["bureau"]),
        ("/api/v1/procedures", ["bureau"]),
        ("/api/v1/bureaus", ["q"]),
        ("/api/v1/users", ["bureau", "role", "active"]),
        ("/api/v1/matters", ["bureau", "q", "joint", "active"]),
        ("/api/v1/calendars/overrides", ["bureau"]),
        ("/api/v1/supervision/cases", ["bureau", "status", "q"]),
        ("/api/v1/supervision/follow-ups", ["bureau"]),
        ("/api/v1/supervision/reports", ["bureau", "kind"]),
        ($"/api/v1/cases/{{case}}/journal", ["q"]),
        ($"/api/v1/instances/{{instance}}/journal", ["q"]),
        ("/api/v1/public/matters", ["bureau", "q"]),
    ];

    private static int? Rows(JsonNode? body) => body switch
    {
        JsonArray a => a.Count,
        JsonObject o when o["total"] is JsonValue t && t.TryGetValue<int>(out var n) => n,
        JsonObject o when o["items"] is JsonArray items => items.Count,
        _ => null,
    };

    [Fact]
    public async Task SQL_injection_in_the_query_parameters_of_every_list_route_gets_no_500_no_extra_rows_and_leaves_the_database_intact()
    {
        var (cases, users) = await fixture.Host.WithDbAsync(async db => (await db.Set<CoBan.Workflow.Cases.Case>().CountAsync(), await db.Users.CountAsync()));
        var failures = new List<string>();
        foreach (var (template, parameters) in Lists)
        {
            var route = template.Replace("{case}", fixture.CaseId.ToString()).Replace("{instance}", fixture.InstanceId.ToString());
            var baseline = await fixture.Admin.GetAsync(route);
            var baselineRows = baseline.IsSuccessStatusCode ? Rows(JsonNode.Parse(await baseline.Content.ReadAsStringAsync())) : null;
            foreach (var parameter in parameters)
                foreach (var injection in Injections)
                {
                    var url = $"{route}?{parameter}={Uri.EscapeDataString(injection)}";
                    var response = await fixture.Admin.GetAsync(url);
                    var text = await response.Content.ReadAsStringAsync();
                    if ((int)response.StatusCode >= 500) { failures.Add($"{url}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}"); continue; }
                    if (text.Contains("SQLite", StringComparison.OrdinalIgnoreCase) || text.Contains("syntax error", StringComparison.OrdinalIgnoreCase)
                        || text.Contains("AQAAAA")) // the prefix of an ASP.NET Identity password hash
                        failures.Add($"{url}: leaks the query or a hash");
                    if (response.IsSuccessStatusCode && baselineRows is { } before && Rows(JsonNode.Parse(text)) is { } after && after > before)
                        failures.Add($"{url}: {after} rows, {before} without the parameter");
                }
        }
        failures.ShouldBeEmpty();
        (await fixture.Host.WithDbAsync(async db => (await db.Set<CoBan.Workflow.Cases.Case>().CountAsync(), await db.Users.CountAsync()))).ShouldBe((cases, users));
        await fixture.Admin.GetJsonAsync($"/api/v1/cases/{fixture.CaseId}");
    }

    [Theory]
    [InlineData("/api/v1/notice-templates/..%2f..%2f..%2fappsettings/print")]
    [InlineData("/api/v1/notice-templates/receipt/..%2f..%2f..%2f..%2fetc%2fpasswd")]
    [InlineData("/api/v1/notice-templates/receipt/%2e%2e%2f%2e%2e%2fappsettings.json")]
    [InlineData("/api/v1/notice-templates/..%5c..%5cappsettings.json/print")]
    [InlineData("/print/cases/{case}/..%2f..%2f..%2fappsettings.json")]
    [InlineData("/print/cases/{case}/%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    [InlineData("/api/v1/public/photos/..%2f..%2f..%2fcoban.db")]
    [InlineData("/api/v1/public/photos/%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    [InlineData("/..%2f..%2fappsettings.json")]
    [InlineData("/css/..%2f..%2f..%2fappsettings.json")]
    [InlineData("/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/designer/..%2f..%2f..%2fCoBan.Workflow.dll")]
    public async Task Path_traversal_in_template_print_photo_and_static_routes_is_refused(string template)
    {
        var url = template.Replace("{case}", fixture.CaseId.ToString());
        var response = await fixture.Admin.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeLessThan(500, text);
        text.ShouldNotContain("root:x:0:0");
        text.ShouldNotContain("ConnectionString");
        text.ShouldNotContain("SQLite format 3");
        text.ShouldNotContain("This program cannot be run in DOS mode");
        if (response.IsSuccessStatusCode)
            // Only a page of the application (e.g. the not-found page or the sign-in page) may answer.
            (response.Content.Headers.ContentType?.MediaType ?? "").ShouldBeOneOf("text/html", "application/json");
    }

    private const string Xxe = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE d [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <bpmn:process id="xxe" name="&xxe;" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process>
        </bpmn:definitions>
        """;

    private static string BillionLaughs()
    {
        var dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++) dtd.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE d [ {dtd} ]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <bpmn:process id="lol" name="&lol9;" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process>
            </bpmn:definitions>
            """;
    }

    [Fact]
    public async Task XXE_and_billion_laughs_in_a_BPMN_upload_are_refused_with_a_named_problem_and_nothing_is_expanded()
    {
        var owner = await fixture.Host.LoginAsync("owner.scjg");
        foreach (var xml in new[] { Xxe, BillionLaughs() })
        {
            var created = await owner.PostAsJsonAsync("/api/v1/procedures", new { xml });
            var problem = await created.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
            var text = problem.ToJsonString();
            text.ShouldContain("DTD");
            text.ShouldNotContain("root:x");
            text.ShouldNotContain("lollollol");

            // The simulator reports a model it cannot read as a failed run naming the problem (its answer for every invalid model).
            var simulated = await owner.PostAsJsonAsync("/api/v1/simulations", new { bpmnXml = xml });
            simulated.StatusCode.ShouldBe(HttpStatusCode.OK);
            var run = await simulated.JsonAsync();
            ((string?)run["state"]).ShouldBe("failed");
            ((string?)run["problems"]![0]!["messageEn"]).ShouldNotBeNull().ShouldContain("DTD");
            run.ToJsonString().ShouldNotContain("root:x");
            run.ToJsonString().ShouldNotContain("lollollol");
        }
        // Nothing was stored.
        (await fixture.Host.WithDbAsync(db => db.Set<CoBan.Workflow.Procedures.Procedure>().CountAsync(p => p.Key == "xxe" || p.Key == "lol"))).ShouldBe(0);
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    [Fact]
    public async Task Deeply_nested_JSON_is_refused_without_a_500()
    {
        var body = $"{{\"variables\":{{\"x\":{Nested(10_000)}}}}}";
        foreach (var url in new[] { $"/api/v1/tasks/{fixture.TaskId}/complete", "/api/v1/instances", "/api/v1/cases", $"/api/v1/instances/{fixture.InstanceId}/variables" })
        {
            var response = await fixture.Zhang.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).ShouldBeInRange(400, 499, $"{url}: {text}");
        }
        // The task is still open: the nested body completed nothing.
        (await OpenTasksAsync(fixture.Zhang, fixture.CaseId)).ShouldContain("review");
    }

    [Theory]
    [InlineData("{{> header}}")]
    [InlineData("{{>header}}")]
    [InlineData("{{ include 'receipt' }}")]
    [InlineData("{{ include \"../../appsettings.json\" }}")]
    public async Task Template_partials_and_includes_in_an_override_are_refused(string content)
    {
        var response = await fixture.Admin.PutAsJsonAsync("/api/v1/notice-templates/receipt/print?bureau=BZ-SCJG", new { content = $"<p>{content}</p>", comment = "attack" });
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "template-invalid");
    }

    [Theory]
    [InlineData("liu@example.com\r\nBcc: all@evil.example")]
    [InlineData("liu@example.com\nBcc: all@evil.example")]
    [InlineData("liu@example.com%0d%0aBcc:all@evil.example")]
    [InlineData("liu@example.com, all@evil.example")]
    [InlineData("\"刘德明\" <liu@example.com>")]
    public async Task CR_LF_and_lists_in_an_applicant_e_mail_address_are_refused(string email)
    {
        var applicant = new { type = "person", name = "刘德明", phone = "138-1234-5678", idNumber = "131081199001011238", email };
        var response = await fixture.Zhang.PostAsJsonAsync("/api/v1/cases",
            new { matterCode = "SCJG-002", matterBureau = "BZ-SCJG", applicant, consentEmail = true, serviceMode = "assist", materialsReceived = FoodLicenceAll });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem["errors"]!["applicant.email"].ShouldNotBeNull();
    }

    [Theory]
    [InlineData("wang@example.com\r\nBcc: all@evil.example")]
    [InlineData("wang@example.com, all@evil.example")]
    public async Task CR_LF_and_lists_in_a_users_e_mail_address_are_refused(string email)
    {
        var created = await fixture.Admin.PostAsJsonAsync("/api/v1/users",
            new { userName = "crlf.user", displayName = "测试", bureauCode = "BZ-SCJG", roles = new[] { "coordinator" }, email, password = "Demo-12345678" });
        (await created.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["email"].ShouldNotBeNull();
        var updated = await fixture.Admin.PutAsJsonAsync("/api/v1/users/li.na", new { email });
        (await updated.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["email"].ShouldNotBeNull();
    }
}
