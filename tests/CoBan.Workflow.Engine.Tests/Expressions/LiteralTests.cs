using static CoBan.Workflow.Engine.Tests.Expressions.Kit;

namespace CoBan.Workflow.Engine.Tests.Expressions;

public class LiteralTests
{
    [Theory]
    [InlineData("${'single'}", "single")]
    [InlineData("${\"double\"}", "double")]
    [InlineData(@"${'it\'s'}", "it's")]
    [InlineData(@"${""say \""hi\""""}", "say \"hi\"")]
    [InlineData(@"${'back\\slash'}", @"back\slash")]
    [InlineData(@"${'a\nb\tc'}", "a\nb\tc")]
    [InlineData(@"${'\u4e2d\u6587'}", "中文")]
    [InlineData("${'}'}", "}")]
    [InlineData("${'受理'}", "受理")]
    public void String_literals_in_either_quote_with_escapes_evaluate_to_their_text(string text, string expected) =>
        Eval(text).ShouldBe(expected);

    [Fact]
    public void Whole_numbers_are_longs_and_numbers_with_a_point_or_exponent_are_doubles()
    {
        Eval("${42}").ShouldBe(42L);
        Eval("${9223372036854775807}").ShouldBe(long.MaxValue);
        Eval("${-7}").ShouldBe(-7L);
        Eval("${1.5}").ShouldBe(1.5);
        Eval("${2e3}").ShouldBe(2000.0);
        Eval("${-0.25}").ShouldBe(-0.25);
    }

    [Fact]
    public void True_false_and_null_are_keywords()
    {
        Eval("${true}").ShouldBe(true);
        Eval("${false}").ShouldBe(false);
        Eval("${null}").ShouldBeNull();
    }

    [Fact]
    public void A_list_literal_builds_a_list_of_its_evaluated_items()
    {
        Eval("${['a', 'b', 3, 1 + 1, null]}").ShouldBe(List("a", "b", 3L, 2L, null));
        Eval("${[]}").ShouldBe(List());
        Eval("${[[1], [2, 3]]}").ShouldBe(List(List(1L), List(2L, 3L)));
    }

    [Fact]
    public void Each_evaluation_of_a_list_literal_returns_a_fresh_list()
    {
        var expression = CoBan.Workflow.Engine.Expressions.Expression.Parse("${[1]}");
        expression.Evaluate(new Vars()).ShouldNotBeSameAs(expression.Evaluate(new Vars()));
    }

    [Theory]
    [InlineData("${99999999999999999999}")]
    [InlineData("${1e999}")]
    public void A_number_literal_out_of_range_is_refused(string text) =>
        FailsToParse(text).MessageEn.ShouldContain("out of range");

    [Theory]
    [InlineData("${'open}", "unterminated string")]
    [InlineData(@"${'bad \q escape'}", @"invalid escape '\q'")]
    public void Malformed_strings_are_parse_errors(string text, string message) =>
        FailsToParse(text).MessageEn.ShouldContain(message);
}
