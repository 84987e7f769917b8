namespace CoBan.Workflow.Demo;

/// <summary>
/// The demo city's service catalogue: about twenty matters over the bureaus, with their legal basis,
/// materials, committed limits in working days, in-person steps, 容缺受理, and one joint matter whose
/// chain runs through three bureaus (企业开办: business licence → tax → social insurance).
/// </summary>
public static class DemoMatters
{
    public sealed record M(string Bureau, string Code, string Name, int Limit, string LegalBasis, string[] Materials, string[]? Optional = null,
        string? InPerson = null, bool Tolerant = false, string? Fees = null, (string Bureau, string Part, string? PartCode)[]? Chain = null);

    public static readonly M[] All =
    [
        new("BZ-SCJG", "SCJG-001", "个体工商户设立登记", 3, "《促进个体工商户发展条例》《中华人民共和国市场主体登记管理条例》",
            ["个体工商户登记申请书", "经营者身份证明", "经营场所使用证明"], Tolerant: true, InPerson: "经营者本人签字确认"),
        new("BZ-SCJG", "SCJG-002", "食品经营许可（新办）", 10, "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》",
            ["食品经营许可申请书", "营业执照复印件", "法定代表人（负责人）身份证明", "经营场所平面图及设备布局图", "食品安全管理制度"],
            InPerson: "现场核查时经营者在场"),
        new("BZ-SCJG", "SCJG-003", "营业执照遗失补领", 0, "《中华人民共和国市场主体登记管理条例实施细则》第六十四条",
            ["补领营业执照申请书", "法定代表人身份证明"]),
        new("BZ-SCJG", "SCJG-004", "企业开办（营业执照、税务、社保一件事）", 5, "《国务院办公厅关于进一步优化企业开办服务的通知》（国办发〔2020〕25号）",
            ["企业设立登记申请书", "公司章程", "股东身份证明", "住所使用证明", "法定代表人身份证明"],
            InPerson: "法定代表人实名认证", Chain: [("BZ-SCJG", "营业执照登记", "SCJG-005"), ("BZ-SWJ", "税务信息确认和发票申领", "SWJ-001"), ("BZ-RSJ", "单位社会保险登记", "RSJ-003")]),
        new("BZ-SCJG", "SCJG-005", "有限责任公司设立登记", 3, "《中华人民共和国公司法》；《中华人民共和国市场主体登记管理条例》",
            ["企业设立登记申请书", "公司章程", "股东身份证明", "住所使用证明", "法定代表人身份证明"], Tolerant: true),
        new("BZ-RSJ", "RSJ-001", "社会保障卡补换", 0, "《社会保障卡管理办法》", ["居民身份证", "近期免冠证件照"]),
        new("BZ-RSJ", "RSJ-002", "失业保险金申领", 10, "《失业保险条例》第十四条、第十六条",
            ["居民身份证", "解除或终止劳动关系证明", "银行账户信息"], Optional: ["求职登记材料"]),
        // In the 企业开办 chain the licence comes from the first link, so the later links ask only for what the applicant brings.
        new("BZ-RSJ", "RSJ-003", "单位社会保险登记", 1, "《中华人民共和国社会保险法》第五十七条", ["法定代表人身份证明"], Optional: ["单位银行账户信息"]),
        new("BZ-RSJ", "RSJ-004", "灵活就业人员参保登记", 0, "《中华人民共和国社会保险法》第十条", ["居民身份证"]),
        new("BZ-WSJDS", "WSJ-001", "公共场所卫生许可（新办）", 15, "《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》",
            ["公共场所卫生许可申请表", "营业执照复印件", "卫生管理制度", "从业人员健康合格证明", "卫生检测（评价）报告"],
            InPerson: "现场审查时负责人在场", Tolerant: true),
        new("BZ-WSJDS", "WSJ-002", "生活饮用水供水单位卫生许可", 20, "《生活饮用水卫生监督管理办法》第二十条",
            ["卫生许可申请书", "供水设施平面图", "水质检验报告", "从业人员健康证明"], InPerson: "现场审查"),
        new("BZ-WSJDS", "WSJ-003", "公共场所卫生许可延续", 5, "《公共场所卫生管理条例实施细则》第二十五条",
            ["延续申请表", "原卫生许可证", "卫生检测（评价）报告"], Tolerant: true),
        new("BZ-ZRZY", "ZRZY-001", "建设工程规划许可证核发", 20, "《中华人民共和国城乡规划法》第四十条",
            ["建设工程规划许可申请表", "建设项目用地证明", "建设工程设计方案", "建设单位身份证明"], InPerson: "现场踏勘"),
        new("BZ-ZRZY", "ZRZY-002", "不动产登记资料查询", 0, "《不动产登记资料查询暂行办法》第十四条", ["查询申请书", "查询人身份证明"]),
        new("BZ-SWJ", "SWJ-001", "税务信息确认和发票申领", 1, "《中华人民共和国税收征收管理法》第十五条；《中华人民共和国发票管理办法》",
            ["法定代表人身份证明"], Optional: ["办税人员身份证明"]),
        new("BZ-SWJ", "SWJ-002", "个人所得税综合所得汇算辅导", 0, "《中华人民共和国个人所得税法》第十条", ["居民身份证"]),
        new("BZ-NMZ", "NMZ-001", "农村村民宅基地和建房（规划许可）审批", 20, "《中华人民共和国土地管理法》第六十二条；《中华人民共和国城乡规划法》第四十一条",
            ["农村宅基地和建房（规划许可）申请表", "户口簿", "申请人身份证", "村民小组会议记录", "住房建设设计图"], InPerson: "申请人到场签字、现场踏勘"),
        new("BZ-NMZ", "NMZ-002", "城乡居民基本养老保险参保登记", 5, "《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）",
            ["居民身份证", "户口簿"], Tolerant: true),
        new("BZ-NMZ", "NMZ-003", "最低生活保障申请", 30, "《社会救助暂行办法》第十一条",
            ["最低生活保障申请书", "家庭成员身份证明", "家庭收入和财产状况声明", "授权核对家庭经济状况的书面声明"], InPerson: "入户调查"),
        new("BZ-NMZ", "NMZ-004", "高龄津贴申领", 10, "河北省老年人高龄津贴制度", ["居民身份证", "户口簿", "银行卡"]),
    ];
}
