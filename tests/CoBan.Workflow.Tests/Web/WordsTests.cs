using CoBan.Workflow.Web;

namespace CoBan.Workflow.Tests.Web;

/// <summary>Configuration and model values in people's words (durations, report schedules, source references, journal rows).</summary>
public sealed class WordsTests
{
    [Theory]
    [InlineData("P1WD", "1 个工作日", "1 working day")]
    [InlineData("P2WD", "2 个工作日", "2 working days")]
    [InlineData("PT4H", "4 小时", "4 hours")]
    [InlineData("P1DT2H", "1 天2 小时", "1 day 2 hours")]
    [InlineData("${due}", "${due}", "${due}")]
    public void Durations(string iso, string zh, string en)
    {
        Words.Duration(Lang.Zh, iso).ShouldBe(zh);
        Words.Duration(Lang.En, iso).ShouldBe(en);
    }

    [Theory]
    [InlineData("0 0 8 * * ?", "每天 8:00")]
    [InlineData("0 30 8 ? * MON", "每周一 8:30")]
    [InlineData("0 0 9 1 * ?", "每月 1 日 9:00")]
    [InlineData("0 30 9 1 1,4,7,10 ?", "每季度首月 1 日 9:30")]
    [InlineData("0 0 10 1 1 ?", "每年 1 月 1 日 10:00")]
    [InlineData("0 0/5 * * * ?", "自定义计划")]
    public void Report_schedules(string cron, string zh) => Words.Schedule(Lang.Zh, cron).ShouldBe(zh);

    [Theory]
    [InlineData("seeds 000、001、002（协办提示卡）；004（一次告知制度）；《中华人民共和国行政许可法》第三十二条", "协办提示卡；一次告知制度；《中华人民共和国行政许可法》第三十二条")]
    [InlineData("seeds 000（移办件）、001、002；003（转办）", "移办件；转办")]
    [InlineData("DOMAIN.md（期限前提醒）", "期限前提醒")]
    [InlineData("《行政许可法》第三十二条", "《行政许可法》第三十二条")]
    public void Source_references_are_left_out(string source, string shown) => Words.WithoutSourceReferences(source).ShouldBe(shown);

    [Fact]
    public void Journal_rows_name_procedures_and_notices_instead_of_ids()
    {
        var procedures = new Dictionary<string, string> { ["commitment-deadline"] = "承诺件办理" };
        string? Title(string name) => name == "receipt" ? "协办回执" : null;
        JournalWords.Say(Lang.Zh, "服务调用 #4 完成；经过：出具协办回执；生成通知“receipt”（applicant）", procedures, Title)
            .ShouldBe("自动处理完成；经过：出具协办回执；生成通知“协办回执”（发给申请人）");
        JournalWords.Say(Lang.Zh, "调用流程“commitment-deadline”（版本 1）", procedures, Title).ShouldBe("转入子流程“承诺件办理”");
        JournalWords.Say(Lang.En, "完成任务 #7；流程实例已结束", procedures, Title).ShouldBe("task completed; the instance ended");
    }
}
