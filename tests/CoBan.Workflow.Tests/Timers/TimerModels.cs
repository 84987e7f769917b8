using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Timers;

/// <summary>Procedures for timer tests.</summary>
public static class TimerModels
{
    private const string Ns = Models.Namespaces;

    /// <summary>start → review (case owner) → endCompleted; interrupting boundary timer on review → endTimedOut.</summary>
    public static string Boundary(string key, string duration, string due = "") => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {{Ns}} id="d_{{key}}" targetNamespace="http://coban.test">
          <bpmn:process id="{{key}}" name="超时测试" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" name="审核" coban:assignTo="caseOwner" {{(due.Length > 0 ? $"coban:due=\"{due}\"" : "")}} />
            <bpmn:boundaryEvent id="timeout" attachedToRef="review" cancelActivity="true">
              <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">{{duration}}</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="endCompleted" /><bpmn:endEvent id="endTimedOut" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="endCompleted" />
            <bpmn:sequenceFlow id="f3" sourceRef="timeout" targetRef="endTimedOut" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → wait (timer) → a "reminder" notice to the case owner → end: each firing's effect is one step and one notice.</summary>
    public static string TimerNotice(string key, string duration) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {{Ns}} id="d_{{key}}" targetNamespace="http://coban.test">
          <bpmn:process id="{{key}}" name="定时通知" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">{{duration}}</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:intermediateThrowEvent id="tell" coban:notice="reminder" coban:recipient="caseOwner" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="tell" />
            <bpmn:sequenceFlow id="f3" sourceRef="tell" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → review with a due date (and optional coban:remindBefore / coban:escalateAfter) → end.</summary>
    public static string TaskWithDue(string key, string due = "P3WD", string? remindBefore = null, string? escalateAfter = null) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {{Ns}} id="d_{{key}}" targetNamespace="http://coban.test">
          <bpmn:process id="{{key}}" name="限时办理" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" name="审核材料" coban:assignTo="caseOwner" coban:due="{{due}}"{{Attr("remindBefore", remindBefore)}}{{Attr("escalateAfter", escalateAfter)}} />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A timer start event (timeCycle: ISO repeating interval or a Quartz cron) → publish task (duty leader) → end.</summary>
    public static string StartEvent(string key, string cycle) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {{Ns}} id="d_{{key}}" targetNamespace="http://coban.test">
          <bpmn:process id="{{key}}" name="每日公示值班表" isExecutable="true">
            <bpmn:startEvent id="daily" name="每天">
              <bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">{{cycle}}</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:userTask id="publish" name="公示值班表" coban:assignTo="dutyLeader" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="daily" targetRef="publish" />
            <bpmn:sequenceFlow id="f2" sourceRef="publish" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static string Attr(string name, string? value) => value is null ? "" : $" coban:{name}=\"{value}\"";
}
