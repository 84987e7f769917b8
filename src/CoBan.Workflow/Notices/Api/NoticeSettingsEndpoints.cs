using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Notices;

/// <summary>
/// /api/v1/notice-settings: the channel settings (SMTP, SMS provider, sender), for administrators of a
/// top-level bureau (they apply to the whole service). Secrets are write-only. A test send goes
/// straight to the channel, outside the outbox.
/// </summary>
public static class NoticeSettingsEndpoints
{
    public static IEndpointRouteBuilder MapNoticeSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/notice-settings").RequireAuthorization().WithTags("Notice settings");
        api.MapGet("/", async (NoticeSettingsStore store, CoBanDbContext db, BureauScope scope, CurrentUser user, CancellationToken ct) =>
        {
            await DemandAsync(db, scope, user, ct);
            return await store.ListAsync(db, ct);
        });
        api.MapPut("/", async (SaveSettingsRequest body, NoticeSettingsStore store, CoBanDbContext db, BureauScope scope, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        {
            await DemandAsync(db, scope, user, ct);
            if (body.Values is null)
                throw CoBanException.Invalid("values-required", "请提供要保存的设置（values）", "the settings to save (values) are required",
                    new Dictionary<string, string[]> { ["values"] = ["必填 / required"] });
            await store.SaveAsync(db, body.Values, user.DisplayName, ct);
            db.Add(new Journal.JournalEntry
            {
                At = clock.GetUtcNow(), BureauId = user.BureauId, UserId = user.Id, UserName = user.DisplayName, Ip = user.Ip, Action = "notice-settings.saved",
                Detail = "修改通知渠道设置：" + string.Join("、", body.Values.Keys),
            });
            await db.SaveChangesAsync(ct);
            return await store.ListAsync(db, ct);
        });
        api.MapPost("/test", async (TestSendRequest body, NoticeSettingsStore store, CoBanDbContext db, BureauScope scope, CurrentUser user,
            IEnumerable<INoticeChannel> channels, TimeProvider clock, CancellationToken ct) =>
        {
            await DemandAsync(db, scope, user, ct);
            var options = await store.CurrentAsync(db, ct);
            var channel = channels.FirstOrDefault(c => c.Name == body.Channel)
                ?? throw CoBanException.Invalid("bad-channel", "测试渠道应为 sms 或 email", "the test channel must be sms or email");
            var address = body.Channel == NoticeParts.Sms ? NoticeRecipients.NormalizeMobile(body.To) : NoticeRecipients.IsEmail(body.To) ? body.To.Trim() : null;
            if (address is null) throw CoBanException.Invalid("bad-address", "收件地址无效", "the address is not valid");
            var now = clock.GetUtcNow();
            var delivery = new NoticeDelivery
            {
                Channel = body.Channel, IdempotencyKey = $"test:{now.UtcTicks}:{body.Channel}", Address = address, RecipientName = user.DisplayName,
                Subject = "CoBan 通知渠道测试", Text = $"这是一条测试消息，由{user.DisplayName}于{ChineseDates.DateTime(now)}发送。",
                Html = $"<p>这是一条测试消息，由{System.Net.WebUtility.HtmlEncode(user.DisplayName)}于{ChineseDates.DateTime(now)}发送。</p>",
                SmsTemplateCode = options.Sms.TemplateCodes.GetValueOrDefault("test") ?? "TEST",
                SmsParams = "{\"time\":\"" + ChineseDates.DateTime(now) + "\"}", CreatedAt = now,
            };
            var result = await channel.SendAsync(delivery, options, ct);
            return new TestSendResult(result.Outcome.LowerCode(), result.Provider, result.MessageId, result.Error);
        });
        return app;
    }

    private static async Task DemandAsync(CoBanDbContext db, BureauScope scope, CurrentUser user, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var parent = await db.Set<Bureau>().Where(b => b.Id == user.BureauId).Select(b => b.ParentId).FirstOrDefaultAsync(ct);
        if (parent is not null)
            throw CoBanException.Forbidden("通知渠道设置对全市生效，只能由最上级单位的管理员修改", "channel settings apply to the whole service: only an administrator of a top-level bureau may change them");
    }
}
