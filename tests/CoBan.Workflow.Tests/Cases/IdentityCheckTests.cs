using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Cases;

/// <summary>Identity documents at registration: check characters (GB 11643, GB 32100) and each permit's own format (issue 21).</summary>
public class IdentityCheckTests
{
    private static object Person(string? idType, string idNumber, string type = "person", string name = "陈思远") =>
        new { type, name, phone = "13812345678", contactPerson = type == "enterprise" ? "王经理" : null, idType, idNumber };

    private static async Task<JsonNode> RefusedAsync(HttpClient zhang, object applicant, string field)
    {
        var response = await zhang.PostAsJsonAsync("/api/v1/cases", Registration("SCJG-003", "BZ-SCJG", [], applicant: applicant));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        return problem["errors"]![field].ShouldNotBeNull($"the error names {field}: {problem.ToJsonString()}");
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_wrong_check_character_is_refused_naming_the_field_and_permits_and_passports_are_accepted_by_their_own_formats(Db db)
    {
        await using var host = await StartAsync(db);
        var zhang = await host.LoginAsync("zhang.wei");

        // 13108119900101123X: one slip from the valid 131081199001011238.
        ((string)(await RefusedAsync(zhang, Person(null, "13108119900101123X"), "applicant.idNumber"))[0]!).ShouldContain("居民身份证号码校验码不正确");
        ((string)(await RefusedAsync(zhang, Person("residentId", "131081199002301238"), "applicant.idNumber"))[0]!).ShouldContain("出生日期");
        ((string)(await RefusedAsync(zhang, Person("hkMacauPermit", "12345678"), "applicant.idNumber"))[0]!).ShouldContain("港澳居民来往内地通行证");
        ((string)(await RefusedAsync(zhang, Person("taiwanPermit", "H1234567"), "applicant.idNumber"))[0]!).ShouldContain("台湾居民来往大陆通行证");
        ((string)(await RefusedAsync(zhang, Person("foreignPermanentResident", "911234198001011230"), "applicant.idNumber"))[0]!).ShouldContain("校验码");
        ((string)(await RefusedAsync(zhang, Person("visa", "E12345678"), "applicant.idType"))[0]!).ShouldContain("证件类型无效");
        ((string)(await RefusedAsync(zhang, Person("creditCode", "91110108551385082Q"), "applicant.idType"))[0]!).ShouldContain("个人申请人");
        // An enterprise's 统一社会信用代码 (GB 32100): the last character is a MOD 31 check.
        ((string)(await RefusedAsync(zhang, Person(null, "91110108551385082R", "enterprise", "霸州市某某有限公司"), "applicant.idNumber"))[0]!)
            .ShouldContain("统一社会信用代码校验码不正确");

        foreach (var (idType, number, expected) in new[]
        {
            ((string?)null, "131081 19900101 1238", "131081199001011238"),
            ("passport", "e12345678", "E12345678"),
            ("hkMacauPermit", "H12345678", "H12345678"),
            ("taiwanPermit", "12345678", "12345678"),
            ("foreignPermanentResident", "USA110076010100", "USA110076010100"),
            ("foreignPermanentResident", "91123419800101123" + Mod11("91123419800101123"), "91123419800101123" + Mod11("91123419800101123")),
        })
        {
            var detail = await RegisterAsync(zhang, Registration("SCJG-003", "BZ-SCJG", [], applicant: Person(idType, number)));
            ((string?)detail["applicant"]!["idNumber"]).ShouldBe(expected);
            ((string?)detail["applicant"]!["idType"]!["code"]).ShouldBe(idType ?? "residentId");
        }
        var company = await RegisterAsync(zhang, Registration("SCJG-003", "BZ-SCJG", [], applicant: Person(null, "91110108551385082Q", "enterprise", "霸州市某某有限公司")));
        ((string?)company["applicant"]!["idType"]!["label"]).ShouldBe("统一社会信用代码");
    }

    private static char Mod11(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        return "10X98765432"[first17.Select((c, i) => (c - '0') * weights[i]).Sum() % 11];
    }
}
