using System.Diagnostics;
using CoBan.Workflow.Engine.Expressions;
using static CoBan.Workflow.Engine.Tests.Expressions.Kit;

namespace CoBan.Workflow.Engine.Tests.Expressions;

public class HostileInputTests
{
    [Fact]
    public void Text_over_4096_characters_is_refused_at_once()
    {
        var error = FailsToParse("${" + new string('1', 100_000) + "}");
        error.MessageEn.ShouldStartWith("expression too long (100003 characters");
        error.Position.ShouldBe(-1);
        Expression.Parse("${'" + new string('x', 4000) + "'}").ShouldNotBeNull();
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(2_000)]
    public void Deep_bracket_nesting_is_refused_quickly_without_overflowing_the_stack(int depth)
    {
        var text = "${" + new string('(', depth) + "1" + new string(')', depth) + "}";
        var watch = Stopwatch.StartNew();
        var error = Should.Throw<ExpressionException>(() => Expression.Parse(text));
        watch.ElapsedMilliseconds.ShouldBeLessThan(500);
        error.MessageEn.ShouldStartWith(depth > ExpressionLimits.MaxTextLength ? "expression too long" : "expression nested too deeply");
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    [InlineData("size(", ")")]
    [InlineData("!", "")]
    [InlineData("-", "")]
    [InlineData("empty ", "")]
    [InlineData("true ? 1 : ", "")]
    [InlineData("x.trim().trim(", ")")]
    public void Every_kind_of_nesting_is_limited(string open, string close)
    {
        var text = "${" + string.Concat(Enumerable.Repeat(open, 1000 / open.Length)) + "'1'" + string.Concat(Enumerable.Repeat(close, 1000 / open.Length)) + "}";
        Should.Throw<ExpressionException>(() => Expression.Parse(text).Evaluate(new Vars { ["x"] = "a" }));
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        var depth = ExpressionLimits.MaxDepth;
        Eval("${" + new string('(', depth) + "1" + new string(')', depth) + "}").ShouldBe(1L);
        Eval("${" + string.Concat(Enumerable.Repeat("trim(", depth)) + "' a '" + new string(')', depth) + "}").ShouldBe("a");
        FailsToParse("${" + new string('(', depth + 1) + "1" + new string(')', depth + 1) + "}").Position.ShouldBe(2 + depth);
        FailsToParse("${" + string.Concat(Enumerable.Repeat("trim(", depth + 1)) + "'a'" + new string(')', depth + 1) + "}")
            .MessageEn.ShouldStartWith("expression nested too deeply");
        Eval("${" + string.Concat(Enumerable.Repeat("!", 60)) + "true}").ShouldBe(true);
    }

    [Fact]
    public void Method_chains_are_limited_by_tree_height()
    {
        var text = "${x" + string.Concat(Enumerable.Repeat(".trim()", 300)) + "}";
        FailsToParse(text).MessageEn.ShouldStartWith("expression nested too deeply");
    }

    [Fact]
    public void A_huge_list_literal_parses_and_evaluates_within_the_limits()
    {
        var text = "${[" + string.Join(",", Enumerable.Repeat("1", 2000)) + "]}";
        var list = (IReadOnlyList<object?>)Eval(text)!;
        list.Count.ShouldBe(2000);
    }

    [Fact]
    public void A_concatenation_bomb_is_refused_with_a_clear_error()
    {
        var vars = new Vars { ["s"] = new string('x', 100_000) };
        var text = "${s" + string.Concat(Enumerable.Repeat("+s", 1000)) + "}";
        var watch = Stopwatch.StartNew();
        var error = Fails(text, vars);
        watch.ElapsedMilliseconds.ShouldBeLessThan(1000);
        error.MessageEn.ShouldStartWith("expression too costly");
    }

    [Fact]
    public void Strings_over_one_megabyte_are_never_built()
    {
        var vars = new Vars { ["s"] = new string('x', 600_000) };
        var error = Fails("${s + s}", vars);
        error.MessageEn.ShouldStartWith("expression too costly: resulting text over 1 MB");
        error.MessageZh.ShouldStartWith("表达式生成的文本过长");
        Fails("${s}${s}", vars).MessageEn.ShouldStartWith("expression too costly");
        Fails(string.Concat(Enumerable.Repeat("${t}", 900)), new Vars { ["t"] = new string('x', 2000) })
            .MessageEn.ShouldStartWith("expression too costly");
        Eval("${s}", vars).ShouldBeSameAs(vars["s"]);
    }

    [Fact]
    public void Scanning_a_big_list_is_charged_per_element()
    {
        var vars = new Vars { ["big"] = Enumerable.Range(0, 20_000).Select(i => (object?)(long)i).ToList() };
        Fails("${contains(big, -1)}", vars).MessageEn.ShouldStartWith("expression too costly");
        Fails("${big == big2}", new Vars { ["big"] = vars["big"], ["big2"] = ((List<object?>)vars["big"]!).ToList() })
            .MessageEn.ShouldStartWith("expression too costly");
        Eval("${size(big)}", vars).ShouldBe(20_000L);
    }

    [Fact]
    public void A_list_containing_itself_cannot_hang_text_conversion_or_equality()
    {
        var loop = new List<object?>();
        loop.Add(loop);
        var vars = new Vars { ["loop"] = loop, ["other"] = new List<object?> { new List<object?>() } };
        Fails("${string(loop)}", vars).MessageEn.ShouldStartWith("expression nested too deeply");
        Fails("${'' + loop}", vars).MessageEn.ShouldStartWith("expression nested too deeply");
        Eval("${loop == other}", vars).ShouldBe(false);
    }

    [Fact]
    public void Random_garbage_only_ever_fails_with_an_expression_exception()
    {
        var random = new Random(20261001);
        string[] pieces =
        [
            "${", "#{", "}", "(", ")", "[", "]", "'", "\"", "\\", ".", ",", "?", ":", "!", "-", "+", "*", "/", "%",
            "==", "!=", "<", ">=", "&&", "||", "and", "or", "not", "empty", "div", "mod", "true", "null", "0",
            "1.5", "9999999999999999999", "x", "list", "m", "size", "date", "addDays", "contains", "execution",
            "getVariable", "trim", "environment", "variables", "services", " ", "中", "'2026-10-01'", "1e400",
        ];
        var vars = new Vars { ["x"] = 1L, ["list"] = List(1L, "a"), ["m"] = Map(("k", "v")), ["trim"] = " a " };
        for (var round = 0; round < 20_000; round++)
        {
            var text = "${" + string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)])) + "}";
            try
            {
                Expression.Parse(text).Evaluate(vars);
            }
            catch (ExpressionException e)
            {
                (e.Position >= -1 && e.Position <= text.Length).ShouldBeTrue(text);
            }
        }
    }
}
