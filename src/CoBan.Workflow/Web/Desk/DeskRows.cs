using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Public;
using CoBan.Workflow.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Web.Desk;

/// <summary>What a desk row shows of a task's case, so rows of the same step can be told apart.</summary>
public sealed record DeskCase(long Id, string Number, string Applicant, string MaskedApplicant, string? PhoneDigits, string Matter, CaseStatus Status, DateTimeOffset RegisteredAt);

/// <summary>A task on the desk with its case (null for a task outside any case) and its procedure's name.</summary>
public sealed record DeskRow(TaskInfo Task, DeskCase? Case, string Procedure);

/// <summary>The desk's search, filters, order and page, as they travel in the query string.</summary>
public sealed record DeskQuery(string? Q, string? Status, string? Urgency, string? Procedure, string? Sort, int Page)
{
    public const int PageSize = 20;
}

/// <summary>
/// The desk's rows: the task lists of <see cref="TaskQueries"/> joined with their cases, searched
/// (number, applicant, phone, matter, step), filtered (case status, urgency, procedure), sorted and paged.
/// </summary>
public sealed class DeskRows(CoBanDbContext db)
{
    public async Task<List<DeskRow>> RowsAsync(IReadOnlyList<TaskInfo> tasks, IReadOnlyDictionary<long, string> procedures, CancellationToken ct)
    {
        var ids = tasks.Where(t => t.CaseId is not null).Select(t => t.CaseId!.Value).Distinct().ToList();
        var cases = (await db.Set<Case>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => new DeskCase(c.Id, c.Number, c.ApplicantName, ProgressLookup.MaskName(c), c.PhoneDigits, c.MatterName, c.Status, c.RegisteredAt));
        return tasks.Select(t => new DeskRow(t, t.CaseId is { } id ? cases.GetValueOrDefault(id) : null, procedures.GetValueOrDefault(t.InstanceId) ?? "")).ToList();
    }

    public static IEnumerable<DeskRow> Filter(IEnumerable<DeskRow> rows, DeskQuery q)
    {
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var text = q.Q.Trim();
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            // a phone is searched by its digits (138-1234-5678 finds 13812345678), from four of them on
            var phone = digits.Length >= 4 && digits.Length >= text.Count(c => !char.IsWhiteSpace(c)) - 3 ? digits : null;
            rows = rows.Where(r =>
                Has(r.Case?.Number, text) || Has(r.Case?.Applicant, text) || Has(r.Case?.Matter, text) || Has(r.Task.Name, text) || Has(r.Procedure, text)
                || (phone is not null && r.Case?.PhoneDigits is { } p && p.Contains(phone, StringComparison.Ordinal)));
        }
        if (!string.IsNullOrEmpty(q.Status) && Enum.TryParse<CaseStatus>(q.Status, ignoreCase: true, out var status))
            rows = rows.Where(r => r.Case?.Status == status);
        rows = q.Urgency switch
        {
            "overdue" => rows.Where(r => r.Task.Overdue),
            "today" => rows.Where(r => !r.Task.Overdue && r.Task.Due is not null && r.Task.WorkingDaysLeft == 0),
            "soon" => rows.Where(r => !r.Task.Overdue && r.Task.WorkingDaysLeft is >= 0 and <= 3),
            "none" => rows.Where(r => r.Task.Due is null),
            _ => rows,
        };
        if (!string.IsNullOrEmpty(q.Procedure))
            rows = rows.Where(r => r.Procedure == q.Procedure);
        return q.Sort switch
        {
            "number" => rows.OrderBy(r => r.Case?.Number ?? "~").ThenBy(r => r.Task.Id),
            "applicant" => rows.OrderBy(r => r.Case?.Applicant ?? "~", StringComparer.Ordinal).ThenBy(r => r.Task.Id),
            "registered" => rows.OrderByDescending(r => r.Case?.RegisteredAt ?? DateTimeOffset.MinValue).ThenBy(r => r.Task.Id),
            "stage" => rows.OrderBy(r => r.Task.Name ?? r.Task.ElementId, StringComparer.Ordinal).ThenBy(r => r.Task.Due ?? DateTimeOffset.MaxValue),
            // most urgent first: overdue, then by due; tasks without a deadline last
            _ => rows.OrderBy(r => r.Task.Due is null).ThenBy(r => r.Task.Due).ThenBy(r => r.Task.Id),
        };
    }

    private static bool Has(string? value, string text) => value is not null && value.Contains(text, StringComparison.OrdinalIgnoreCase);
}
