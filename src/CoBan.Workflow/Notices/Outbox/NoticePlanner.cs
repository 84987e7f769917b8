using System.Text.Json;
using CoBan.Workflow.Data;

namespace CoBan.Workflow.Notices;

/// <summary>A notice rendered for each of its channels, ready to be stored as deliveries.</summary>
public sealed record NoticePlan(List<NoticeDelivery> Deliveries, string? Error);

/// <summary>
/// Decides a notice's channels and renders each one. The channels are the BPMN element's
/// coban:channels if given, else the template's; then each needs the recipient's address and, for an
/// applicant, consent (Case.ConsentSms / ConsentEmail) as its composer (INoticeComposer) declares; print
/// needs neither. A channel that cannot be used is kept as a skipped delivery saying why, so the case
/// timeline shows it. The planner knows no channel by name: the registered composers do the rest.
/// </summary>
public sealed class NoticePlanner(NoticeCatalog catalog, NoticeModelBuilder models, NoticeRecipients recipients, NoticeTemplateStore templates,
    NoticeRenderer renderer, IEnumerable<INoticeComposer> composers)
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
        var known = composers.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var channels = (requested.Length > 0 ? requested : definition.Channels).Distinct().OrderBy(c => known.TryGetValue(c, out var k) ? k.Order : int.MaxValue).ToList();
        var compose = new ComposeContext
        {
            Definition = definition, Model = model, Recipient = recipient, Options = options, Renderer = renderer,
            Source = async part => await templates.ResolveAsync(db, notice.BureauId, notice.Template, part, ct)
                ?? throw new InvalidOperationException($"template part {notice.Template}/{part} is missing"),
        };
        var deliveries = new List<NoticeDelivery>();
        foreach (var channel in channels)
        {
            var delivery = new NoticeDelivery
            {
                NoticeId = notice.Id, Channel = channel, IdempotencyKey = $"{notice.IdempotencyKey}:{channel}", RecipientName = recipient.Name,
                Status = DeliveryStatus.Pending, MaxAttempts = Math.Max(1, options.Dispatcher.MaxAttempts), NextAttemptAt = now, CreatedAt = now,
            };
            deliveries.Add(delivery);
            var composer = known.GetValueOrDefault(channel);
            var skip = composer is null ? $"未知的送达渠道“{channel}”"
                : !definition.Channels.Contains(channel) ? $"该通知没有{NoticeParts.Label(channel)}模板"
                : composer.SkipReason(recipient, options);
            if (skip is not null)
            {
                delivery.Status = DeliveryStatus.Skipped;
                delivery.Note = skip;
                continue;
            }
            await composer!.ComposeAsync(compose, delivery, ct);
        }
        var error = deliveries.All(d => d.Status == DeliveryStatus.Skipped)
            ? "没有可用的送达渠道：" + string.Join("；", deliveries.Select(d => $"{NoticeParts.Label(d.Channel)}：{d.Note}")) + " / no channel can deliver this notice"
            : null;
        return new NoticePlan(deliveries, error);
    }
}
