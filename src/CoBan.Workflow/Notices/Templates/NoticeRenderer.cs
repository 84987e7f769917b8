using System.Collections.Concurrent;
using System.Net;
using HandlebarsDotNet;

namespace CoBan.Workflow.Notices;

/// <summary>What a notice looks like on one channel, exactly as it will be sent.</summary>
public sealed record RenderedChannel(string Channel, string? Subject, string? Text, string? Html, string? SmsTemplateCode, IReadOnlyDictionary<string, string>? SmsParams);

/// <summary>
/// Renders template parts with Handlebars.Net. Templates are compiled once and cached by (bureau,
/// template, part, version): a saved override is a new version, so it is compiled on first use and
/// the old compilation is never used again.
/// </summary>
public sealed class NoticeRenderer(NoticeCatalog catalog)
{
    private readonly IHandlebars _html = NoticeHandlebars.Create(html: true);
    private readonly IHandlebars _text = NoticeHandlebars.Create(html: false);
    private readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> _compiled = new();

    public int CompiledCount => _compiled.Count;

    public string Render(TemplateSource source, NoticeModel model) => Render(source.CacheKey(catalog.Hash), source.Part, source.Content, model);

    /// <summary>Renders unsaved content (previews): compiled each time, never cached.</summary>
    public string RenderUncached(string part, string content, NoticeModel model) => Environment(part).Compile(content)(model.Root);

    public RenderedChannel RenderSms(TemplateSource source, NoticeModel model, string? codeOverride)
    {
        var sms = SmsTemplate.Parse(source.Content);
        var key = source.CacheKey(catalog.Hash);
        var values = sms.Params.ToDictionary(p => p.Key, p => Render($"{key}:{p.Key}", NoticeParts.Sms, p.Value, model).Trim());
        return new RenderedChannel(NoticeParts.Sms, null, sms.Fill(values), null, codeOverride ?? source.SmsTemplateCode ?? sms.TemplateCode, values);
    }

    public RenderedChannel RenderSmsUncached(string content, NoticeModel model, string? codeOverride)
    {
        var sms = SmsTemplate.Parse(content);
        var values = sms.Params.ToDictionary(p => p.Key, p => _text.Compile(p.Value)(model.Root).Trim());
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
        _compiled.GetOrAdd(key, _ => Environment(part).Compile(content))(model.Root);

    private IHandlebars Environment(string part) => NoticeParts.IsHtml(part) ? _html : _text;
}
