using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Case = CoBan.Workflow.Cases.Case;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Security;

/// <summary>
/// A 10 MB description and a 5 MB name were stored and then served to every list and to the anonymous
/// progress lookup. Every free-text field now has a limit (Api/TextLimits.cs), checked before binding.
/// </summary>
public class LengthLimitAttackTests
{
    private static readonly string FiveMb = new('名', 5 * 1024 * 1024 / 3);
    private static readonly string TenMb = new('x', 10 * 1024 * 1024);

    private static async Task<JsonNode> ShouldNameFieldAsync(HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "text-too-long");
        var errors = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        errors.ShouldBe(fields, ignoreOrder: true);
        return problem;
    }

    [Fact]
    public async Task A_registration_with_a_5_MB_name_or_a_10_MB_description_is_refused_naming_the_field_and_nothing_is_stored()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var before = await host.WithDbAsync(db => db.Set<Case>().CountAsync());

        await ShouldNameFieldAsync(await zhang.PostAsJsonAsync("/api/v1/cases",
            Registration("SCJG-001", "BZ-SCJG", SoleTraderAll, applicant: Applicant(name: FiveMb))), "applicant.name");
        var both = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Registration("SCJG-001", "BZ-SCJG", SoleTraderAll)))!;
        both["description"] = TenMb;
        both["applicant"]!["contactPerson"] = new string('人', TextLimits.Name + 1);
        var problem = await ShouldNameFieldAsync(await zhang.PostAsJsonAsync("/api/v1/cases", both), "description", "applicant.contactPerson");
        ((string?)problem["messageEn"]).ShouldNotBeNull().ShouldContain("description");

        (await host.WithDbAsync(db => db.Set<Case>().CountAsync())).ShouldBe(before);
        // At the limit it goes through.
        both["description"] = new string('述', TextLimits.Long);
        both["applicant"]!["contactPerson"] = new string('人', TextLimits.Name);
        await (await zhang.PostAsJsonAsync("/api/v1/cases", both)).ShouldSucceedAsync();
    }

    [Fact]
    public async Task A_procedure_with_a_5_MB_name_or_a_publish_with_a_10_MB_comment_is_refused_and_nothing_is_stored()
    {
        await using var host = await TestHost.StartAsync();
        var owner = await host.LoginAsync("owner.scjg");
        var before = await host.WithDbAsync(db => db.Set<Procedure>().CountAsync());

        await ShouldNameFieldAsync(await owner.PostAsJsonAsync("/api/v1/procedures", new { name = FiveMb, xml = Models.Review() }), "name");
        (await host.WithDbAsync(db => db.Set<Procedure>().CountAsync())).ShouldBe(before);

        var created = await owner.PostJsonAsync("/api/v1/procedures", new { name = "审核流程", xml = Models.Review() });
        var id = (long)created["id"]!;
        await ShouldNameFieldAsync(await owner.PostAsJsonAsync($"/api/v1/procedures/{id}/publish", new { comment = TenMb }), "comment");
        (await host.WithDbAsync(db => db.Set<ProcedureVersion>().CountAsync(v => v.ProcedureId == id && v.Number != null))).ShouldBe(0);
    }

    [Fact]
    public async Task A_task_form_field_and_a_public_evaluation_comment_over_their_limits_are_refused()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-001", "BZ-SCJG", SoleTraderAll)));
        var task = (await zhang.GetJsonAsync($"/api/v1/cases/{id}/tasks")).AsArray().First(t => (string?)t!["status"] == "open")!;
        var version = (int?)task["instanceVersion"];

        var refused = await zhang.PostAsJsonAsync($"/api/v1/tasks/{(long)task["id"]!}/complete",
            new { variables = new { opinion = new string('意', TextLimits.Default + 1) }, expectedVersion = version });
        await ShouldNameFieldAsync(refused, "variables.opinion");
        var after = (await zhang.GetJsonAsync($"/api/v1/cases/{id}/tasks")).AsArray().First(t => (long)t!["id"]! == (long)task["id"]!)!;
        ((string?)after["status"]).ShouldBe("open");

        var anonymous = host.Anonymous();
        await ShouldNameFieldAsync(await anonymous.PostAsJsonAsync("/api/v1/public/evaluations",
            new { number = "BZ-SCJG-2026-00001", phone = "13812345678", level = 5, comment = TenMb }), "comment");
    }

    [Fact]
    public async Task A_posted_form_field_over_its_limit_is_refused_on_the_server_and_the_form_says_the_limit()
    {
        await using var host = await StartAsync();
        var anonymous = host.Anonymous();
        var page = await (await anonymous.GetAsync("/public/lookup")).Content.ReadAsStringAsync();
        page.ShouldContain($"maxlength=\"{TextLimits.Name}\"");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "lookup", ["__RequestVerificationToken"] = token, ["number"] = new string('9', 1024 * 1024), ["phone"] = "13812345678",
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/public/lookup") { Content = form };
        await ShouldNameFieldAsync(await anonymous.SendAsync(request), "number");
    }
}
