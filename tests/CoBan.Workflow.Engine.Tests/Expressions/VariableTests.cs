using static CoBan.Workflow.Engine.Tests.Expressions.Kit;

namespace CoBan.Workflow.Engine.Tests.Expressions;

public class VariableTests
{
    private static Vars Case() => new()
    {
        ["case"] = Map(("applicant", Map(("name", "张三"), ("phones", List("138", "139")))), ("kind", "immediate")),
        ["list"] = List(10L, 20L, 30L),
        ["approved"] = true,
        ["金额"] = 1200L,
    };

    [Fact]
    public void Dotted_paths_read_into_maps()
    {
        Eval("${case.applicant.name}", Case()).ShouldBe("张三");
        Eval("${case.kind == 'immediate'}", Case()).ShouldBe(true);
    }

    [Fact]
    public void Indexes_read_lists_by_position_and_maps_by_key()
    {
        Eval("${list[0]}", Case()).ShouldBe(10L);
        Eval("${list[1 + 1]}", Case()).ShouldBe(30L);
        Eval("${case['kind']}", Case()).ShouldBe("immediate");
        Eval("${case.applicant['phones'][1]}", Case()).ShouldBe("139");
        Eval("${['a', 'b'][1]}").ShouldBe("b");
    }

    [Fact]
    public void A_missing_map_key_an_index_out_of_range_and_a_step_from_null_all_read_as_null()
    {
        Eval("${case.nothing}", Case()).ShouldBeNull();
        Eval("${case.nothing.deeper}", Case()).ShouldBeNull();
        Eval("${list[3]}", Case()).ShouldBeNull();
        Eval("${list[-1]}", Case()).ShouldBeNull();
    }

    [Fact]
    public void A_missing_root_variable_is_an_error_naming_it()
    {
        var error = Fails("${approved && missing}", Case());
        error.MessageEn.ShouldStartWith("Unknown property used in expression: cannot resolve identifier 'missing'");
        error.MessageZh.ShouldStartWith("表达式中使用了不存在的变量 missing");
        error.Position.ShouldBe(14);
    }

    [Fact]
    public void A_missing_variable_is_an_error_even_when_compared_with_null()
    {
        Fails("${missing == null}", Case()).MessageEn.ShouldContain("'missing'");
        Eval("${present == null}", new Vars { ["present"] = null }).ShouldBe(true);
    }

    [Fact]
    public void Under_empty_a_missing_variable_is_simply_empty()
    {
        Eval("${empty missing}", Case()).ShouldBe(true);
        Eval("${empty missing.deeper[0]}", Case()).ShouldBe(true);
        Eval("${!empty missing}", Case()).ShouldBe(false);
        Eval("${empty (missing)}", Case()).ShouldBe(true);
    }

    [Theory]
    [InlineData("${empty null}", true)]
    [InlineData("${empty ''}", true)]
    [InlineData("${empty ' '}", false)]
    [InlineData("${empty []}", true)]
    [InlineData("${empty [null]}", false)]
    [InlineData("${empty 0}", false)]
    [InlineData("${empty false}", false)]
    [InlineData("${empty case.applicant}", false)]
    [InlineData("${empty emptyMap}", true)]
    public void Empty_is_true_for_null_empty_text_and_empty_collections(string text, bool expected)
    {
        var vars = Case();
        vars["emptyMap"] = Map();
        Eval(text, vars).ShouldBe(expected);
    }

    [Fact]
    public void Chinese_variable_names_are_identifiers() => Eval("${金额 > 1000}", Case()).ShouldBe(true);

    [Fact]
    public void Reading_a_property_of_something_that_is_not_a_map_is_an_error()
    {
        Fails("${list.size}", Case()).MessageEn.ShouldStartWith("cannot read property 'size' of list");
        Fails("${approved.value}", Case()).MessageEn.ShouldStartWith("cannot read property 'value' of boolean");
        Fails("${list['x']}", Case()).MessageEn.ShouldStartWith("cannot index list with string");
        Fails("${case[0]}", Case()).MessageEn.ShouldStartWith("cannot index map with integer");
        Fails("${'abc'[0]}").MessageEn.ShouldStartWith("cannot index string with integer");
    }

    [Fact]
    public void Host_values_outside_the_model_are_normalized_when_read()
    {
        var vars = new Vars
        {
            ["count"] = 3,
            ["price"] = 9.5m,
            ["when"] = new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Unspecified),
            ["tags"] = new[] { 1, 2 },
            ["inner"] = new List<object?> { (short)4 },
        };
        Eval("${count}", vars).ShouldBe(3L);
        Eval("${price * 2}", vars).ShouldBe(19.0);
        Eval("${when}", vars).ShouldBe(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        Eval("${tags[1]}", vars).ShouldBe(2L);
        Eval("${inner[0] == 4}", vars).ShouldBe(true);
        Eval("${contains(tags, 2)}", vars).ShouldBe(true);
    }

    [Fact]
    public void A_variable_holding_an_unsupported_value_is_a_clear_error()
    {
        var vars = new Vars { ["odd"] = new object() };
        Fails("${odd}", vars).MessageEn.ShouldStartWith("variable 'odd' holds an unsupported value");
    }
}
