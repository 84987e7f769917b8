using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Web;

/// <summary>Who is signed in, with the bureau's name, loaded once per request.</summary>
public sealed class UserSession(CurrentUser me, CoBanDbContext db)
{
    private Me? _me;

    public async Task<Me?> MeAsync()
    {
        if (_me is not null || !me.IsAuthenticated) return _me;
        var bureau = await db.Set<Bureau>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == me.BureauId);
        return _me = new Me(me.Id!, me.UserName, me.DisplayName, me.BureauId, bureau?.Code ?? "", bureau?.Name ?? "", me.Roles.ToList());
    }
}

public static class MeExtensions
{
    public static bool Is(this Me? me, params string[] roles) => me is not null && roles.Any(me.Roles.Contains);
    public static bool IsAdmin(this Me? me) => me.Is(Roles.Administrator);
    public static bool IsDeskUser(this Me? me) => me.Is(Roles.Coordinator, Roles.ChiefCoordinator, Roles.DutyLeader);
    public static bool IsDesigner(this Me? me) => me.Is(Roles.ProcessOwner, Roles.Administrator);
    /// <summary>Who sees more than their own supervision figures (SupervisionAccess): supervisors their scope, leaders their bureau.</summary>
    public static bool IsOverseer(this Me? me) => me.Is(Roles.Supervisor, Roles.DutyLeader, Roles.ChiefCoordinator);

    /// <summary>ProcedureService's rule: the bureau's process owners and administrators edit and publish.</summary>
    public static bool CanEditProcedures(this Me? me, long bureauId) =>
        me.IsAdmin() || (me.Is(Roles.ProcessOwner) && me!.BureauId == bureauId);
}
