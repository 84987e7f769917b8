using CoBan.Workflow.Engine.Expressions;
using static CoBan.Workflow.Engine.Tests.Expressions.Kit;

namespace CoBan.Workflow.Engine.Tests.Expressions;

public class InterpolationTests
{
    [Fact]
    public void A_single_body_keeps_the_type_of_its_value()
    {
        var vars = new Vars { ["n"] = 5L, ["d"] = 1.5, ["b"] = true, ["l"] = List(1L) };
        Eval("${n}", vars).ShouldBe(5L);
        Eval("${d}", vars).ShouldBe(1.5);
        Eval("${b}", vars).ShouldBe(true);
        Eval("${l}", vars).ShouldBeSameAs(vars["l"]);
    }

    [Fact]
    public void Whitespace_around_a_single_body_is_ignored_as_in_indented_XML() =>
        Eval("\n      ${n}\n    ", new Vars { ["n"] = 5L }).ShouldBe(5L);

    [Fact]
    public void Text_mixing_literals_and_bodies_is_a_string()
    {
        var vars = new Vars { ["name"] = "张三", ["days"] = 3L, ["none"] = null };
        Eval("尊敬的${name}：请于${days}个工作日内补正。", vars).ShouldBe("尊敬的张三：请于3个工作日内补正。");
        Eval("${name}${days}", vars).ShouldBe("张三3");
        Eval("[${none}]", vars).ShouldBe("[]");
        Eval("#{days} and ${days + 1}", vars).ShouldBe("3 and 4");
        Eval(" ${days} ", vars).ShouldBe(3L);
    }

    [Fact]
    public void Text_without_bodies_is_a_constant_string()
    {
        var expression = Expression.Parse("P5WD");
        expression.IsConstant.ShouldBeTrue();
        expression.Evaluate(new Vars()).ShouldBe("P5WD");
        Expression.Parse("costs $5 {ok}").Evaluate(new Vars()).ShouldBe("costs $5 {ok}");
        Expression.Parse("").Evaluate(new Vars()).ShouldBe("");
    }

    [Fact]
    public void A_backslash_escapes_a_body_opener_into_literal_text()
    {
        var expression = Expression.Parse(@"price \${x}");
        expression.IsConstant.ShouldBeTrue();
        expression.Evaluate(new Vars()).ShouldBe("price ${x}");
        Eval(@"\#{a} ${1}").ShouldBe("#{a} 1");
    }

    [Fact]
    public void A_constant_is_not_a_condition_and_the_error_says_how_to_write_one()
    {
        var error = Should.Throw<ExpressionException>(() => Condition("true"));
        error.MessageEn.ShouldBe("a condition must be an expression written as ${...}");
        Should.Throw<ExpressionException>(() => Condition("${'true'}")).MessageEn.ShouldBe("a condition must evaluate to a boolean, got string");
        Should.Throw<ExpressionException>(() => Condition("${x}", new Vars { ["x"] = null })).MessageZh.ShouldBe("条件表达式的结果应为布尔值，实际为空值");
    }

    [Fact]
    public void Interpolated_dates_and_decimals_print_invariantly()
    {
        var vars = new Vars { ["due"] = new DateTimeOffset(2026, 10, 8, 17, 0, 0, TimeSpan.FromHours(8)), ["rate"] = 0.5 };
        Eval("截止 ${due}，比例 ${rate}", vars).ShouldBe("截止 2026-10-08T17:00:00+08:00，比例 0.5");
    }
}
