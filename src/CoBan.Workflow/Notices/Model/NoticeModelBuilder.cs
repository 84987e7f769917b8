using System.Text.Json;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;

namespace CoBan.Workflow.Notices;

/// <summary>Builds the model of a notice from its row and the contributors.</summary>
public sealed class NoticeModelBuilder(IEnumerable<INoticeModelContributor> contributors)
{
    public async Task<NoticeModel> BuildAsync(CoBanDbContext db, Notice notice, CancellationToken ct)
    {
        var context = new NoticeModelContext
        {
            Db = db,
            Notice = notice,
            Model = new NoticeModel(),
            Variables = ReadMap(notice.Variables),
            Form = ReadMap(notice.Form),
        };
        foreach (var contributor in contributors.OrderBy(c => c.Order))
            await contributor.ContributeAsync(context, ct);
        return context.Model;
    }

    internal static IReadOnlyDictionary<string, object?> ReadMap(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new Dictionary<string, object?>();
        using var document = JsonDocument.Parse(json);
        return StateJson.ReadMap(document.RootElement);
    }
}
