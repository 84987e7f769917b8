using CoBan.Workflow.Notices;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>
/// Every SMS within budget (issue 14): one 70-character segment with the sign where the content allows,
/// never more than two; no variable over the provider's 35 characters, even with the longest realistic
/// values (a long matter, company, bureau, place and free-text result).
/// </summary>
public class SmsBudgetTests
{
    private const string Sign = "霸州市政务服务中心";
    private static readonly NoticeCatalog Catalog = new(Path.Combine(AppContext.BaseDirectory, "templates"));
    private static readonly NoticeRenderer Renderer = new(Catalog);

    /// <summary>The applicant SMS that fit one segment for an ordinary case (the others name a second bureau and its place).</summary>
    private static readonly string[] OneSegment = ["one-time-notice", "receipt", "rejection", "completion-reply", "rectification-answer"];

    private static NoticeModel WorstCase() => SampleNoticeModel.Build("国家税务总局霸州市税务局第一税务分局")
        .Set("matter.name", "建设工程消防设计审查意见书核发（特殊建设工程）")
        .Set("applicant.name", "霸州市恒达五金制品进出口贸易有限责任公司")
        .Set("case.number", "BZ-ZRZY-2026-12345")
        .Set("case.deadline", "2026年12月31日")
        .Set("case.result", "准予变更登记，换发营业执照；新执照已于当日由申请人本人在三号窗口领取，原执照正副本已收回")
        .Set("evaluation.answer", "您反映的窗口等候时间过长问题属实，我们已增设取号提醒和引导员，并对协办员进行了批评教育，感谢您的监督")
        .Set("missingMaterials", Enumerable.Range(1, 12).Select(i => (object?)NoticeModel.Item(("name", $"第{i}项材料的很长的名称（原件及复印件各一份）"), ("note", "原件"))).ToList())
        .Set("transfer.toBureau", NoticeModel.Item(("name", "霸州市人力资源和社会保障局"), ("location", "霸州市迎宾道 8 号政务服务中心 8 号、9 号窗口；305 室"), ("phone", "0316-7221008")))
        .Set("nextBureau", NoticeModel.Item(("name", "霸州市人力资源和社会保障局"), ("windows", "政务服务中心 8 号、9 号窗口；305 室"),
            ("part", "办理单位社会保险登记和住房公积金缴存登记"), ("phone", "0316-7221008")))
        .Set("task.name", "审核申请材料并组织现场核查")
        .Set("coordinator.name", "欧阳明辉");

    public static TheoryData<string> SmsNotices() => new(Catalog.Notices.Where(n => n.Sms is not null).Select(n => n.Name));

    private static RenderedChannel Render(string notice, NoticeModel model) =>
        Renderer.RenderSms(new TemplateSource(notice, NoticeParts.Sms, Catalog.Shipped(notice, NoticeParts.Sms)!, false, null, null, null, null, null), model, null);

    [Theory]
    [MemberData(nameof(SmsNotices))]
    public void With_the_longest_realistic_values_an_sms_takes_at_most_two_segments_and_no_variable_exceeds_35_characters(string notice)
    {
        foreach (var transfer in new[] { "sent", "accepted", "refused" })
        {
            var model = WorstCase().Set("transfer.refused", transfer == "refused").Set("transfer.accepted", transfer == "accepted").Set("transfer.sent", transfer == "sent");
            var sms = Render(notice, model);
            var text = SmsBudget.Signed(Sign, sms.Text!);
            SmsBudget.Segments(text).ShouldBeLessThanOrEqualTo(SmsBudget.MaxSegments, $"{notice} ({transfer}): {text.Length} characters: {text}");
            foreach (var (name, value) in sms.SmsParams!) value.Length.ShouldBeLessThanOrEqualTo(SmsBudget.MaxVariable, $"{notice}.{name}: {value}");
        }
    }

    [Theory]
    [MemberData(nameof(SmsNotices))]
    public void An_ordinary_case_s_applicant_sms_fits_one_segment_with_the_sign_where_the_content_allows(string notice)
    {
        var text = SmsBudget.Signed(Sign, Render(notice, SampleNoticeModel.Build()).Text!);
        if (OneSegment.Contains(notice)) text.Length.ShouldBeLessThanOrEqualTo(SmsBudget.SingleSegment, text);
        else SmsBudget.Segments(text).ShouldBeLessThanOrEqualTo(SmsBudget.MaxSegments, text);
    }

    [Fact]
    public void A_list_goes_out_as_a_count_and_a_long_value_is_cut_at_35_characters()
    {
        var sms = Render("one-time-notice", WorstCase());
        sms.SmsParams!["count"].ShouldBe("12");
        sms.Text.ShouldNotBeNull().ShouldNotContain("第1项材料");
        sms.Text.ShouldContain("凭编号网上查询");
        var reply = Render("completion-reply", WorstCase());
        reply.SmsParams!["result"].Length.ShouldBe(35);
        reply.SmsParams["result"].ShouldEndWith("…");
    }

    [Fact]
    public void Segments_count_70_characters_in_one_and_67_in_each_of_a_longer_message()
    {
        SmsBudget.Segments(new string('字', 70)).ShouldBe(1);
        SmsBudget.Segments(new string('字', 71)).ShouldBe(2);
        SmsBudget.Segments(new string('字', 134)).ShouldBe(2);
        SmsBudget.Segments(new string('字', 135)).ShouldBe(3);
    }
}
