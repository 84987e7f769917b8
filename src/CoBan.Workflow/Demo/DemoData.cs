using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Identity;

namespace CoBan.Workflow.Demo;

/// <summary>The demo city (based on 霸州市, where seed 000 comes from): bureaus on three levels and a user of every role.</summary>
public static class DemoData
{
    public const string Password = "demo1234";

    public sealed record DemoBureau(string Code, string Name, BureauLevel Level, string? Parent, string Windows, string Phone, string Hotline);
    public sealed record DemoUser(string UserName, string DisplayName, string Bureau, string[] Roles, string Title, string Office, string OfficePhone, string Mobile);

    public static readonly DemoBureau[] Bureaus =
    [
        new("BZ-ZWZX", "霸州市政务服务中心", BureauLevel.CityCentre, null, "一楼大厅综合受理区", "0316-7221000", "0316-7222345"),
        new("BZ-SCJG", "霸州市市场监督管理局", BureauLevel.CityCentre, "BZ-ZWZX", "政务服务中心 3 号、4 号窗口；201 室", "0316-7221003", "0316-7222345"),
        new("BZ-RSJ", "霸州市人力资源和社会保障局", BureauLevel.CityCentre, "BZ-ZWZX", "政务服务中心 8 号窗口；305 室", "0316-7221008", "0316-7222345"),
        new("BZ-WSJDS", "霸州市卫生监督所", BureauLevel.CityCentre, "BZ-ZWZX", "政务服务中心 12 号窗口；108 室", "0316-7221012", "0316-7222345"),
        new("BZ-ZRZY", "霸州市自然资源和规划局", BureauLevel.CityCentre, "BZ-ZWZX", "政务服务中心 15 号窗口；402 室", "0316-7221015", "0316-7222345"),
        new("BZ-SWJ", "国家税务总局霸州市税务局", BureauLevel.CityCentre, "BZ-ZWZX", "政务服务中心 18 号、19 号窗口；210 室", "0316-7221018", "0316-7222345"),
        new("BZ-NMZ", "南孟镇行政服务中心", BureauLevel.TownCentre, "BZ-ZWZX", "南孟镇政府一楼便民大厅", "0316-7510001", "0316-7510099"),
        new("BZ-NMZ-DYZ", "南孟镇东杨庄村便民服务站", BureauLevel.VillageStation, "BZ-NMZ", "村委会一楼", "0316-7510101", "0316-7510099"),
    ];

    public static readonly DemoUser[] Users =
    [
        new("admin", "系统管理员", "BZ-ZWZX", [Roles.Administrator], "信息科科长", "中心 501 室", "0316-7221501", "13800000001"),
        new("zhao.jian", "赵健", "BZ-ZWZX", [Roles.Supervisor], "作风办主任", "中心 502 室", "0316-7221502", "13800000002"),
        new("owner.scjg", "孙立", "BZ-SCJG", [Roles.ProcessOwner], "审批科科长", "201 室", "0316-7221201", "13800000003"),
        new("wang.fang", "王芳", "BZ-SCJG", [Roles.Coordinator, Roles.ChiefCoordinator], "副局长（首席协办员）", "202 室", "0316-7221202", "13800000004"),
        new("zhang.wei", "张伟", "BZ-SCJG", [Roles.Coordinator], "审批科科员", "3 号窗口", "0316-7221003", "13800000005"),
        new("li.na", "李娜", "BZ-SCJG", [Roles.Coordinator], "登记科科员", "4 号窗口", "0316-7221004", "13800000006"),
        new("liu.yang", "刘洋", "BZ-SCJG", [Roles.DutyLeader], "副局长（带班领导）", "203 室", "0316-7221203", "13800000007"),
        new("chen.jing", "陈静", "BZ-RSJ", [Roles.Coordinator], "社保科科员", "8 号窗口", "0316-7221008", "13800000008"),
        new("yang.min", "杨敏", "BZ-RSJ", [Roles.DutyLeader, Roles.ProcessOwner], "副局长（带班领导）", "305 室", "0316-7221305", "13800000009"),
        new("zhou.hui", "周慧", "BZ-WSJDS", [Roles.Coordinator], "许可科科员", "12 号窗口", "0316-7221012", "13800000010"),
        new("wu.gang", "吴刚", "BZ-WSJDS", [Roles.DutyLeader, Roles.ProcessOwner], "副所长（带班领导）", "108 室", "0316-7221108", "13800000011"),
        new("xu.lei", "徐磊", "BZ-ZRZY", [Roles.Coordinator, Roles.DutyLeader], "规划科科长", "15 号窗口", "0316-7221015", "13800000012"),
        new("ma.li", "马丽", "BZ-NMZ", [Roles.Coordinator], "便民服务中心科员", "便民大厅 2 号窗口", "0316-7510002", "13800000013"),
        new("he.qiang", "何强", "BZ-NMZ", [Roles.DutyLeader, Roles.ProcessOwner], "副镇长（带班领导）", "镇政府 201 室", "0316-7510201", "13800000014"),
        new("guo.mei", "郭梅", "BZ-NMZ-DYZ", [Roles.Coordinator], "村代办员", "村委会一楼", "0316-7510101", "13800000015"),
        new("han.bing", "韩冰", "BZ-ZWZX", [Roles.Coordinator], "综合受理科科员", "一楼综合受理区 1 号窗口", "0316-7221001", "13800000016"),
        new("lu.ming", "卢明", "BZ-ZWZX", [Roles.DutyLeader], "中心副主任（带班领导）", "中心 503 室", "0316-7221503", "13800000017"),
        new("zheng.tao", "郑涛", "BZ-SWJ", [Roles.Coordinator], "纳税服务科科员", "18 号窗口", "0316-7221018", "13800000018"),
        new("feng.xue", "冯雪", "BZ-SWJ", [Roles.DutyLeader], "副局长（带班领导）", "210 室", "0316-7221210", "13800000019"),
        new("sun.yue", "孙悦", "BZ-RSJ", [Roles.Coordinator], "就业科科员", "9 号窗口", "0316-7221009", "13800000020"),
        new("zhu.lin", "朱琳", "BZ-NMZ", [Roles.Coordinator, Roles.ChiefCoordinator], "副镇长（首席协办员）", "镇政府 202 室", "0316-7510202", "13800000021"),
    ];
}
