namespace CoBan.Workflow.Identity;

/// <summary>The five roles (DOMAIN.md "Who"). Role names are stable identifiers; labels are Chinese.</summary>
public static class Roles
{
    public const string ProcessOwner = "processOwner";
    public const string Coordinator = "coordinator";
    public const string DutyLeader = "dutyLeader";
    public const string Administrator = "administrator";
    public const string Supervisor = "supervisor";
    /// <summary>A bureau's lead coordinator (首席协办员, seed 003); also a coordinator.</summary>
    public const string ChiefCoordinator = "chiefCoordinator";

    public static readonly string[] All = [ProcessOwner, Coordinator, DutyLeader, Administrator, Supervisor, ChiefCoordinator];

    public static string Label(string role) => role switch
    {
        ProcessOwner => "流程负责人",
        Coordinator => "协办员",
        DutyLeader => "带班领导",
        Administrator => "管理员",
        Supervisor => "监督员",
        ChiefCoordinator => "首席协办员",
        _ => role,
    };
}
