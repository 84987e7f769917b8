using static CoBan.Workflow.Engine.Tests.Expressions.Kit;

namespace CoBan.Workflow.Engine.Tests.Expressions;

public class FunctionTests
{
    [Theory]
    [InlineData("${size('受理中')}", 3L)]
    [InlineData("${length('abc')}", 3L)]
    [InlineData("${size([1, 2, 3])}", 3L)]
    [InlineData("${size(null)}", 0L)]
    [InlineData("${size('')}", 0L)]
    public void Size_and_length_count_characters_or_elements(string text, long expected) => Eval(text).ShouldBe(expected);

    [Theory]
    [InlineData("${contains('材料齐全', '齐全')}", true)]
    [InlineData("${contains('abc', 'd')}", false)]
    [InlineData("${contains(['a', 1], 1.0)}", true)]
    [InlineData("${contains(['a', 1], '1')}", false)]
    [InlineData("${contains(null, 'x')}", false)]
    [InlineData("${contains([[1]], [1])}", true)]
    public void Contains_finds_substrings_list_elements_and_map_keys(string text, bool expected) => Eval(text).ShouldBe(expected);

    [Fact]
    public void Text_functions_work_on_text()
    {
        Eval("${lower('ABC')}").ShouldBe("abc");
        Eval("${upper('abc')}").ShouldBe("ABC");
        Eval("${trim('  a b  ')}").ShouldBe("a b");
        Eval("${trim('\u3000全角\u3000')}").ShouldBe("全角");
        Eval("${startsWith('ZW-2026', 'ZW-')}").ShouldBe(true);
        Eval("${endsWith('ZW-2026', '2025')}").ShouldBe(false);
    }

    [Fact]
    public void Text_functions_refuse_other_kinds_naming_the_argument()
    {
        var error = Fails("${lower(1)}");
        error.MessageEn.ShouldStartWith("lower expects a string as argument 1, got integer");
        error.MessageZh.ShouldStartWith("lower 的第 1 个参数应为文本，实际为整数");
        error.Position.ShouldBe(8);
        Fails("${startsWith('a', null)}").MessageEn.ShouldStartWith("startsWith expects a string as argument 2, got null");
        Fails("${size(true)}").MessageEn.ShouldStartWith("size expects a string, list or map as argument 1, got boolean");
    }

    [Theory]
    [InlineData("${string(12)}", "12")]
    [InlineData("${string(1.25)}", "1.25")]
    [InlineData("${string(null)}", "")]
    [InlineData("${string(true)}", "true")]
    [InlineData("${string([1, 'a', null])}", "[1, a, ]")]
    [InlineData("${string(date('2026-10-01T09:30'))}", "2026-10-01T09:30:00+08:00")]
    public void String_gives_the_text_form(string text, string expected) => Eval(text).ShouldBe(expected);

    [Fact]
    public void String_of_a_map_lists_its_entries()
    {
        Eval("${string(m)}", new Vars { ["m"] = Map(("a", 1L), ("b", List("x"))) }).ShouldBe("{a=1, b=[x]}");
    }

    [Theory]
    [InlineData("${number('12')}", 12L)]
    [InlineData("${number(' -3 ')}", -3L)]
    [InlineData("${number(7)}", 7L)]
    [InlineData("${int(7.9)}", 7L)]
    [InlineData("${int(-7.9)}", -7L)]
    [InlineData("${int('42')}", 42L)]
    [InlineData("${int('4.5')}", 4L)]
    [InlineData("${int(7 / 2)}", 3L)]
    public void Number_and_int_convert_to_integers(string text, long expected) => Eval(text).ShouldBe(expected);

    [Theory]
    [InlineData("${number('1.5')}", 1.5)]
    [InlineData("${number('2e2')}", 200.0)]
    [InlineData("${number(0.5)}", 0.5)]
    public void Number_parses_decimals_invariantly(string text, double expected) => Eval(text).ShouldBe(expected);

    [Fact]
    public void Conversions_refuse_what_is_not_a_number()
    {
        Fails("${number('十二')}").MessageEn.ShouldStartWith("'十二' is not a number");
        Fails("${number('1,5')}").MessageEn.ShouldStartWith("'1,5' is not a number");
        Fails("${number(true)}").MessageEn.ShouldStartWith("number expects a number or numeric string as argument 1, got boolean");
        Fails("${int(null)}").MessageEn.ShouldStartWith("int expects a number or numeric string as argument 1, got null");
        Fails("${int(1e300)}").MessageEn.ShouldStartWith("number out of range");
    }

    [Fact]
    public void Unknown_functions_are_refused_when_parsing_with_their_name()
    {
        var error = FailsToParse("${1 + foo(2)}");
        error.MessageEn.ShouldStartWith("unknown function foo");
        error.MessageZh.ShouldStartWith("未知函数 foo");
        error.Position.ShouldBe(6);
        FailsToParse("${Size('a')}").MessageEn.ShouldStartWith("unknown function Size");
    }

    [Fact]
    public void Function_arguments_are_counted_when_parsing()
    {
        FailsToParse("${size()}").MessageEn.ShouldStartWith("size takes 1 argument(s), got 0");
        FailsToParse("${now(1)}").MessageEn.ShouldStartWith("now takes 0 argument(s), got 1");
        FailsToParse("${contains('a', 'b', 'c')}").MessageEn.ShouldStartWith("contains takes 2 argument(s), got 3");
    }
}
