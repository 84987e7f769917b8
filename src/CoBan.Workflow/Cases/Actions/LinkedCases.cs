using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Matters;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases.Actions;

/// <summary>
/// A case opened at another bureau from this one (a joint chain's next link, a transfer accepted):
/// the applicant, contact, consent, materials and service mode carry over, and so does the first
/// contact (首问负责, seed 004: whoever the applicant asked first stays their contact).
/// </summary>
internal static class LinkedCases
{
    public static async Task<Case> OpenAsync(CaseStep step, Case source, Bureau bureau, AppUser owner, long? chainId, MatterChainLink? link, string journal, CancellationToken ct)
    {
        var matterId = link?.PartMatterId ?? source.MatterId;
        var matterName = link?.PartMatterId is { } part
            ? await step.Db.Set<Matter>().Where(m => m.Id == part).Select(m => m.Name).FirstAsync(ct)
            : source.MatterName;
        var c = new Case
        {
            Number = "", MatterId = matterId, MatterName = matterName, Description = source.Description,
            ApplicantType = source.ApplicantType, ApplicantName = source.ApplicantName, ApplicantIdNumber = source.ApplicantIdNumber, ApplicantIdType = source.ApplicantIdType,
            ContactPerson = source.ContactPerson, Phone = source.Phone, PhoneDigits = source.PhoneDigits, Email = source.Email, Address = source.Address,
            ConsentSms = source.ConsentSms, ConsentEmail = source.ConsentEmail, ServiceMode = source.ServiceMode, Entrustment = source.Entrustment,
            MaterialsReceived = source.MaterialsReceived, OwnerId = owner.Id, FirstContactId = source.FirstContactId,
            ChainId = chainId, ChainPosition = link?.Position, SourceCaseId = source.Id, Category = chainId is null ? CaseCategory.Own : CaseCategory.Joint,
        };
        await CaseFactory.OpenAsync(step.Unit, c, bureau, owner, CaseFactory.IntakeFor(bureau), new Dictionary<string, object?>
        {
            ["sourceCaseNumber"] = source.Number,
        }, journal, ct);
        return c;
    }
}
