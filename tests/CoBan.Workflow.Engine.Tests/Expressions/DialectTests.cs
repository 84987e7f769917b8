using CoBan.Workflow.Engine.Expressions;
using static CoBan.Workflow.Engine.Tests.Expressions.Kit;

namespace CoBan.Workflow.Engine.Tests.Expressions;

public class DialectTests
{
    [Fact]
    public void Camunda_conditions_over_plain_variables_work()
    {
        Condition("${approved}", new Vars { ["approved"] = true }).ShouldBeTrue();
        Condition("${!approved}", new Vars { ["approved"] = true }).ShouldBeFalse();
        Condition("${clarified == 'yes'}", new Vars { ["clarified"] = "yes" }).ShouldBeTrue();
    }

    [Theory]
    [InlineData("A", true)]
    [InlineData("B", false)]
    public void Hash_bodies_are_read_like_dollar_bodies(string selected, bool expected) =>
        Condition("#{selectedFlow=='A'}", new Vars { ["selectedFlow"] = selected }).ShouldBe(expected);

    [Fact]
    public void Environment_variables_and_variables_read_the_variable_of_that_name()
    {
        var vars = new Vars { ["approved"] = true, ["takeJoin1"] = false, ["form"] = Map(("amount", 5L)) };
        Condition("${environment.variables.approved}", vars).ShouldBeTrue();
        Condition("${variables.takeJoin1}", vars).ShouldBeFalse();
        Eval("${environment.variables.form.amount}", vars).ShouldBe(5L);
        Eval("${variables.form['amount'] + 1}", vars).ShouldBe(6L);
    }

    [Fact]
    public void Through_the_dialect_a_missing_variable_reads_as_null_like_a_missing_key()
    {
        Eval("${variables.nothing}").ShouldBeNull();
        Eval("${environment.variables.nothing == null}").ShouldBe(true);
        Should.Throw<ExpressionException>(() => Condition("${variables.takeJoin2}"))
            .MessageEn.ShouldBe("a condition must evaluate to a boolean, got null");
    }

    [Fact]
    public void A_real_variable_named_environment_or_variables_wins_over_the_alias()
    {
        var vars = new Vars
        {
            ["environment"] = Map(("variables", Map(("x", "real")))),
            ["variables"] = Map(("x", "also real")),
            ["x"] = "alias",
        };
        Eval("${environment.variables.x}", vars).ShouldBe("real");
        Eval("${variables.x}", vars).ShouldBe("also real");
        vars.Remove("environment");
        Eval("${environment.variables.x}", vars).ShouldBe("alias");
    }

    [Fact]
    public void Service_paths_name_the_service()
    {
        var expression = Expression.Parse("${environment.services.serviceFn}");
        expression.ServiceName.ShouldBe("serviceFn");
        expression.Evaluate(new Vars()).ShouldBe("serviceFn");
        expression.Variables.ShouldBeEmpty();
        Expression.Parse("${services.postMessage}").ServiceName.ShouldBe("postMessage");
        Expression.Parse("${environment.variables.x}").ServiceName.ShouldBeNull();
        Expression.Parse("${environment.services.a.b}").ServiceName.ShouldBeNull();
    }

    [Fact]
    public void The_dialect_reports_the_aliased_variable_as_the_one_referenced()
    {
        Expression.Parse("${environment.variables.approved}").Variables.ShouldBe(["approved"]);
        Expression.Parse("${variables.a && variables.b[variables.i]}").Variables.ShouldBe(["a", "b", "i"]);
    }

    [Fact]
    public void Execution_get_variable_reads_a_variable_and_is_null_when_it_is_missing()
    {
        var vars = new Vars { ["x"] = "y" };
        Condition("${execution.getVariable(\"x\") == 'y'}", vars).ShouldBeTrue();
        Eval("${execution.getVariable('nothing')}", vars).ShouldBeNull();
        Eval("${execution.getVariable('x').length()}", vars).ShouldBe(1L);
        Expression.Parse("${execution.getVariable('x') == execution.getVariable(name)}").Variables.ShouldBe(["x", "name"]);
    }

    [Fact]
    public void Execution_has_variable_tells_whether_a_variable_is_set()
    {
        var vars = new Vars { ["x"] = null };
        Eval("${execution.hasVariable('x')}", vars).ShouldBe(true);
        Eval("${execution.hasVariable('y')}", vars).ShouldBe(false);
    }

    [Fact]
    public void Execution_methods_take_one_text_argument()
    {
        FailsToParse("${execution.getVariable()}").MessageEn.ShouldStartWith("execution.getVariable takes 1 argument(s), got 0");
        Fails("${execution.getVariable(1)}").MessageEn.ShouldStartWith("execution.getVariable expects a string as argument 1, got integer");
        FailsToParse("${execution.setVariable('x', 1)}").MessageEn.ShouldStartWith("unsupported method setVariable");
    }
}
