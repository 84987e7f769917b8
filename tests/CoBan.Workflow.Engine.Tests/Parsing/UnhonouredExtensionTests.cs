using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Parsing;

/// <summary>Nothing is ignored silently: every vendor extension CoBan does not honour is a named warning with its element and line.</summary>
public class UnhonouredExtensionTests
{
    private static List<BpmnProblem> Warnings(string body)
    {
        var document = BpmnReader.Parse(Xml(body).Replace("<definitions ", "<definitions xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\" "));
        document.HasErrors.ShouldBeFalse(string.Join("\n", document.Problems));
        return document.Problems.Where(p => p.Severity == ProblemSeverity.Warning).ToList();
    }

    [Fact]
    public void Listeners_fields_properties_output_parameters_and_unknown_camunda_attributes_are_named()
    {
        var warnings = Warnings($$"""
            <startEvent id="s" camunda:initiator="starter">
              <extensionElements><camunda:executionListener event="end" class="x.Y" /></extensionElements>
            </startEvent>
            <userTask id="t" camunda:assignee="${a}">
              <extensionElements>
                <camunda:taskListener event="create" expression="${x}" />
                <camunda:properties><camunda:property name="k" value="v" /></camunda:properties>
                <camunda:inputOutput><camunda:outputParameter name="o">${1}</camunda:outputParameter></camunda:inputOutput>
                <camunda:formData><camunda:formField id="f" type="string"><camunda:validation><camunda:constraint name="pattern" config="x" /></camunda:validation></camunda:formField></camunda:formData>
              </extensionElements>
            </userTask>
            <serviceTask id="svc" camunda:class="a.B"><extensionElements><camunda:field name="n" stringValue="v" /></extensionElements></serviceTask>
            <endEvent id="e" />
            {{Chain("s", "t", "svc", "e")}}
            """);
        string[] expected = ["camunda:initiator", "camunda:executionListener", "camunda:taskListener", "camunda:properties",
            "camunda:outputParameter 'o'", "camunda:constraint 'pattern'", "camunda:field"];
        foreach (var what in expected)
            warnings.ShouldContain(w => w.MessageEn.StartsWith(what + " is not honoured") && w.ElementId != null && w.Line != null, what);
        warnings.Single(w => w.MessageEn.StartsWith("camunda:taskListener")).ElementId.ShouldBe("t");
        warnings.Single(w => w.MessageEn.StartsWith("camunda:field")).ElementId.ShouldBe("svc");
    }

    [Fact]
    public void Zeebe_extensions_and_misspelt_coban_attributes_are_named()
    {
        var warnings = Warnings($$"""
            <startEvent id="s" /><serviceTask id="svc" coban:action="case.setStatus" coban:retrys="5">
              <extensionElements><zeebe:taskDefinition type="x" /></extensionElements>
            </serviceTask><endEvent id="e" />
            {{Chain("s", "svc", "e")}}
            """);
        warnings.ShouldContain(w => w.ElementId == "svc" && w.MessageEn.StartsWith("zeebe:taskDefinition is not honoured"));
        warnings.ShouldContain(w => w.ElementId == "svc" && w.MessageEn.StartsWith("coban:retrys is not honoured"));
    }

    [Fact]
    public void Honoured_extensions_raise_nothing()
    {
        Warnings($$"""
            <startEvent id="s" /><userTask id="t" camunda:assignee="${a}" camunda:asyncBefore="true" coban:due="P3WD">
              <extensionElements><camunda:formData><camunda:formField id="f" type="string"><camunda:validation><camunda:constraint name="required" /><camunda:constraint name="maxlength" config="20" /></camunda:validation></camunda:formField></camunda:formData></extensionElements>
            </userTask><serviceTask id="svc" camunda:class="a.B"><extensionElements><camunda:inputOutput><camunda:inputParameter name="p">${1}</camunda:inputParameter></camunda:inputOutput></extensionElements></serviceTask>
            <endEvent id="e" />
            {{Chain("s", "t", "svc", "e")}}
            """).ShouldBeEmpty();
    }

    [Fact]
    public void Honoured_attributes_and_mappings_on_elements_where_they_have_no_effect_are_named()
    {
        var document = BpmnReader.Parse(Xml($"""
            <startEvent id="s" camunda:formKey="start.html"><extensionElements><camunda:formData><camunda:formField id="x" type="string" /></camunda:formData></extensionElements></startEvent>
            <serviceTask id="svc" camunda:class="x.Y" camunda:priority="5" camunda:assignee="zhang" />
            <userTask id="t" camunda:resultVariable="r"><extensionElements><camunda:in source="a" target="b" /></extensionElements></userTask>
            <endEvent id="e" />{Chain("s", "svc", "t", "e")}
            """));
        string[] named = ["camunda:formKey", "camunda:formData", "camunda:priority", "camunda:assignee", "camunda:resultVariable", "camunda:in"];
        foreach (var what in named)
            document.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Warning && p.MessageEn.StartsWith(what + " is not honoured") && p.Line != null, what);
    }
}
