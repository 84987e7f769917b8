using System.Net;
using System.Net.Http.Json;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Security;

/// <summary>
/// Attacks that held (issue 15), on who may read and act: the role/bureau read matrix and racing
/// completions of one task. The shared host's case belongs to 市场监管局 (BZ-SCJG).
/// </summary>
public class HeldAccessAttackTests(HeldAttackHost fixture) : IClassFixture<HeldAttackHost>
{
    /// <summary>Users of other bureaus, in each role that acts on cases: coordinator, duty leader, process owner, chief coordinator.</summary>
    public static TheoryData<string> Outsiders => ["zheng.tao", "feng.xue", "yang.min", "zhu.lin", "guo.mei", "han.bing"];

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Another_bureaus_case_instance_and_task_are_refused_and_reveal_nothing(string userName)
    {
        var outsider = await fixture.Host.LoginAsync(userName);
        string[] urls =
        [
            $"/api/v1/cases/{fixture.CaseId}", $"/api/v1/cases/{fixture.CaseId}/tasks", $"/api/v1/cases/{fixture.CaseId}/journal",
            $"/api/v1/cases/{fixture.CaseId}/notices", $"/api/v1/instances/{fixture.InstanceId}", $"/api/v1/instances/{fixture.InstanceId}/journal",
            $"/api/v1/instances/{fixture.InstanceId}/variables", $"/api/v1/tasks/{fixture.TaskId}", $"/api/v1/tasks/{fixture.TaskId}/comments",
            $"/api/v1/notices?caseId={fixture.CaseId}", $"/api/v1/deadlines?caseId={fixture.CaseId}", $"/print/cases/{fixture.CaseId}/receipt",
        ];
        foreach (var url in urls)
        {
            var response = await outsider.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
                // A filtered list may answer 200, but empty of this case.
                text.Trim().ShouldBeOneOf(["[]", "{\"items\":[],\"total\":0}"], $"{userName} {url}: {text}");
            else
                response.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.NotFound], $"{userName} {url}: {text}");
            text.ShouldNotContain(HeldAttackHost.ApplicantName, customMessage: url);
            text.ShouldNotContain(HeldAttackHost.ApplicantMobile[7..], customMessage: url);
            text.ShouldNotContain("张伟", customMessage: url); // who handles it is not revealed either
        }

        // The lists of the outsider's own desk do not carry the case.
        foreach (var list in new[] { "/api/v1/cases?q=" + Uri.EscapeDataString(HeldAttackHost.ApplicantName), "/api/v1/cases?bureau=BZ-SCJG", "/api/v1/tasks", "/api/v1/instances", "/api/v1/supervision/cases" })
        {
            var response = await outsider.GetAsync(list);
            ((int)response.StatusCode).ShouldBeLessThan(500, list);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain(HeldAttackHost.ApplicantName, customMessage: list);
        }

        // Acting on it is refused the same way, and changes nothing.
        var claim = await outsider.PostAsync($"/api/v1/tasks/{fixture.TaskId}/claim", null);
        claim.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.NotFound]);
        (await claim.Content.ReadAsStringAsync()).ShouldNotContain("张伟");
        (await OpenTasksAsync(fixture.Zhang, fixture.CaseId)).ShouldContain("review");
    }

    [Fact]
    public async Task Concurrent_completion_of_one_task_gives_exactly_one_200()
    {
        var id = Id(await RegisterAsync(fixture.Zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll)));
        var task = (long)(await TaskAsync(fixture.Zhang, id, "review"))["id"]!;
        // Separate sessions of the same coordinator, as from several browser tabs.
        var clients = new List<HttpClient>();
        for (var i = 0; i < 6; i++) clients.Add(await fixture.Host.LoginAsync("zhang.wei"));
        var answers = await Task.WhenAll(clients.Select(c =>
            c.PostAsJsonAsync($"/api/v1/tasks/{task}/complete", new { variables = new { kind = "commitment", committedDays = 5 } })));
        var statuses = answers.Select(a => (int)a.StatusCode).ToList();
        statuses.Count(s => s == 200).ShouldBe(1, string.Join(",", statuses));
        statuses.Where(s => s != 200).ShouldAllBe(s => s == 409);
        (await OpenTasksAsync(fixture.Zhang, id)).ShouldNotContain("review");
    }
}
