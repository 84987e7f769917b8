namespace CoBan.Workflow.Notices;

/// <summary>Print: no address and no consent; an A4 form ready to print (the applicant's phone masked), never sent.</summary>
public sealed class PrintComposer : INoticeComposer
{
    public string Name => NoticeParts.Print;
    public int Order => 2;
    public AddressKind Address => AddressKind.None;
    public bool NeedsConsent => false;
    public IReadOnlyList<string> Parts => [NoticeParts.Print];
    public string? LengthRule => "一张 A4";

    public string? SkipReason(NoticeRecipient recipient, NoticeOptions options) => null;

    public async Task ComposeAsync(ComposeContext context, NoticeDelivery delivery, CancellationToken ct)
    {
        delivery.Html = context.Renderer.PrintPage(context.Definition.Title, context.Renderer.Render(await context.Source(NoticeParts.Print), context.Model.ForPrint()));
        delivery.Status = DeliveryStatus.Ready;
    }
}
