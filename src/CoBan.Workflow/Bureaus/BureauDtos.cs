namespace CoBan.Workflow.Bureaus;

public sealed record BureauInfo(long Id, string Code, string Name, string Level, string LevelLabel, string? ParentCode, string? Address, string? Windows, string? Phone,
    string? SupervisionHotline, string? Website, string? ServiceHours, int RectificationWorkingDays, bool Active, bool PublishDutyMobiles);

public sealed record BureauRequest(string? Code, string? Name, string? Level, string? ParentCode, string? Address, string? Windows, string? Phone,
    string? SupervisionHotline, string? Website, string? ServiceHours, int? RectificationWorkingDays, bool? Active, bool? PublishDutyMobiles = null);

public sealed record UserInfo(string Id, string UserName, string DisplayName, string BureauCode, IReadOnlyList<string> Roles, string? Title, string? Office,
    string? OfficePhone, string? Mobile, string? Email, bool Active, bool HasPhoto);

public sealed record UserRequest(string? UserName, string? DisplayName, string? BureauCode, List<string>? Roles, string? Title, string? Office,
    string? OfficePhone, string? Mobile, string? Email, string? Password, bool? Active);

public sealed record RolesRequest(List<string>? Roles);
public sealed record PasswordRequest(string? Password);
public sealed record PhotoRequest(string? DataUrl);
public sealed record RoleInfo(string Name, string Label);

public static class BureauLevels
{
    public static string Label(BureauLevel level) => level switch
    {
        BureauLevel.CityCentre => "市（区）政务服务中心及部门窗口",
        BureauLevel.TownCentre => "街道（乡镇）行政服务中心",
        _ => "社区（村）便民服务站",
    };

    public static BureauInfo Info(Bureau b, string? parentCode) => new(b.Id, b.Code, b.Name, EnumCodes.Code(b.Level), Label(b.Level), parentCode, b.Address, b.Windows,
        b.Phone, b.SupervisionHotline, b.Website, b.ServiceHours, b.RectificationWorkingDays, b.Active, b.PublishDutyMobiles);
}
