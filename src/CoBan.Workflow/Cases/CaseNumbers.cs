using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases;

/// <summary>
/// Case numbers, taken inside the registering transaction: per bureau and year (BZ-SCJG-2026-00017),
/// or, with <see cref="CaseNumberingOptions.CentrePrefix"/>, one centre-wide 统一受理编号 sequence per
/// year (BZ-2026-000123) with the bureau's own number kept as the second number.
/// </summary>
public static partial class CaseNumbers
{
    /// <summary>
    /// The centre-wide sequence lives in the same table as the bureaus' under this bureau id, which no
    /// bureau has (ids start at 1 on SQLite and PostgreSQL), so the option needs no schema change.
    /// </summary>
    public const long CentreKey = 0;

    public static async Task<(string Number, int Year, int Sequence)> NextAsync(CoBanDbContext db, Bureau bureau, CaseNumberingOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var year = now.ToOffset(ChinaTime.Offset).Year;
        // Always the bureau's row first, then the centre's: every registration takes the locks in the same order, so none deadlock.
        var sequence = await TakeAsync(db, bureau.Id, year, ct);
        if (!options.CentreWide)
            return (BureauNumber(bureau.Code, year, sequence), year, sequence);
        var centre = await TakeAsync(db, CentreKey, year, ct);
        return (CentreNumber(options.CentrePrefix!, year, centre), year, sequence);
    }

    /// <summary>The bureau's own number; <see cref="Case.Sequence"/> always holds its sequence, so it can be rebuilt for any case.</summary>
    public static string BureauNumber(string bureauCode, int year, int sequence) => $"{bureauCode}-{year}-{sequence:D5}";

    /// <summary>Six digits, so a centre number never equals a bureau number even if a bureau's code is the centre's prefix.</summary>
    public static string CentreNumber(string prefix, int year, int sequence) => $"{prefix}-{year}-{sequence:D6}";

    /// <summary>The case a bureau number names, for a centre that numbers centre-wide (the clerk may type either number); null when none.</summary>
    public static async Task<long?> FindByBureauNumberAsync(CoBanDbContext db, string number, CancellationToken ct)
    {
        var match = BureauNumberPattern().Match(number);
        if (!match.Success) return null;
        var code = match.Groups["code"].Value;
        var year = int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var sequence = int.Parse(match.Groups["sequence"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return await (from c in db.Set<Case>()
                      join b in db.Set<Bureau>() on c.BureauId equals b.Id
                      where b.Code == code && c.Year == year && c.Sequence == sequence
                      orderby c.Id
                      select (long?)c.Id).FirstOrDefaultAsync(ct);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<code>[A-Za-z0-9-]{1,40})-(?<year>\d{4})-(?<sequence>\d{5})$")]
    private static partial System.Text.RegularExpressions.Regex BureauNumberPattern();

    private static async Task<int> TakeAsync(CoBanDbContext db, long key, int year, CancellationToken ct)
    {
        // An atomic increment: concurrent registrations queue on the row lock instead of reading the same number.
        var updated = await db.Set<CaseNumberSequence>().Where(s => s.BureauId == key && s.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Next, x => x.Next + 1), ct);
        if (updated != 0)
            return await db.Set<CaseNumberSequence>().AsNoTracking().Where(s => s.BureauId == key && s.Year == year).Select(s => s.Next).FirstAsync(ct) - 1;
        // The year's first number: a registration inserting the same row at the same moment fails on the key, and
        // RuntimeService runs the losing unit again, which then finds the row and increments it (no 409 for the clerk).
        db.Add(new CaseNumberSequence { BureauId = key, Year = year, Next = 2 });
        await db.SaveChangesAsync(ct);
        return 1;
    }
}
