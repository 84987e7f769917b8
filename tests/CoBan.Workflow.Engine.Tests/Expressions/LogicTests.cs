using static CoBan.Workflow.Engine.Tests.Expressions.Kit;

namespace CoBan.Workflow.Engine.Tests.Expressions;

public class LogicTests
{
    [Theory]
    [InlineData(true, true, true, true)]
    [InlineData(true, false, false, true)]
    [InlineData(false, true, false, true)]
    [InlineData(false, false, false, false)]
    public void And_and_or_follow_their_truth_tables(bool a, bool b, bool and, bool or)
    {
        var vars = new Vars { ["a"] = a, ["b"] = b };
        Eval("${a && b}", vars).ShouldBe(and);
        Eval("${a and b}", vars).ShouldBe(and);
        Eval("${a || b}", vars).ShouldBe(or);
        Eval("${a or b}", vars).ShouldBe(or);
        Eval("${!a}", vars).ShouldBe(!a);
        Eval("${not a}", vars).ShouldBe(!a);
    }

    [Fact]
    public void And_and_or_short_circuit_so_the_right_side_may_guard_on_the_left()
    {
        // 'missing' is not a variable: reading it would fail, so passing proves it was never read.
        Eval("${false && missing}").ShouldBe(false);
        Eval("${true || missing}").ShouldBe(true);
        Eval("${false and 1 / 0 == 1}").ShouldBe(false);
        var vars = new Vars { ["x"] = null };
        Eval("${x != null && x > 5}", vars).ShouldBe(false);
    }

    [Fact]
    public void The_ternary_evaluates_only_the_chosen_branch()
    {
        Eval("${true ? 'yes' : missing}").ShouldBe("yes");
        Eval("${gender == 'male' ? 'Mr.' : 'Mrs.'}", new Vars { ["gender"] = "female" }).ShouldBe("Mrs.");
    }

    [Fact]
    public void Logic_operands_must_be_booleans()
    {
        var vars = new Vars { ["s"] = "true", ["n"] = null };
        Fails("${s && true}", vars).MessageEn.ShouldStartWith("the operand of '&&' must be a boolean, got string");
        Fails("${false || n}", vars).MessageEn.ShouldStartWith("the operand of '||' must be a boolean, got null");
        Fails("${!s}", vars).MessageEn.ShouldStartWith("the operand of '!' must be a boolean, got string");
        Fails("${1 ? 2 : 3}").MessageEn.ShouldStartWith("the operand of '?:' must be a boolean, got integer");
    }

    [Fact]
    public void A_long_chain_of_alternatives_is_evaluated_flat()
    {
        var terms = string.Join(" || ", Enumerable.Range(0, 300).Select(i => $"x == {i}"));
        Eval("${" + terms + "}", new Vars { ["x"] = 299L }).ShouldBe(true);
    }
}
