using CoBan.Workflow.Data;

namespace CoBan.Workflow.Notices;

/// <summary>Renders a notice's print form from the current data (when no print delivery was stored).</summary>
public sealed class NoticePrinter(NoticeCatalog catalog, NoticeModelBuilder models, NoticeTemplateStore templates, NoticeRenderer renderer)
{
    public async Task<string> RenderAsync(CoBanDbContext db, Notice notice, CancellationToken ct)
    {
        var definition = catalog.Get(notice.Template);
        if (!definition.Channels.Contains(NoticeParts.Print))
            throw CoBanException.NotFound($"“{definition.Title}”的打印模板", $"a print template for '{notice.Template}'");
        var source = await templates.ResolveAsync(db, notice.BureauId, notice.Template, NoticeParts.Print, ct)
            ?? throw CoBanException.NotFound($"“{definition.Title}”的打印模板", $"a print template for '{notice.Template}'");
        var model = await models.BuildAsync(db, notice, ct);
        return renderer.PrintPage(definition.Title, renderer.Render(source, model.ForPrint()));
    }
}
