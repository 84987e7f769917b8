namespace CoBan.Workflow.Notices;

/// <summary>
/// The built-in sample case for previews: every variable of the contract has a value, so a preview
/// shows every part of a template (a commitment case at 霸州市市场监督管理局, part of a joint chain).
/// </summary>
public static class SampleNoticeModel
{
    /// <summary>A 1×1 PNG standing in for the applicant's on-screen signature.</summary>
    private const string SignaturePng = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    public static NoticeModel Build(string? bureauName = null)
    {
        var model = new NoticeModel()
            .Set("today", "2026年9月30日")
            .SetAll("bureau", ("name", bureauName ?? "霸州市市场监督管理局"), ("code", "BZ-SCJG"), ("address", "霸州市迎宾路 88 号政务服务中心"),
                ("windows", "政务服务中心 3 号、4 号窗口；201 室"),
                ("location", "霸州市迎宾路 88 号政务服务中心 3 号、4 号窗口；201 室"), ("phone", "0316-7221003"), ("supervisionHotline", "0316-7222345"))
            .SetAll("coordinator", ("name", "张伟"), ("title", "审批科科员"), ("office", "3 号窗口"), ("phone", "0316-7221003"), ("mobile", "13800000005"))
            .SetAll("dutyLeader", ("name", "刘洋"), ("title", "副局长（带班领导）"), ("phone", "0316-7221203"))
            .SetAll("case", ("number", "BZ-SCJG-2026-00017"), ("category", "联办件"), ("kind", "承诺件"), ("status", "已受理"), ("serviceMode", "代办"),
                ("registeredAt", "2026年9月30日 09:00"), ("acceptedAt", "2026年9月30日 09:20"), ("completedAt", "2026年10月13日 16:30"),
                ("deadline", "2026年10月13日"), ("deadlineProvisional", false), ("limitDays", 5), ("result", "准予变更登记，换发营业执照"), ("progressUrl", "https://zwfw.example.gov.cn/progress?no=BZ-SCJG-2026-00017"))
            .SetAll("applicant", ("name", "霸州市恒达五金制品有限公司"), ("type", "企业"), ("contact", "李明"), ("phone", "13812345678"),
                ("email", "liming@example.com"), ("address", "霸州市南孟镇东杨庄村 12 号"))
            .SetAll("matter", ("name", "有限责任公司变更登记"), ("code", "SCJG-BG-001"), ("legalBasis", "《中华人民共和国市场主体登记管理条例》第二十四条"),
                ("limitDays", 5), ("inPersonSteps", "法定代表人本人到场签字并核验身份"), ("fees", "不收费"),
                ("materials", new List<object?>
                {
                    NoticeModel.Item(("name", "公司登记（备案）申请书"), ("required", true), ("note", "原件 1 份")),
                    NoticeModel.Item(("name", "股东会决议"), ("required", true), ("note", "原件 1 份，全体股东签字")),
                    NoticeModel.Item(("name", "修改后的公司章程"), ("required", true), ("note", "原件 1 份")),
                    NoticeModel.Item(("name", "营业执照正、副本"), ("required", true), ("note", "原件")),
                    NoticeModel.Item(("name", "经办人身份证"), ("required", false), ("note", "委托代办时提供")),
                }))
            .Set("missingMaterials", new List<object?>
            {
                NoticeModel.Item(("name", "股东会决议"), ("note", "原件 1 份，全体股东签字")),
                NoticeModel.Item(("name", "修改后的公司章程"), ("note", "原件 1 份")),
            })
            .Set("receivedMaterials", new List<object?> { NoticeModel.Item(("name", "公司登记（备案）申请书")), NoticeModel.Item(("name", "营业执照正、副本")) })
            .Set("rejection.reasons", new List<object?> { "申请变更的经营范围属于国家明令禁止的项目", "申请材料与登记信息不一致" })
            .Set("rejection.legalBasis", "《中华人民共和国市场主体登记管理条例》第二十六条")
            .Set("rejection.refused", false)
            .SetAll("appeal", ("reviewBody", "霸州市人民政府"), ("court", "霸州市人民法院"))
            .Set("transfer.toBureau", NoticeModel.Item(("name", "霸州市人力资源和社会保障局"), ("address", "霸州市迎宾路 88 号政务服务中心"),
                ("windows", "政务服务中心 8 号窗口；305 室"), ("location", "霸州市迎宾路 88 号政务服务中心 8 号窗口；305 室"), ("phone", "0316-7221008")))
            .SetAll("transfer", ("status", "已接收"), ("sent", false), ("accepted", true), ("refused", false), ("refusalReason", "该事项不属本局职责"), ("receivingCaseNumber", "BZ-RSJ-2026-00031"))
            .Set("transfer.toCoordinator", NoticeModel.Item(("name", "陈静"), ("phone", "0316-7221008")))
            .Set("transfer.reasons", "社会保险登记不属于本局职责范围")
            .Set("transfer.legalBasis", "《中华人民共和国社会保险法》第五十七条")
            .Set("nextBureau", NoticeModel.Item(("name", "霸州市人力资源和社会保障局"), ("address", "霸州市迎宾路 88 号政务服务中心"),
                ("windows", "政务服务中心 8 号窗口；305 室"), ("location", "霸州市迎宾路 88 号政务服务中心 8 号窗口；305 室"), ("phone", "0316-7221008"),
                ("part", "办理社会保险登记变更")))
            .Set("chain", new List<object?>
            {
                NoticeModel.Item(("position", 1), ("bureau", "霸州市市场监督管理局"), ("part", "办理公司变更登记"), ("status", "部门开始办理"), ("caseNumber", "BZ-SCJG-2026-00017")),
                NoticeModel.Item(("position", 2), ("bureau", "霸州市人力资源和社会保障局"), ("part", "办理社会保险登记变更"), ("status", null), ("caseNumber", null)),
            })
            .SetAll("reply", ("method", "短信"), ("at", "2026年10月13日 16:40"), ("handling", "代为提交变更材料，审核通过后换发营业执照"), ("signature", SignaturePng), ("signedOnPaper", false))
            .SetAll("evaluation", ("level", "不满意"), ("comment", "等候时间较长"), ("at", "2026年10月14日 10:00"), ("realName", true), ("substantiated", true),
                ("rectification", "窗口增设取号提醒，协办员已作检讨"), ("answer", "已致电说明整改情况并致歉"), ("rectifiedAt", "2026年10月16日 15:00"))
            .SetAll("rating", ("url", "https://zwfw.example.gov.cn/r/BZ-SCJG-2026-00017"), ("qr", "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAsTj2FAAAAAV0RVh0YwB4eHiX+px8AAAAAElFTkSuQmCC"))
            .SetAll("task", ("name", "审核申请材料"), ("due", "2026年10月12日 17:30"))
            .Set("overdue.days", 2)
            .Set("form", new Dictionary<string, object?> { ["remarks"] = "请携带原件核验" })
            .Set("vars", new Dictionary<string, object?> { ["caseOwner"] = "zhang.wei" });
        return model;
    }
}
