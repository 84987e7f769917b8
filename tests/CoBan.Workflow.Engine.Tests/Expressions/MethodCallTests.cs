using static CoBan.Workflow.Engine.Tests.Expressions.Kit;

namespace CoBan.Workflow.Engine.Tests.Expressions;

public class MethodCallTests
{
    private static Vars Vars() => new()
    {
        ["items"] = List("a", "b"),
        ["name"] = " Zhang ",
        ["map"] = Map(("k", 1L)),
        ["none"] = null,
    };

    [Theory]
    [InlineData("${items.size()}", 2L)]
    [InlineData("${name.length()}", 7L)]
    [InlineData("${map.size()}", 1L)]
    [InlineData("${none.size()}", 0L)]
    public void Size_and_length_count_elements_or_characters(string text, long expected) => Eval(text, Vars()).ShouldBe(expected);

    [Theory]
    [InlineData("${items.isEmpty()}", false)]
    [InlineData("${none.isEmpty()}", true)]
    [InlineData("${items.contains('b')}", true)]
    [InlineData("${items.contains('c')}", false)]
    [InlineData("${map.contains('k')}", true)]
    [InlineData("${name.contains('ang')}", true)]
    [InlineData("${name.equals(' Zhang ')}", true)]
    [InlineData("${items.equals(['a', 'b'])}", true)]
    [InlineData("${name.trim().startsWith('Zh')}", true)]
    [InlineData("${name.trim().endsWith('ng')}", true)]
    public void Boolean_methods_answer_as_in_Java(string text, bool expected) => Eval(text, Vars()).ShouldBe(expected);

    [Fact]
    public void Case_methods_change_letters_invariantly()
    {
        Eval("${name.toUpperCase()}", Vars()).ShouldBe(" ZHANG ");
        Eval("${name.toLowerCase().trim()}", Vars()).ShouldBe("zhang");
    }

    [Theory]
    [InlineData("${genderBean.getGenderString(gender)}", "getGenderString")]
    [InlineData("${name.getClass()}", "getClass")]
    [InlineData("${items.clear()}", "clear")]
    [InlineData("${''.concat('x')}", "concat")]
    public void Any_method_outside_the_whitelist_is_refused_when_parsing(string text, string method)
    {
        var error = FailsToParse(text);
        error.MessageEn.ShouldStartWith($"unsupported method {method}");
        error.MessageZh.ShouldStartWith($"不支持的方法 {method}");
        error.Position.ShouldBe(text.IndexOf(method, StringComparison.Ordinal));
    }

    [Fact]
    public void Method_arguments_are_counted_when_parsing() =>
        FailsToParse("${items.contains()}").MessageEn.ShouldStartWith("contains takes 1 argument(s), got 0");

    [Fact]
    public void A_method_on_the_wrong_kind_of_value_says_what_it_applies_to()
    {
        var error = Fails("${items.toUpperCase()}", Vars());
        error.MessageEn.ShouldStartWith("method toUpperCase applies to a string, not list");
        error.MessageZh.ShouldStartWith("方法 toUpperCase 只能用于文本，实际为列表");
    }
}
