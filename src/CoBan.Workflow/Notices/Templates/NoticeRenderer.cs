using System.Collections.Concurrent;
using System.Net;
using Scriban;

namespace CoBan.Workflow.Notices;

/// <summary>What a notice looks like on one channel, exactly as it will be sent.</summary>
public sealed record RenderedChannel(string Channel, string? Subject, string? Text, string? Html, string? SmsTemplateCode, IReadOnlyDictionary<string, string>? SmsParams);

/// <summary>
/// Renders template parts with Scriban, sandboxed (<see cref="NoticeScriban"/>). Templates are parsed once
/// and cached by (bureau, template, part, version): a saved override is a new version, so it is parsed on
/// first use and the old parse is never used again.
/// </summary>
public sealed class NoticeRenderer(NoticeCatalog catalog)
{
    private readonly ConcurrentDictionary<string, Template> _compiled = new();

    public int CompiledCount => _compiled.Count;

    public string Render(TemplateSource source, NoticeModel model) => Render(source.CacheKey(catalog.Hash), source.Part, source.Content, model);

    /// <summary>Renders unsaved content (previews): compiled each time, never cached.</summary>
    public string RenderUncached(string part, string content, NoticeModel model) =>
        NoticeScriban.Render(NoticeScriban.Compile(content, NoticeParts.IsHtml(part)), model);

    public RenderedChannel RenderSms(TemplateSource source, NoticeModel model, string? codeOverride)
    {
        var sms = SmsTemplate.Parse(source.Content);
        var key = source.CacheKey(catalog.Hash);
        var values = sms.Params.ToDictionary(p => p.Key, p => SmsBudget.Fit(Render($"{key}:{p.Key}", NoticeParts.Sms, p.Value, model).Trim()));
        return new RenderedChannel(NoticeParts.Sms, null, sms.Fill(values), null, codeOverride ?? source.SmsTemplateCode ?? sms.TemplateCode, values);
    }

    public RenderedChannel RenderSmsUncached(string content, NoticeModel model, string? codeOverride)
    {
        var sms = SmsTemplate.Parse(content);
        var values = sms.Params.ToDictionary(p => p.Key, p => SmsBudget.Fit(RenderUncached(NoticeParts.Sms, p.Value, model).Trim()));
        return new RenderedChannel(NoticeParts.Sms, null, sms.Fill(values), null, codeOverride ?? sms.TemplateCode, values);
    }

    /// <summary>A print form as a whole A4 page: the shared print style sheet around the rendered form, sanitised (PrintSafety).</summary>
    public string PrintPage(string title, string body) => Page(title, PrintSafety.Sanitize(body));

    private string Page(string title, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <style>
        {catalog.PrintCss}
        </style>
        </head>
        <body>
        {body}
        </body>
        </html>
        """;

    private string Render(string key, string part, string content, NoticeModel model) =>
        NoticeScriban.Render(_compiled.GetOrAdd(key, _ => NoticeScriban.Compile(content, NoticeParts.IsHtml(part))), model);
}
