using CoBan.Workflow.Notices;
using MimeKit;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>E-mail with MailKit against a real SMTP server that requires STARTTLS and a login, and the pickup folder.</summary>
public class MailKitEmailTests
{
    private static NoticeDelivery Delivery(string key = "42:7:email") => new()
    {
        NoticeId = 1, Channel = NoticeParts.Email, IdempotencyKey = key, Address = "liming@example.test", RecipientName = "李明",
        Subject = "【霸州市市场监督管理局】协办回执：“有限责任公司变更登记”已受理", Text = "李明您好：\n承诺于2026年10月13日前办结。", Html = "<p>李明您好：</p><p>承诺于<strong>2026年10月13日</strong>前办结。</p>",
        Status = DeliveryStatus.Sending,
    };

    private static NoticeOptions Smtp(TlsSmtpServer server, string? thumbprint, string password = TlsSmtpServer.Password) => new()
    {
        Email = new EmailOptions
        {
            Host = server.Host, Port = server.Port, Security = "starttls", UserName = TlsSmtpServer.UserName, Password = password,
            From = "noreply@bzscjg.gov.test", FromName = "霸州市市场监督管理局", TimeoutSeconds = 20, TrustedCertificateThumbprint = thumbprint,
        },
    };

    [Fact]
    public async Task A_message_goes_over_starttls_with_a_login_as_multipart_alternative_and_its_message_id_is_recorded()
    {
        await using var server = await TlsSmtpServer.StartAsync();
        var result = await new EmailChannel().SendAsync(Delivery(), Smtp(server, server.Thumbprint), CancellationToken.None);

        result.Outcome.ShouldBe(SendOutcome.Sent, result.Error + "\n" + server.Log);
        result.Provider.ShouldBe("smtp");
        var message = await MimeMessage.LoadAsync(server.Files.ShouldHaveSingleItem());
        ("<" + message.MessageId + ">").ShouldBe(result.MessageId);
        message.MessageId.ShouldBe("coban.42.7.email@bzscjg.gov.test");
        message.Subject.ShouldBe("【霸州市市场监督管理局】协办回执：“有限责任公司变更登记”已受理");
        message.From.Mailboxes.Single().Name.ShouldBe("霸州市市场监督管理局");
        message.To.Mailboxes.Single().Address.ShouldBe("liming@example.test");
        var body = message.Body.ShouldBeOfType<MultipartAlternative>();
        body.Select(p => p.ContentType.MimeType).ShouldBe(["text/plain", "text/html"]);
        message.TextBody.ShouldNotBeNull().ShouldContain("承诺于2026年10月13日前办结");
        message.HtmlBody.ShouldNotBeNull().ShouldContain("<strong>2026年10月13日</strong>");
    }

    [Fact]
    public async Task An_untrusted_certificate_or_a_wrong_password_sends_nothing_and_is_retried_not_left_uncertain()
    {
        await using var server = await TlsSmtpServer.StartAsync();
        var untrusted = await new EmailChannel().SendAsync(Delivery(), Smtp(server, thumbprint: null), CancellationToken.None);
        untrusted.Outcome.ShouldBe(SendOutcome.NotSent);
        var refused = await new EmailChannel().SendAsync(Delivery(), Smtp(server, server.Thumbprint, password: "wrong"), CancellationToken.None);
        refused.Outcome.ShouldBe(SendOutcome.NotSent);
        server.Files.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_pickup_folder_gets_one_eml_per_message_and_is_asked_afterwards()
    {
        var folder = Directory.CreateTempSubdirectory("coban-pickup-").FullName;
        try
        {
            var options = new NoticeOptions { Email = new EmailOptions { PickupFolder = folder, From = "noreply@bzscjg.gov.test" } };
            var channel = new EmailChannel();
            (await channel.ReconcileAsync(Delivery(), options, CancellationToken.None)).Outcome.ShouldBe(ReconcileOutcome.NotSent);
            var first = await channel.SendAsync(Delivery(), options, CancellationToken.None);
            var again = await channel.SendAsync(Delivery(), options, CancellationToken.None);
            first.Outcome.ShouldBe(SendOutcome.Sent);
            again.MessageId.ShouldBe(first.MessageId);
            var file = Directory.GetFiles(folder, "*.eml").ShouldHaveSingleItem();
            (await MimeMessage.LoadAsync(file)).Body.ShouldBeOfType<MultipartAlternative>();
            (await channel.ReconcileAsync(Delivery(), options, CancellationToken.None)).Outcome.ShouldBe(ReconcileOutcome.Sent);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_list_of_addresses_is_refused_not_sent_to_one_of_them()
    {
        var folder = Directory.CreateTempSubdirectory("coban-pickup-").FullName;
        try
        {
            var delivery = Delivery();
            delivery.Address = "a@example.com, b@evil.example";
            var result = await new EmailChannel().SendAsync(delivery, new NoticeOptions { Email = new EmailOptions { PickupFolder = folder } }, CancellationToken.None);
            result.Outcome.ShouldBe(SendOutcome.Refused);
            Directory.GetFiles(folder).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
