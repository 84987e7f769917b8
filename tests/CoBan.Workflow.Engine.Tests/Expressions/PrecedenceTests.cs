using static CoBan.Workflow.Engine.Tests.Expressions.Kit;

namespace CoBan.Workflow.Engine.Tests.Expressions;

public class PrecedenceTests
{
    [Theory]
    [InlineData("${1 + 2 * 3}", 7L)]
    [InlineData("${(1 + 2) * 3}", 9L)]
    [InlineData("${10 - 4 - 3}", 3L)]
    [InlineData("${2 * 3 % 4}", 2L)]
    [InlineData("${17 mod 5 * 2}", 4L)]
    [InlineData("${-2 * 3}", -6L)]
    [InlineData("${- (2 + 3)}", -5L)]
    [InlineData("${1 - -1}", 2L)]
    [InlineData("${2 * 3 + 4 * 5}", 26L)]
    public void Multiplicative_operators_bind_tighter_than_additive_and_both_associate_left(string text, long expected) =>
        Eval(text).ShouldBe(expected);

    [Theory]
    [InlineData("${1 + 2 > 2}", true)]
    [InlineData("${1 < 2 == true}", true)]
    [InlineData("${1 == 1 && 2 == 3}", false)]
    [InlineData("${true || false && false}", true)]
    [InlineData("${(true || false) && false}", false)]
    [InlineData("${false && true || true}", true)]
    [InlineData("${!false && false}", false)]
    [InlineData("${!(false && false)}", true)]
    [InlineData("${not true or true}", true)]
    [InlineData("${1 lt 2 and 3 gt 2}", true)]
    [InlineData("${2 le 2 and 2 ge 3}", false)]
    [InlineData("${1 eq 1 and 1 ne 2}", true)]
    public void Comparison_binds_tighter_than_equality_which_binds_tighter_than_and_then_or(string text, bool expected) =>
        Eval(text).ShouldBe(expected);

    [Theory]
    [InlineData("${true ? 1 : 2}", 1L)]
    [InlineData("${false ? 1 : 2}", 2L)]
    [InlineData("${1 > 2 || 2 > 1 ? 10 : 20}", 10L)]
    [InlineData("${false ? 1 : true ? 2 : 3}", 2L)]
    [InlineData("${true ? false ? 1 : 2 : 3}", 2L)]
    [InlineData("${1 + (true ? 1 : 2) * 3}", 4L)]
    public void The_ternary_has_the_lowest_precedence_and_nests_to_the_right(string text, long expected) =>
        Eval(text).ShouldBe(expected);

    [Fact]
    public void Empty_is_a_unary_operator_applying_to_the_whole_path_after_it()
    {
        var vars = new Vars { ["a"] = Map(("b", "")) };
        Eval("${empty a.b}", vars).ShouldBe(true);
        Eval("${empty a.b == true}", vars).ShouldBe(true);
        Eval("${!empty a}", vars).ShouldBe(true);
        Eval("${not empty a.b}", vars).ShouldBe(false);
    }

    [Fact]
    public void Paths_and_indexes_bind_tighter_than_unary_minus()
    {
        var vars = new Vars { ["list"] = List(5L, 6L), ["m"] = Map(("n", 3L)) };
        Eval("${-list[1]}", vars).ShouldBe(-6L);
        Eval("${-m.n * 2}", vars).ShouldBe(-6L);
    }
}
