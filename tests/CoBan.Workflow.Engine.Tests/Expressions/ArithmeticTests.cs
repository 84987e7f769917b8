using static CoBan.Workflow.Engine.Tests.Expressions.Kit;

namespace CoBan.Workflow.Engine.Tests.Expressions;

public class ArithmeticTests
{
    [Theory]
    [InlineData("${3 + 4}", 7L)]
    [InlineData("${3 - 4}", -1L)]
    [InlineData("${3 * 4}", 12L)]
    [InlineData("${7 % 3}", 1L)]
    [InlineData("${-7 % 3}", -1L)]
    [InlineData("${7 mod 3}", 1L)]
    public void Integer_arithmetic_stays_integer(string text, long expected) => Eval(text).ShouldBe(expected);

    [Theory]
    [InlineData("${7 / 2}", 3.5)]
    [InlineData("${8 / 2}", 4.0)]
    [InlineData("${7 div 2}", 3.5)]
    [InlineData("${1.5 + 1}", 2.5)]
    [InlineData("${2 * 0.5}", 1.0)]
    [InlineData("${5.5 % 2}", 1.5)]
    [InlineData("${0.1 + 0.2 > 0.3 ? 1.0 : 0.0}", 1.0)]
    public void Division_is_always_decimal_as_in_JUEL_and_mixed_operands_give_decimals(string text, double expected) =>
        Eval(text).ShouldBe(expected);

    [Fact]
    public void Plus_concatenates_when_either_side_is_a_string()
    {
        Eval("${'件' + 3}").ShouldBe("件3");
        Eval("${1 + 2 + '3'}").ShouldBe("33");
        Eval("${'1' + 2 + 3}").ShouldBe("123");
        Eval("${'a' + null}").ShouldBe("a");
        Eval("${'ok: ' + true}").ShouldBe("ok: true");
        Eval("${'' + 1.5}").ShouldBe("1.5");
        Eval("${'' + date('2026-10-01')}").ShouldBe("2026-10-01T00:00:00+08:00");
        Eval("${'' + ['a', 1]}").ShouldBe("[a, 1]");
    }

    [Theory]
    [InlineData("${1 / 0}")]
    [InlineData("${1 % 0}")]
    [InlineData("${1.5 / 0}")]
    [InlineData("${1 div 0.0}")]
    public void Division_by_zero_is_an_error(string text) => Fails(text).MessageEn.ShouldStartWith("division by zero");

    [Theory]
    [InlineData("${9223372036854775807 + 1}")]
    [InlineData("${-9223372036854775807 - 2}")]
    [InlineData("${9223372036854775807 * 2}")]
    [InlineData("${1e308 * 10}")]
    public void Overflow_is_an_error_rather_than_a_wrap_or_infinity(string text) =>
        Fails(text).MessageEn.ShouldStartWith("number out of range");

    [Fact]
    public void Arithmetic_on_values_that_are_not_numbers_names_both_kinds()
    {
        var vars = new Vars { ["flag"] = true, ["nothing"] = null };
        var error = Fails("${flag * 2}", vars);
        error.MessageEn.ShouldStartWith("cannot apply '*' to boolean and integer");
        error.MessageZh.ShouldStartWith("无法对布尔值和整数执行 *");
        error.Position.ShouldBe(7);
        Fails("${nothing + 1}", vars).MessageEn.ShouldStartWith("cannot apply '+' to null and integer");
        Fails("${'a' - 1}").MessageEn.ShouldStartWith("cannot apply '-' to string and integer");
        Fails("${-'a'}").MessageEn.ShouldStartWith("cannot apply '-' to string");
        Fails("${[1] + [2]}").MessageEn.ShouldStartWith("cannot apply '+' to list and list");
    }
}
