using System.Text.RegularExpressions;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Cases;

/// <summary>好差评 from paper and phone: a QR code drawn locally and a short link to the case's rating page (issue 21).</summary>
public class RatingLinkTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_receipt_and_the_completion_reply_carry_a_qr_code_and_a_short_link_that_leads_to_the_cases_rating_page(Db db)
    {
        await using var host = await StartAsync(db, settings: new() { ["CoBan:Notices:PublicBaseUrl"] = "https://zwfw.bz.example/" });
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll, applicant: Applicant("周明", "13900002222"))));
        var number = (string)(await CaseAsync(zhang, id))["summary"]!["number"]!;
        var link = $"https://zwfw.bz.example/r/{number}";

        await CompleteAsync(zhang, id, "review", new { kind = "commitment", committedDays = 5 });
        var receipt = await zhang.GetStringAsync($"/print/cases/{id}/receipt");
        receipt.ShouldContain(link);
        var qr = Regex.Match(receipt, "src=\"data:image/png;base64,([^\"]+)\"");
        qr.Success.ShouldBeTrue("the receipt carries the QR code as an image drawn by the server");
        var png = Convert.FromBase64String(System.Net.WebUtility.HtmlDecode(qr.Groups[1].Value));
        png.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });

        await CompleteAsync(zhang, id, "handle", new { outcome = "approved" });
        await CompleteAsync(zhang, id, "log", InPersonLog);
        (await zhang.GetStringAsync($"/print/cases/{id}/completion-reply")).ShouldContain(link);

        // The link itself: the public lookup with the number filled in; the phone is still asked for.
        var redirect = await host.Anonymous().GetAsync($"/r/{number}");
        ((int)redirect.StatusCode).ShouldBe(302);
        redirect.Headers.Location!.OriginalString.ShouldBe($"/public/lookup?number={number}");
        (await host.Anonymous().GetStringAsync(redirect.Headers.Location.OriginalString)).ShouldContain($"value=\"{number}\"");
    }
}
