namespace CoBan.Workflow.Notices;

/// <summary>E-mail: one address, the applicant's consent, subject, plain text and HTML.</summary>
public sealed class EmailComposer : INoticeComposer
{
    public string Name => NoticeParts.Email;
    public int Order => 1;
    public AddressKind Address => AddressKind.Email;
    public bool NeedsConsent => true;
    public IReadOnlyList<string> Parts => [NoticeParts.EmailSubject, NoticeParts.EmailText, NoticeParts.EmailHtml];
    public string? LengthRule => null;

    public string? SkipReason(NoticeRecipient recipient, NoticeOptions options) =>
        !NoticeRecipients.IsEmail(recipient.Email) ? (recipient.Email is null ? "没有电子邮箱" : "电子邮箱无效")
        : !recipient.Staff && !recipient.ConsentEmail ? "申请人未同意电子邮件告知"
        : null;

    public async Task ComposeAsync(ComposeContext context, NoticeDelivery delivery, CancellationToken ct)
    {
        var (renderer, model) = (context.Renderer, context.Model);
        delivery.Subject = renderer.Render(await context.Source(NoticeParts.EmailSubject), model).Trim().ReplaceLineEndings(" ");
        delivery.Text = renderer.Render(await context.Source(NoticeParts.EmailText), model);
        delivery.Html = renderer.Render(await context.Source(NoticeParts.EmailHtml), model);
        delivery.Address = context.Recipient.Email!.Trim();
    }
}
