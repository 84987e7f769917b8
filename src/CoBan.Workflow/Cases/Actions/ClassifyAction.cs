using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Matters;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases.Actions;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>
/// case.classify — 登记分类 (seed 000): exactly one category from the matter and the bureau.
/// Own (the matter is this bureau's), joint (the matter's chain includes this bureau; a first-link or
/// handed-over case is a link, a case registered at a middle or last link is an "entry" guided to the
/// first link), transfer (neither). Also computes what is missing from the matter's materials.
/// Parameter mode=agency (village stations, seed 004): the station takes the request as an agent for its town centre.
/// </summary>
public sealed class ClassifyAction : CaseAction
{
    public override string Name => "case.classify";

    protected override async Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        step.DemandOpen("分类");
        var db = step.Db;
        var matter = await step.MatterAsync(ct);
        var bureau = await db.Set<Bureau>().AsNoTracking().FirstAsync(b => b.Id == c.BureauId, ct);
        var chainMatterId = c.ChainId is { } existing ? await db.Set<JointChain>().Where(j => j.Id == existing).Select(j => j.MatterId).FirstAsync(ct) : matter.Id;
        var links = await db.Set<MatterChainLink>().AsNoTracking().Where(l => l.MatterId == chainMatterId).OrderBy(l => l.Position).ToListAsync(ct);

        string chainRole = "none";
        var hasNextLink = false;
        long? competent = null;
        if (step.Text("mode") == "agency")
        {
            c.Category = CaseCategory.Own;
        }
        else if (c.ChainId is not null && c.ChainPosition is { } position)
        {
            c.Category = CaseCategory.Joint;
            chainRole = "link";
            hasNextLink = position < links.Count;
        }
        else if (matter.IsJoint && links.Count > 0)
        {
            var index = links.FindIndex(l => l.BureauId == c.BureauId);
            if (index < 0)
            {
                c.Category = CaseCategory.Transfer;
                competent = links[0].BureauId;
            }
            else
            {
                c.Category = CaseCategory.Joint;
                var chain = new JointChain { MatterId = matter.Id, ApplicantName = c.ApplicantName, FirstCaseId = c.Id, CreatedAt = step.Now };
                db.Add(chain);
                await db.SaveChangesAsync(ct);
                c.ChainId = chain.Id;
                if (index == 0)
                {
                    c.ChainPosition = 1;
                    chainRole = "link";
                    hasNextLink = links.Count > 1;
                }
                else chainRole = "entry"; // seed 000: a middle or last link guides the applicant to the first link's bureau
            }
        }
        else if (matter.BureauId == c.BureauId) c.Category = CaseCategory.Own;
        else
        {
            c.Category = CaseCategory.Transfer;
            competent = matter.BureauId;
        }

        var missing = await MissingAsync(step, ct);
        c.MaterialsMissing = JsonDefaults.WriteList(missing);
        c.RowVersion++;
        var competentBureau = competent is null ? null : await db.Set<Bureau>().AsNoTracking().FirstAsync(b => b.Id == competent, ct);
        var detail = $"登记分类：{c.Category.Zh()}" + chainRole switch
        {
            "link" => $"（联办第 {c.ChainPosition} 环节，共 {links.Count} 个环节）",
            "entry" => "（本单位非第一环节，导引至第一环节）",
            _ => "",
        } + (competentBureau is null ? "" : $"，有权单位：{competentBureau.Name}") + (missing.Count == 0 ? "；材料齐全" : $"；缺少材料：{string.Join("、", missing)}");
        step.Journal("case.classified", detail, null, JsonDefaults.Write(new { category = c.Category.Code(), chainRole, missing }));

        return Out(("category", c.Category.Code()), ("chainRole", chainRole), ("hasNextLink", hasNextLink), ("chainPosition", (long?)c.ChainPosition),
            ("missingCount", (long)missing.Count), ("missingMaterials", missing.Cast<object?>().ToList()),
            ("tolerantAllowed", matter.TolerantAcceptance), ("limitDays", (long)matter.LimitWorkingDays),
            ("competentBureau", competentBureau?.Code), ("competentBureauName", competentBureau?.Name),
            ("townCode", await TownAsync(step, bureau, ct)), ("homeVisit", c.HomeVisitAt is not null), ("homeVisitAt", c.HomeVisitAt));
    }

    /// <summary>Required materials of the matter not handed in (the one-time notice lists all of them).</summary>
    internal static async Task<List<string>> MissingAsync(CaseStep step, CancellationToken ct)
    {
        var received = JsonDefaults.ReadList(step.Case.MaterialsReceived).ToHashSet();
        var required = await step.Db.Set<MatterMaterial>().AsNoTracking().Where(m => m.MatterId == step.Case.MatterId && m.Required)
            .OrderBy(m => m.Position).Select(m => m.Name).ToListAsync(ct);
        return required.Where(r => !received.Contains(r)).ToList();
    }

    private static async Task<string?> TownAsync(CaseStep step, Bureau bureau, CancellationToken ct) =>
        bureau.Level == BureauLevel.VillageStation && bureau.ParentId is { } parent
            ? await step.Db.Set<Bureau>().Where(b => b.Id == parent).Select(b => b.Code).FirstAsync(ct)
            : null;
}
