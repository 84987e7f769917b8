using CoBan.Workflow.Api;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases;

/// <summary>Case numbers per bureau and year: BZ-SCJG-2026-00017. Taken inside the registering transaction.</summary>
public static class CaseNumbers
{
    public static async Task<(string Number, int Year, int Sequence)> NextAsync(CoBanDbContext db, Bureau bureau, DateTimeOffset now, CancellationToken ct)
    {
        var year = now.ToOffset(CaseCodes.China).Year;
        // An atomic increment: concurrent registrations queue on the row lock instead of reading the same number.
        var updated = await db.Set<CaseNumberSequence>().Where(s => s.BureauId == bureau.Id && s.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Next, x => x.Next + 1), ct);
        int sequence;
        if (updated == 0)
        {
            var row = new CaseNumberSequence { BureauId = bureau.Id, Year = year, Next = 2 };
            db.Add(row);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException)
            {
                throw CoBanException.Conflict("number-race", "另一位协办员同时登记了本年度第一件，请重试", "another registration took the year's first number at the same moment; try again");
            }
            sequence = 1;
        }
        else
            sequence = await db.Set<CaseNumberSequence>().AsNoTracking().Where(s => s.BureauId == bureau.Id && s.Year == year).Select(s => s.Next).FirstAsync(ct) - 1;
        return ($"{bureau.Code}-{year}-{sequence:D5}", year, sequence);
    }
}
