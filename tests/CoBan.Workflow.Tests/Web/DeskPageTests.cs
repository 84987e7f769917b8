using System.Net;
using System.Text.RegularExpressions;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Web;

/// <summary>The desk as HTML: rows a coordinator can tell apart, one search for any of their cases, filters, order and pages.</summary>
public sealed partial class DeskPageTests
{
    [Fact]
    public async Task Rows_show_case_number_applicant_matter_and_step_and_one_search_finds_a_case_by_number_applicant_phone_or_matter()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var food = await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll, applicant: Applicant("王建国", "139-0000-1111")));
        var other = await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll, applicant: Applicant("李秀英", "137-2222-3333")));
        var foodNumber = (string)food["summary"]!["number"]!;
        var otherNumber = (string)other["summary"]!["number"]!;

        var desk = await PageAsync(zhang, "/desk");
        var rows = Rows(desk);
        rows.Count.ShouldBe(2);
        rows.ShouldContain(r => r.Contains(foodNumber) && r.Contains("王建国") && r.Contains("食品经营许可") && r.Contains("受理审查"));
        rows.ShouldContain(r => r.Contains(otherNumber) && r.Contains("李秀英"));

        foreach (var q in new[] { foodNumber, "王建国", "13900001111", "139-0000-1111", "0000-1111" })
        {
            var found = Rows(await PageAsync(zhang, "/desk?q=" + Uri.EscapeDataString(q)));
            found.Count.ShouldBe(1, q);
            found[0].ShouldContain(foodNumber);
        }
        Rows(await PageAsync(zhang, "/desk?q=" + Uri.EscapeDataString("食品经营"))).Count.ShouldBe(2);
        var none = await PageAsync(zhang, "/desk?q=" + Uri.EscapeDataString("不存在的申请人"));
        Rows(none).ShouldBeEmpty();
        none.ShouldContain("data-test=\"search-cases\"");

        // filters and order travel in the query string
        Rows(await PageAsync(zhang, "/desk?status=Received")).Count.ShouldBe(2);
        Rows(await PageAsync(zhang, "/desk?status=Handling")).ShouldBeEmpty();
        Rows(await PageAsync(zhang, "/desk?urgency=overdue")).ShouldBeEmpty();
        var byApplicant = Rows(await PageAsync(zhang, "/desk?sort=applicant"));
        byApplicant[0].ShouldContain("李秀英"); // 李 (U+674E) before 王 (U+738B)
        var byNumber = Rows(await PageAsync(zhang, "/desk?sort=number"));
        byNumber[0].ShouldContain(foodNumber);
    }

    [Fact]
    public async Task The_desk_pages_by_twenty_and_masks_applicants_on_tasks_the_coordinator_does_not_hold()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        for (var i = 0; i < 21; i++)
            await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll, applicant: Applicant($"申请人{i:00}", $"1390000{i:0000}")));
        var first = await PageAsync(zhang, "/desk");
        Rows(first).Count.ShouldBe(20);
        first.ShouldContain("data-test=\"next-page\"");
        var second = await PageAsync(zhang, "/desk?p=2");
        Rows(second).Count.ShouldBe(1);
        second.ShouldNotContain("data-test=\"next-page\"");

        // the duty leader's whole-bureau view shows the cases, the applicants masked
        var leader = await host.LoginAsync("liu.yang");
        var bureau = Rows(await PageAsync(leader, "/desk?tab=bureau&q=" + Uri.EscapeDataString("申请人05")));
        bureau.Count.ShouldBe(1);
        bureau[0].ShouldNotContain("申请人05");
        bureau[0].ShouldContain("申****");
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static List<string> Rows(string html) =>
        TaskRow().Matches(html).Select(m => Regex.Replace(m.Value, "<[^>]+>", " ")).ToList();

    [GeneratedRegex("<tr[^>]*data-task=\"\\d+\"[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TaskRow();
}
