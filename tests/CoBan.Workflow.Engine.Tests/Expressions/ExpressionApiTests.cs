using CoBan.Workflow.Engine.Expressions;

namespace CoBan.Workflow.Engine.Tests.Expressions;

public class ExpressionApiTests
{
    [Fact]
    public void Variables_lists_each_root_variable_once_in_order_of_appearance()
    {
        Expression.Parse("${a.b.c > 1 && list[i] == a.x && size(z) > 0 && empty maybe}").Variables
            .ShouldBe(["a", "list", "i", "z", "maybe"]);
        Expression.Parse("${now() > date('2026-10-01')}").Variables.ShouldBeEmpty();
        Expression.Parse("Hello ${name}, ${name}!").Variables.ShouldBe(["name"]);
        Expression.Parse("plain").Variables.ShouldBeEmpty();
    }

    [Fact]
    public void Text_is_the_original_text()
    {
        var expression = Expression.Parse(" ${a} ");
        expression.Text.ShouldBe(" ${a} ");
        expression.ToString().ShouldBe(" ${a} ");
        expression.IsConstant.ShouldBeFalse();
    }

    [Fact]
    public void One_compiled_expression_can_be_evaluated_from_many_threads()
    {
        var expression = Expression.Parse("${x * 2 + size(name) > 10 ? 'big' : 'small'}");
        Parallel.For(0, 2000, i =>
        {
            var vars = new Vars { ["x"] = (long)i, ["name"] = "ab" };
            expression.Evaluate(vars).ShouldBe(i * 2 + 2 > 10 ? "big" : "small");
        });
    }

    [Fact]
    public void Evaluating_a_variable_path_allocates_nothing()
    {
        var expression = Expression.Parse("${environment.variables.approved}");
        var condition = Expression.Parse("${approved && count > 3 || name == 'x'}");
        var vars = new Vars { ["approved"] = true, ["count"] = 5L, ["name"] = "y" };
        expression.EvaluateCondition(vars);
        condition.EvaluateCondition(vars);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            expression.EvaluateCondition(vars);
            condition.EvaluateCondition(vars);
        }
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void Parse_refuses_a_null_text_as_a_programming_error() =>
        Should.Throw<ArgumentNullException>(() => Expression.Parse(null!));
}
