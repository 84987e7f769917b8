using static CoBan.Workflow.Engine.Tests.Expressions.Kit;

namespace CoBan.Workflow.Engine.Tests.Expressions;

public class ComparisonTests
{
    [Theory]
    [InlineData("${1 == 1}", true)]
    [InlineData("${1 == 1.0}", true)]
    [InlineData("${1.0 != 1}", false)]
    [InlineData("${'a' == 'a'}", true)]
    [InlineData("${'a' == 'A'}", false)]
    [InlineData("${true == true}", true)]
    [InlineData("${true != false}", true)]
    [InlineData("${null == null}", true)]
    [InlineData("${null == 0}", false)]
    [InlineData("${'' == null}", false)]
    [InlineData("${'1' == 1}", false)]
    [InlineData("${'true' == true}", false)]
    [InlineData("${1 != '1'}", true)]
    [InlineData("${[1, 'a'] == [1.0, 'a']}", true)]
    [InlineData("${[1, 2] == [2, 1]}", false)]
    [InlineData("${date('2026-10-01T08:00+08:00') == date('2026-10-01T00:00Z')}", true)]
    public void Equality_compares_within_a_kind_and_is_false_across_kinds(string text, bool expected) =>
        Eval(text).ShouldBe(expected);

    [Fact]
    public void Maps_are_equal_when_they_hold_equal_entries()
    {
        var vars = new Vars { ["a"] = Map(("x", 1L), ("y", "z")), ["b"] = Map(("y", "z"), ("x", 1.0)), ["c"] = Map(("x", 1L)) };
        Eval("${a == b}", vars).ShouldBe(true);
        Eval("${a == c}", vars).ShouldBe(false);
    }

    [Theory]
    [InlineData("${1 < 2}", true)]
    [InlineData("${2 > 1.5}", true)]
    [InlineData("${2 <= 2.0}", true)]
    [InlineData("${3 >= 4}", false)]
    [InlineData("${'abc' < 'abd'}", true)]
    [InlineData("${'B' < 'a'}", true)]
    [InlineData("${'10' < '9'}", true)]
    [InlineData("${date('2026-10-01') < date('2026-10-02')}", true)]
    [InlineData("${date('2026-10-01T09:00+08:00') > date('2026-10-01T00:30Z')}", true)]
    [InlineData("${9007199254740993 > 9007199254740992}", true)]
    public void Ordering_is_numeric_ordinal_or_chronological(string text, bool expected) =>
        Eval(text).ShouldBe(expected);

    [Fact]
    public void Ordering_values_of_different_kinds_is_an_error_naming_both()
    {
        var vars = new Vars { ["amount"] = "100", ["missingValue"] = null };
        var error = Fails("${amount > 50}", vars);
        error.MessageEn.ShouldStartWith("cannot compare string with integer");
        error.MessageZh.ShouldStartWith("无法比较文本与整数的大小");
        error.Position.ShouldBe(9);
        Fails("${missingValue > 50}", vars).MessageEn.ShouldStartWith("cannot compare null with integer");
        Fails("${true < false}").MessageEn.ShouldStartWith("cannot compare boolean with boolean");
        Fails("${date('2026-10-01') < '2026-10-02'}").MessageEn.ShouldStartWith("cannot compare date-time with string");
    }

    [Fact]
    public void The_two_classic_variable_comparisons_work()
    {
        Condition("${foo > bar}", new Vars { ["foo"] = 3L, ["bar"] = 2L }).ShouldBeTrue();
        Condition("${foo < bar}", new Vars { ["foo"] = 3L, ["bar"] = 2.5 }).ShouldBeFalse();
        Condition("${a < b}", new Vars { ["a"] = "x", ["b"] = "y" }).ShouldBeTrue();
    }
}
