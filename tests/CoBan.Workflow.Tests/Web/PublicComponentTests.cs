using CoBan.Workflow.Rosters;
using CoBan.Workflow.Web.Public;

namespace CoBan.Workflow.Tests.Web;

public class PublicComponentTests
{
    [Fact]
    public async Task The_duty_board_shows_the_office_phone_and_never_the_mobile()
    {
        var person = new DutyPerson("zhang.wei", "张伟", "审批科科员", "3 号窗口", "0316-7221003", "13800000005", new TimeOnly(8, 30), new TimeOnly(17, 30), HasPhoto: false);
        var html = await Render.HtmlAsync<Person>(new() { ["Value"] = person });
        html.ShouldContain("张伟");
        html.ShouldContain("3 号窗口");
        html.ShouldContain("tel:0316-7221003");
        html.ShouldNotContain("13800000005");
        html.ShouldContain("class=\"avatar\"");
    }

    [Fact]
    public async Task A_person_with_a_photo_gets_the_public_photo_address()
    {
        var person = new DutyPerson("wang.fang", "王芳", null, null, null, null, new TimeOnly(8, 30), new TimeOnly(17, 30), HasPhoto: true);
        (await Render.HtmlAsync<Person>(new() { ["Value"] = person })).ShouldContain("src=\"/api/v1/public/photos/wang.fang\"");
    }
}
