namespace CoBan.Workflow.Tests.Support;

/// <summary>Small procedures for host tests (the shipped ones live in workflows/).</summary>
public static class Models
{
    public const string Namespaces = """xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:coban="http://coban.workflow/schema/bpmn/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" """;

    /// <summary>start → review (user task with a form, assigned to the case owner) → decision → approved / rejected.</summary>
    public static string Review(string key = "review-flow", string name = "审核流程", string extraTask = "") => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {{Namespaces}} id="d_{{key}}" targetNamespace="http://coban.test">
          <bpmn:process id="{{key}}" name="{{name}}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" name="审核" coban:assignTo="caseOwner" coban:candidateRole="coordinator" coban:due="P3WD">
              <bpmn:extensionElements>
                <coban:formField id="approved" label="是否通过" type="boolean" required="true" />
                <coban:formField id="pages" label="材料页数" type="long" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            {{extraTask}}
            <bpmn:exclusiveGateway id="decision" default="toRejected" />
            <bpmn:endEvent id="approvedEnd" /><bpmn:endEvent id="rejectedEnd" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="decision" />
            <bpmn:sequenceFlow id="toApproved" sourceRef="decision" targetRef="approvedEnd"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${approved}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="toRejected" sourceRef="decision" targetRef="rejectedEnd" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A model with several mistakes at once (for validation tests).</summary>
    public static string Broken(string key = "review-flow") => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {{Namespaces}} id="d_broken" targetNamespace="http://coban.test">
          <bpmn:process id="{{key}}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="calc" />
            <bpmn:serviceTask id="lookup" />
            <bpmn:exclusiveGateway id="gw" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
            <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="end"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${a &gt;}</bpmn:conditionExpression></bpmn:sequenceFlow>
          </bpmn:process>
        </bpmn:definitions>
        """;
}
