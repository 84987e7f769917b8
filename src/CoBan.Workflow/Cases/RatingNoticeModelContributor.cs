using CoBan.Workflow.Notices;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases;

/// <summary>
/// Adds <c>rating.url</c> (the short link to the case's 好差评 page) and <c>rating.qr</c> (its QR code
/// as a PNG data URI) to every notice of a case, for receipts, completion replies and SMS (issue 21).
/// Both are absent while no public base URL is set.
/// </summary>
public sealed class RatingNoticeModelContributor(NoticeSettingsStore settings) : INoticeModelContributor
{
    public int Order => 20;

    public async Task ContributeAsync(NoticeModelContext context, CancellationToken ct)
    {
        if (context.Notice.CaseId is not { } caseId) return;
        var number = await context.Db.Set<Case>().AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Number).FirstOrDefaultAsync(ct);
        if (number is null || RatingLinks.Url((await settings.CurrentAsync(context.Db, ct)).PublicBaseUrl, number) is not { } url) return;
        context.Model.SetAll("rating", ("url", url), ("qr", RatingLinks.QrPngDataUri(url)));
    }
}
