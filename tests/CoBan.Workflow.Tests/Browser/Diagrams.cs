namespace CoBan.Workflow.Tests.Browser;

/// <summary>Procedures with diagram information (BPMN DI), so the designer and the viewers can draw them.</summary>
public static class Diagrams
{
    private const string Namespaces = """xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:coban="http://coban.workflow/schema/bpmn/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" """;

    /// <summary>start → review (user task for the case owner, with a form) → end, with room on the second flow for a new step.</summary>
    public static string SimplePermit(string key = "simple-permit", string name = "简易许可") => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {{Namespaces}} id="d_{{key}}" targetNamespace="http://coban.test">
          <bpmn:process id="{{key}}" name="{{name}}" isExecutable="true">
            <bpmn:startEvent id="start" name="受理"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:userTask id="review" name="审核" coban:assignTo="caseOwner" coban:candidateRole="coordinator" coban:due="P5WD">
              <bpmn:extensionElements>
                <coban:formField id="opinion" label="审核意见" type="text" required="true" />
                <coban:formField id="pages" label="材料页数" type="long" />
                <coban:formField id="kind" label="件类" type="enum" values="immediate:即办件,commitment:承诺件" />
                <coban:formField id="approved" label="是否通过" type="boolean" required="true" />
                <coban:formField id="visitDate" label="现场核查日期" type="date" />
                <coban:formField id="materials" label="补充材料" type="list" />
              </bpmn:extensionElements>
              <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:endEvent id="end" name="办结"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="dia_{{key}}"><bpmndi:BPMNPlane id="plane_{{key}}" bpmnElement="{{key}}">
            <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="250" y="160" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="712" y="182" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="200" /><di:waypoint x="250" y="200" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="350" y="200" /><di:waypoint x="712" y="200" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    /// <summary>start → check (user task) → gateway: approved → end; no default flow, so approved = false raises an incident at the gateway.</summary>
    public static string GatewayWithoutDefault(string key = "gateway-check", string name = "核验分流") => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {{Namespaces}} id="d_{{key}}" targetNamespace="http://coban.test">
          <bpmn:process id="{{key}}" name="{{name}}" isExecutable="true">
            <bpmn:startEvent id="start" name="受理"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:exclusiveGateway id="route" name="是否通过"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>yes</bpmn:outgoing></bpmn:exclusiveGateway>
            <bpmn:userTask id="handle" name="办理" coban:assignTo="caseOwner"><bpmn:incoming>yes</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:userTask>
            <bpmn:endEvent id="end" name="办结"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="route" />
            <bpmn:sequenceFlow id="yes" name="通过" sourceRef="route" targetRef="handle"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${approved}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f3" sourceRef="handle" targetRef="end" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="dia_{{key}}"><bpmndi:BPMNPlane id="plane_{{key}}" bpmnElement="{{key}}">
            <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="route_di" bpmnElement="route" isMarkerVisible="true"><dc:Bounds x="245" y="95" width="50" height="50" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="handle_di" bpmnElement="handle"><dc:Bounds x="360" y="80" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="522" y="102" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="120" /><di:waypoint x="245" y="120" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="yes_di" bpmnElement="yes"><di:waypoint x="295" y="120" /><di:waypoint x="360" y="120" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="460" y="120" /><di:waypoint x="522" y="120" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    /// <summary>start → check (for any coordinator of the bureau to claim, due in 2 working days) → end.</summary>
    public static string GroupCheck(string key = "group-check", string name = "材料核验") => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {{Namespaces}} id="d_{{key}}" targetNamespace="http://coban.test">
          <bpmn:process id="{{key}}" name="{{name}}" isExecutable="true">
            <bpmn:startEvent id="start" name="受理"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:userTask id="check" name="核验材料" coban:candidateRole="coordinator" coban:due="P2WD">
              <bpmn:extensionElements>
                <coban:formField id="complete" label="材料是否齐全" type="boolean" required="true" />
                <coban:formField id="missing" label="缺少的材料" type="list" />
              </bpmn:extensionElements>
              <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:endEvent id="end" name="办结"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="dia_{{key}}"><bpmndi:BPMNPlane id="plane_{{key}}" bpmnElement="{{key}}">
            <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="check_di" bpmnElement="check"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="392" y="102" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="120" /><di:waypoint x="392" y="120" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;
}
