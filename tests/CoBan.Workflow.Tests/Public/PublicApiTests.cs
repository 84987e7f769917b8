using System.Net;
using CoBan.Workflow.Tests.Cases;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Public;

/// <summary>The public pages' API: no log-in, the duty board and the progress lookup (seeds 000/001).</summary>
public class PublicApiTests
{
    [Fact]
    public async Task The_duty_board_shows_todays_coordinators_duty_leader_and_supervision_hotline_without_a_log_in()
    {
        await using var host = await StartAsync();
        var admin = await host.LoginAsync("admin");
        await (await admin.PutAsync("/api/v1/users/zhang.wei/photo", Http.Json(new { dataUrl = SignaturePng }))).ShouldSucceedAsync();

        var board = await host.Anonymous().GetJsonAsync("/api/v1/public/bureaus/BZ-SCJG/duty");
        ((string)board["date"]!).ShouldBe("2026-09-30");
        ((string)board["weekday"]!).ShouldBe("星期三");
        ((string)board["supervisionHotline"]!).ShouldBe("0316-7222345");
        var coordinators = board["coordinators"]!.AsArray();
        coordinators.Select(c => (string)c!["name"]!).ShouldBe(["张伟", "李娜"]);
        ((string)coordinators[0]!["room"]!).ShouldBe("3 号窗口");
        ((string)coordinators[0]!["phone"]!).ShouldBe("0316-7221003");
        var photo = (string)coordinators[0]!["photoUrl"]!;
        coordinators[1]!["photoUrl"].ShouldBeNull();
        ((string)board["dutyLeader"]!["name"]!).ShouldBe("刘洋");
        ((string)board["dutyLeader"]!["title"]!).ShouldBe("副局长（带班领导）");
        board.ToJsonString().ShouldNotContain("13800000005"); // no mobiles on the public board
        var image = await host.Anonymous().GetAsync(photo);
        image.StatusCode.ShouldBe(HttpStatusCode.OK);
        image.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");

        // The next working day shows the next pair of the rota.
        host.Clock.Set(new DateTimeOffset(2026, 10, 8, 9, 0, 0, TimeSpan.FromHours(8)));
        var next = await host.Anonymous().GetJsonAsync("/api/v1/public/bureaus/BZ-SCJG/duty");
        next["coordinators"]!.AsArray().Select(c => (string)c!["name"]!).ShouldBe(["王芳", "张伟"]);
        var bureaus = (await host.Anonymous().GetJsonAsync("/api/v1/public/bureaus")).AsArray();
        bureaus.Count.ShouldBe(8);
        (await host.Anonymous().GetAsync("/api/v1/public/bureaus/BZ-NOPE/duty")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Progress_is_found_by_number_and_phone_shows_status_and_next_step_only_masked_and_is_rate_limited()
    {
        await using var host = await StartAsync(settings: new() { ["CoBan:PublicLookupsPerMinute"] = "4" });
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll, applicant: Applicant("欧阳明月", "13812345678"))));
        await CompleteAsync(zhang, id, "review", new { kind = "commitment", committedDays = 5 });
        var number = (string)(await CaseAsync(zhang, id))["summary"]!["number"]!;

        var anonymous = host.Anonymous();
        var progress = await anonymous.GetJsonAsync($"/api/v1/public/progress?number={number}&phone=138 1234 5678");
        ((string)progress["status"]!).ShouldBe("部门开始办理");
        ((string)progress["nextStep"]!).ShouldBe("办理中（跟踪办理），承诺于 2026年10月13日 前办结");
        ((string)progress["applicant"]!).ShouldBe("欧***");
        ((string)progress["phone"]!).ShouldBe("138****5678");
        ((string)progress["deadlineOn"]!).ShouldBe("2026-10-13");
        var text = progress.ToJsonString();
        text.ShouldNotContain("131081199001011238");
        text.ShouldNotContain("张伟");

        var wrong = await anonymous.GetAsync($"/api/v1/public/progress?number={number}&phone=13800000000");
        await wrong.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var missing = await anonymous.GetAsync($"/api/v1/public/progress?number={number}");
        (await missing.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["phone"].ShouldNotBeNull();
        (await anonymous.GetAsync($"/api/v1/public/progress?number={number}&phone=13812345678")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync($"/api/v1/public/progress?number={number}&phone=13812345678")).StatusCode.ShouldBe((HttpStatusCode)429);
    }
}
