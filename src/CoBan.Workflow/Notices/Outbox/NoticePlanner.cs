using System.Text.Json;
using CoBan.Workflow.Data;

namespace CoBan.Workflow.Notices;

/// <summary>A notice rendered for each of its channels, ready to be stored as deliveries.</summary>
public sealed record NoticePlan(List<NoticeDelivery> Deliveries, string? Error);

/// <summary>
/// Decides a notice's channels and renders each one. The channels are the BPMN element's
/// coban:channels if given, else the template's; then each needs the recipient's address and, for an
/// applicant, consent (Case.ConsentSms / ConsentEmail). Print needs neither. A channel that cannot be
/// used is kept as a skipped delivery saying why, so the case timeline shows it.
/// </summary>
public sealed class NoticePlanner(NoticeCatalog catalog, NoticeModelBuilder models, NoticeRecipients recipients, NoticeTemplateStore templates,
    NoticeRenderer renderer, SmsChannel sms)
{
    public async Task<NoticePlan> PlanAsync(CoBanDbContext db, Notice notice, NoticeOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var definition = catalog.Find(notice.Template);
        if (definition is null)
            return new NoticePlan([], $"通知模板“{notice.Template}”不存在 / there is no notice template '{notice.Template}'");
        var model = await models.BuildAsync(db, notice, ct);
        var context = new NoticeModelContext { Db = db, Notice = notice, Model = model, Variables = NoticeModelBuilder.ReadMap(notice.Variables), Form = NoticeModelBuilder.ReadMap(notice.Form) };
        var recipient = await recipients.ResolveAsync(context, ct);

        var requested = (notice.Channels ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var channels = (requested.Length > 0 ? requested : definition.Channels).Distinct().OrderBy(c => Array.IndexOf(NoticeParts.Channels, c)).ToList();
        var deliveries = new List<NoticeDelivery>();
        foreach (var channel in channels)
        {
            var delivery = new NoticeDelivery
            {
                NoticeId = notice.Id, Channel = channel, IdempotencyKey = $"{notice.IdempotencyKey}:{channel}", RecipientName = recipient.Name,
                Status = DeliveryStatus.Pending, MaxAttempts = Math.Max(1, options.Dispatcher.MaxAttempts), NextAttemptAt = now, CreatedAt = now,
            };
            deliveries.Add(delivery);
            var skip = SkipReason(channel, definition, recipient, options);
            if (skip is not null)
            {
                delivery.Status = DeliveryStatus.Skipped;
                delivery.Note = skip;
                continue;
            }
            await RenderAsync(db, notice, definition, channel, model, recipient, options, delivery, ct);
        }
        var error = deliveries.All(d => d.Status == DeliveryStatus.Skipped)
            ? "没有可用的送达渠道：" + string.Join("；", deliveries.Select(d => $"{NoticeParts.Label(d.Channel)}：{d.Note}")) + " / no channel can deliver this notice"
            : null;
        return new NoticePlan(deliveries, error);
    }

    private string? SkipReason(string channel, NoticeDefinition definition, NoticeRecipient recipient, NoticeOptions options)
    {
        string? reason = null;
        if (!definition.Channels.Contains(channel)) reason = $"该通知没有{NoticeParts.Label(channel)}模板";
        else if (channel == NoticeParts.Sms)
        {
            if (sms.Gateway(options) is null) reason = "短信通道未配置";
            else if (NoticeRecipients.NormalizeMobile(recipient.Phone) is null) reason = recipient.Phone is null ? "没有手机号码" : "手机号码无效";
            else if (!recipient.Staff && !recipient.ConsentSms) reason = "申请人未同意短信告知";
        }
        else if (channel == NoticeParts.Email)
        {
            if (!NoticeRecipients.IsEmail(recipient.Email)) reason = recipient.Email is null ? "没有电子邮箱" : "电子邮箱无效";
            else if (!recipient.Staff && !recipient.ConsentEmail) reason = "申请人未同意电子邮件告知";
        }
        return reason;
    }

    private async Task RenderAsync(CoBanDbContext db, Notice notice, NoticeDefinition definition, string channel, NoticeModel model, NoticeRecipient recipient,
        NoticeOptions options, NoticeDelivery delivery, CancellationToken ct)
    {
        async Task<TemplateSource> Source(string part) => await templates.ResolveAsync(db, notice.BureauId, notice.Template, part, ct)
            ?? throw new InvalidOperationException($"template part {notice.Template}/{part} is missing");
        switch (channel)
        {
            case NoticeParts.Sms:
                // The approved template code: a bureau override's own code, else the deployment's (configuration), else the catalog's.
                var source = await Source(NoticeParts.Sms);
                var code = source.SmsTemplateCode ?? options.Sms.TemplateCodes.GetValueOrDefault(definition.Name);
                var rendered = renderer.RenderSms(source, model, code);
                delivery.SmsTemplateCode = rendered.SmsTemplateCode;
                delivery.SmsParams = JsonSerializer.Serialize(rendered.SmsParams, JsonDefaults.StoredIndented);
                delivery.Text = (options.Sms.SignName is { Length: > 0 } sign ? $"【{sign}】" : "") + rendered.Text;
                delivery.Address = NoticeRecipients.NormalizeMobile(recipient.Phone);
                break;
            case NoticeParts.Email:
                delivery.Subject = renderer.Render(await Source(NoticeParts.EmailSubject), model).Trim().ReplaceLineEndings(" ");
                delivery.Text = renderer.Render(await Source(NoticeParts.EmailText), model);
                delivery.Html = renderer.Render(await Source(NoticeParts.EmailHtml), model);
                delivery.Address = recipient.Email!.Trim();
                break;
            case NoticeParts.Print:
                delivery.Html = renderer.PrintPage(definition.Title, renderer.Render(await Source(NoticeParts.Print), model.ForPrint()));
                delivery.Status = DeliveryStatus.Ready;
                break;
        }
    }
}
