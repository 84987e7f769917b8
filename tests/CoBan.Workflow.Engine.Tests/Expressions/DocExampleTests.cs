using static CoBan.Workflow.Engine.Tests.Expressions.Kit;

namespace CoBan.Workflow.Engine.Tests.Expressions;

/// <summary>The examples in docs/expressions.md, so the page cannot drift from the code.</summary>
public class DocExampleTests
{
    private static Vars Case() => new()
    {
        ["approved"] = true,
        ["selectedFlow"] = "A",
        ["kind"] = "immediate",
        ["materials"] = List("身份证", "申请表", "营业执照"),
        ["amount"] = 800L,
        ["applicant"] = Map(("vip", true), ("name", "张三")),
        ["registeredAt"] = new DateTimeOffset(2026, 9, 21, 9, 0, 0, TimeSpan.FromHours(8)),
        ["days"] = 5L,
        WorkingDays = new FakeWorkingDays(),
    };

    [Theory]
    [InlineData("${approved}", true)]
    [InlineData("#{selectedFlow=='A'}", true)]
    [InlineData("${environment.variables.approved}", true)]
    [InlineData("${execution.getVariable(\"kind\") == 'immediate'}", true)]
    [InlineData("${!empty materials && materials.size() > 2}", true)]
    [InlineData("${amount >= 10000 or applicant.vip}", true)]
    [InlineData("${workingDaysBetween(registeredAt, now()) > 3}", true)]
    public void The_documented_conditions_hold_for_a_sample_case(string text, bool expected) =>
        Condition(text, Case()).ShouldBe(expected);

    [Fact]
    public void The_documented_values_compute()
    {
        Eval("${addWorkingDays(now(), 5)}", Case()).ShouldBe(new DateTimeOffset(2026, 10, 7, 15, 30, 0, TimeSpan.FromHours(8)));
        Eval("${kind == 'immediate' ? 'PT4H' : 'P5WD'}", Case()).ShouldBe("PT4H");
        Eval("尊敬的${applicant.name}：请于${days}个工作日内补正材料。", Case()).ShouldBe("尊敬的张三：请于5个工作日内补正材料。");
    }
}
