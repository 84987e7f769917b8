using CoBan.Workflow.Identity;

namespace CoBan.Workflow.Web;

public static class RoleNames
{
    public static string Of(string role, Lang lang) => lang.IsEn ? role switch
    {
        Roles.ProcessOwner => "process owner", Roles.Coordinator => "coordinator", Roles.DutyLeader => "duty leader",
        Roles.Administrator => "administrator", Roles.Supervisor => "supervisor", Roles.ChiefCoordinator => "chief coordinator", _ => role,
    } : Roles.Label(role);
}
