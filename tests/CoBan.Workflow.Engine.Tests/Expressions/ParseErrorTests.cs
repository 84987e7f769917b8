using CoBan.Workflow.Engine.Expressions;
using static CoBan.Workflow.Engine.Tests.Expressions.Kit;

namespace CoBan.Workflow.Engine.Tests.Expressions;

public class ParseErrorTests
{
    [Theory]
    [InlineData("${a", "unclosed '${': missing '}'", 0)]
    [InlineData("ok ${a + 'b}", "unterminated string literal", 9)]
    [InlineData("${}", "empty expression '${}'", 0)]
    [InlineData("${  }", "empty expression '${}'", 0)]
    [InlineData("${1 +}", "unexpected end of expression", 5)]
    [InlineData("${(1 + 2}", "missing ')'", 8)]
    [InlineData("${(1 + 2 3)}", "expected ')' but found '3'", 9)]
    [InlineData("${a b}", "unexpected 'b'", 4)]
    [InlineData("${1 2}", "unexpected '2'", 4)]
    [InlineData("${a == }", "unexpected end of expression", 7)]
    [InlineData("${a = 1}", "assignment is not supported; use '==' to compare", 4)]
    [InlineData("${a & b}", "unexpected '&'", 4)]
    [InlineData("${a ? b}", "missing ':'", 7)]
    [InlineData("${[1, 2}", "missing ']'", 7)]
    [InlineData("${a.}", "expected a name after '.' but found '}'", 4)]
    [InlineData("${a.1}", "expected a name after '.' but found '1'", 4)]
    [InlineData("${and}", "unexpected 'and'", 2)]
    [InlineData("${)}", "unexpected ')'", 2)]
    [InlineData("${{1}}", "unexpected '{'", 2)]
    [InlineData("${a;b}", "unexpected ';'", 3)]
    public void Syntax_errors_are_found_when_parsing_with_their_position(string text, string message, int position)
    {
        var error = FailsToParse(text);
        error.MessageEn.ShouldStartWith(message);
        error.Position.ShouldBe(position);
        error.MessageEn.ShouldEndWith($"(at character {position + 1})");
        error.MessageZh.ShouldEndWith($"（第 {position + 1} 个字符）");
        error.Message.ShouldBe($"{error.MessageZh} / {error.MessageEn}");
    }

    [Fact]
    public void Try_parse_reports_the_error_instead_of_throwing()
    {
        Expression.TryParse("${1 +}", out var expression, out var error).ShouldBeFalse();
        expression.ShouldBeNull();
        error!.Position.ShouldBe(5);
        Expression.TryParse("${1 + 1}", out expression, out error).ShouldBeTrue();
        expression!.Evaluate(new Vars()).ShouldBe(2L);
        error.ShouldBeNull();
    }

    [Fact]
    public void Errors_in_a_later_body_point_into_the_whole_text()
    {
        var error = FailsToParse("${a} and ${b +}");
        error.Position.ShouldBe(14);
    }

    [Fact]
    public void Keywords_can_still_name_map_properties_after_a_dot()
    {
        var vars = new Vars { ["m"] = Map(("empty", 1L), ("and", 2L), ("div", 3L)) };
        Eval("${m.empty + m.and + m.div}", vars).ShouldBe(6L);
    }
}
