using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace CoBan.Workflow.Tests.Infrastructure;

public class SmtpDeliveryTests
{
    [Fact]
    public async Task Chinese_subject_and_plain_plus_html_alternatives_arrive_intact()
    {
        const string subject = "【承诺件】办理时限提醒：您的申请（受理编号 2026-0001）将于3个工作日内办结";
        const string plain = "张三 您好：\n\n您于2026年11月20日提交的《营业执照变更登记》申请已受理，\n承诺办结时限为5个工作日。\n\n市民服务中心 综合窗口";
        const string html = "<p>张三 您好：</p><p>您于2026年11月20日提交的<b>《营业执照变更登记》</b>申请已受理，承诺办结时限为5个工作日。</p><p>市民服务中心 综合窗口</p>";

        await using var server = await TestSmtpServer.StartAsync();

        using (var message = new MailMessage())
        {
            message.From = new MailAddress("noreply@coban.test", "市民服务中心", Encoding.UTF8);
            message.To.Add(new MailAddress("zhangsan@example.test", "张三", Encoding.UTF8));
            message.Subject = subject;
            message.SubjectEncoding = Encoding.UTF8;
            message.HeadersEncoding = Encoding.UTF8;
            // Body stays empty: two AlternateViews, text/plain first, then text/html (see STACK.md's e-mail notes).
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(plain, Encoding.UTF8, MediaTypeNames.Text.Plain));
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(html, Encoding.UTF8, MediaTypeNames.Text.Html));

            using var client = server.CreateClient();
            await client.SendMailAsync(message);
        }

        var mail = (await server.WaitForMessagesAsync(1)).ShouldHaveSingleItem();

        mail.Subject.ShouldBe(subject, mail.Raw);
        mail.From.ShouldNotBeNull().ShouldContain("市民服务中心");
        mail.From.ShouldContain("noreply@coban.test");
        mail.To.ShouldNotBeNull().ShouldContain("张三");

        mail.Root.MediaType.ShouldBe("multipart/alternative", mail.Raw);
        mail.Leaves.Select(p => p.MediaType).ShouldBe(["text/plain", "text/html"]);
        mail.Leaves.ShouldAllBe(p => string.Equals(p.Charset, "utf-8", StringComparison.OrdinalIgnoreCase));
        mail.PlainText.ShouldBe(plain);
        mail.Html.ShouldBe(html);
    }

    [Fact]
    public void Header_decoding_joins_adjacent_encoded_words_split_inside_a_character()
    {
        // "办理" is E5 8A 9E E7 90 86 in UTF-8; split after the first byte of 理 across two encoded words.
        var value = "=?utf-8?B?5Yqe5w==?=\n =?UTF-8?Q?=90=86_ok?= (plain) =?gb2312?B?zOHQ0Q==?=";

        MimeEntity.DecodeHeaderValue(value).ShouldBe("办理 ok (plain) 提醒");
    }
}
