using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Parsing;

/// <summary>
/// What the validator tells a process owner: every problem at once, one per mistake, each with the
/// element id and type, a Chinese and an English sentence, and the line.
/// </summary>
public class ValidationTests
{
    private static List<BpmnProblem> Errors(string processBody, string roots = "", string extraProcesses = "")
    {
        var document = BpmnReader.Parse(Xml(processBody, roots, extraProcesses: extraProcesses));
        return document.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
    }

    /// <summary>The model's only error: it names the element, is bilingual and has a line.</summary>
    private static BpmnProblem OnlyError(string processBody, string elementId, string roots = "")
    {
        var errors = Errors(processBody, roots);
        var problem = errors.ShouldHaveSingleItem(string.Join("\n", errors));
        problem.ElementId.ShouldBe(elementId);
        problem.ElementType.ShouldNotBeNullOrEmpty();
        problem.MessageZh.ShouldNotBeNullOrWhiteSpace();
        problem.MessageEn.ShouldNotBeNullOrWhiteSpace();
        problem.Line.ShouldNotBeNull();
        return problem;
    }

    // ---- all at once ----

    [Fact]
    public void A_model_with_five_different_mistakes_gets_five_problems_at_once_each_placed_and_explained()
    {
        // Xml() puts the first body line on line 5.
        var body = """
            <startEvent id="s" />
            <scriptTask id="calc" />
            <userTask id="review" coban:assignTo="everyone" />
            <exclusiveGateway id="gw" default="nowhere" />
            <boundaryEvent id="late" attachedToRef="review"><timerEventDefinition><timeDuration>5 days</timeDuration></timerEventDefinition></boundaryEvent>
            <endEvent id="e" /><endEvent id="e2" /><endEvent id="e3" />
            <sequenceFlow id="f1" sourceRef="s" targetRef="review" />
            <sequenceFlow id="f2" sourceRef="review" targetRef="gw" />
            <sequenceFlow id="f3" sourceRef="gw" targetRef="e"><conditionExpression>${amount &gt;}</conditionExpression></sequenceFlow>
            <sequenceFlow id="f4" sourceRef="gw" targetRef="e2" />
            <sequenceFlow id="f5" sourceRef="late" targetRef="e3" />
            """;
        var errors = Errors(body);
        errors.Select(p => (p.ElementId, p.ElementType, p.Line)).ShouldBe(
        [
            ("calc", "scriptTask", 6),
            ("review", "userTask", 7),
            ("late", "boundaryEvent", 9),
            ("f3", "sequenceFlow", 13),
            ("gw", "exclusiveGateway", 8),
        ], ignoreOrder: true);
        errors.ShouldAllBe(p => p.MessageZh.Length > 0 && p.MessageEn.Length > 0);
        errors.Single(p => p.ElementId == "calc").MessageZh.ShouldStartWith("不支持的元素 scriptTask 'calc'");
        errors.Single(p => p.ElementId == "review").MessageEn.ShouldStartWith("invalid coban:assignTo 'everyone'");
        errors.Single(p => p.ElementId == "late").MessageEn.ShouldStartWith("invalid timer value '5 days'");
        errors.Single(p => p.ElementId == "f3").MessageEn.ShouldStartWith("invalid condition expression:");
        errors.Single(p => p.ElementId == "gw").MessageEn.ShouldBe("default flow 'nowhere' is not an outgoing flow of this element");
    }

    [Fact]
    public void Problems_render_with_element_both_languages_and_line()
    {
        var problem = OnlyError("""<startEvent id="s" /><scriptTask id="x" />""", "x");
        problem.ToString().ShouldStartWith("Error: scriptTask 'x': 不支持的元素 scriptTask 'x'");
        problem.ToString().ShouldContain(" / unsupported element scriptTask 'x'");
        problem.ToString().ShouldEndWith("(line 5)");
    }

    // ---- unsupported elements, refused by name ----

    [Theory]
    [InlineData("""<scriptTask id="x" scriptFormat="JavaScript"><script>next()</script></scriptTask>""", "scriptTask", "不支持的元素 scriptTask 'x'", "unsupported element scriptTask 'x'")]
    [InlineData("""<businessRuleTask id="x" />""", "businessRuleTask", "不支持的元素 businessRuleTask 'x'", "unsupported element businessRuleTask 'x'")]
    [InlineData("""<complexGateway id="x" />""", "complexGateway", "不支持的元素 complexGateway 'x'", "unsupported element complexGateway 'x'")]
    [InlineData("""<adHocSubProcess id="x"><task id="at" /></adHocSubProcess>""", "adHocSubProcess", "不支持的元素 adHocSubProcess 'x'", "unsupported element adHocSubProcess 'x'")]
    [InlineData("""<startEvent id="x"><errorEventDefinition /></startEvent>""", "startEvent", "不支持的元素 错误开始事件 'x'", "unsupported element error startEvent 'x'")]
    [InlineData("""<intermediateCatchEvent id="x"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition><signalEventDefinition signalRef="sig" /></intermediateCatchEvent>""", "intermediateCatchEvent", "不支持的元素 多重事件 intermediateCatchEvent 'x'", "unsupported element multiple event intermediateCatchEvent 'x'")]
    [InlineData("""<endEvent id="x"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></endEvent>""", "endEvent", "不支持的元素 定时结束事件", "unsupported element timer endEvent")]
    [InlineData("""<intermediateThrowEvent id="x"><errorEventDefinition /></intermediateThrowEvent>""", "intermediateThrowEvent", "不支持的元素 错误中间抛出事件 'x'", "unsupported element Error intermediateThrowEvent 'x'")]
    [InlineData("""<subProcess id="sp"><startEvent id="x"><messageEventDefinition messageRef="m" /></startEvent></subProcess>""", "startEvent", "不支持的元素 消息开始事件 'x'（子流程内只能用空开始事件）", "unsupported element message startEvent 'x' (a sub-process starts with a none start event)")]
    public void Each_unsupported_element_is_refused_once_by_name(string element, string type, string zh, string en)
    {
        var problem = OnlyError(element, "x", roots: """<message id="m" name="m" /><signal id="sig" name="sig" />""");
        problem.ElementType.ShouldBe(type);
        problem.MessageZh.ShouldStartWith(zh);
        problem.MessageEn.ShouldStartWith(en);
    }

    [Fact]
    public void The_flows_of_an_unsupported_element_are_not_reported_again_and_its_neighbours_are_not_called_unreachable()
    {
        var document = BpmnReader.Parse(Xml($"""
            <startEvent id="s" /><scriptTask id="x" /><userTask id="after" /><endEvent id="e" />
            {Chain("s", "x", "after", "e")}
            <userTask id="t" /><boundaryEvent id="b" attachedToRef="x"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
            """));
        document.Problems.Where(p => p.Severity != ProblemSeverity.Info && p.ElementId != "t").ShouldHaveSingleItem().ElementId.ShouldBe("x");
    }

    // ---- non-executable processes ----

    [Fact]
    public void A_non_executable_process_is_reported_as_such_and_its_mistakes_are_only_warnings()
    {
        var document = BpmnReader.Parse(Xml("""<startEvent id="s" /><userTask id="t" /><sequenceFlow id="f" sourceRef="s" targetRef="t" />""",
            extraProcesses: """<process id="draft" isExecutable="false"><startEvent id="ds" /><scriptTask id="script" /><sequenceFlow id="df" sourceRef="ds" targetRef="script" /></process>"""));
        document.HasErrors.ShouldBeFalse();
        var info = document.Problems.Single(p => p.ElementId == "draft");
        info.Severity.ShouldBe(ProblemSeverity.Info);
        info.ElementType.ShouldBe("process");
        info.MessageEn.ShouldBe("the process is not executable (isExecutable is not \"true\"); it documents, or is called from this file");
        info.MessageZh.ShouldStartWith("该流程不可执行");
        var warning = document.Problems.Single(p => p.ElementId == "script");
        warning.Severity.ShouldBe(ProblemSeverity.Warning);
        document.FindProcess("draft").ShouldBeNull(); // it has a mistake, so it cannot be called either
        document.Executable.Single().Id.ShouldBe("p");
    }

    [Fact]
    public void A_document_without_any_executable_process_is_an_error()
    {
        var document = BpmnReader.Parse(Xml("<startEvent id=\"s\" />").Replace("isExecutable=\"true\"", "isExecutable=\"false\""));
        document.Problems.Single(p => p.Severity == ProblemSeverity.Error).MessageEn.ShouldStartWith("the document has no executable process");
    }

    // ---- expressions, timers and coban: values, checked when the model is read ----

    [Theory]
    [InlineData("${amount >}")]
    [InlineData("${a ? b}")]
    [InlineData("${'open}")]
    [InlineData("${size(}")]
    public void A_condition_that_does_not_parse_is_refused_at_validation_with_the_flow_id_and_the_text(string condition)
    {
        var problem = OnlyError($"""<startEvent id="s" /><exclusiveGateway id="gw" /><endEvent id="e" />{Flow("s", "gw")}{Flow("gw", "e", "toE", condition)}""", "toE");
        problem.ElementType.ShouldBe("sequenceFlow");
        problem.MessageEn.ShouldStartWith("invalid condition expression: ");
        problem.MessageEn.ShouldEndWith($"({condition})");
        problem.MessageZh.ShouldStartWith("条件表达式有误：");
    }

    [Fact]
    public void A_condition_in_an_unsupported_language_is_refused()
    {
        var problem = OnlyError("""
            <startEvent id="s" /><exclusiveGateway id="gw" /><endEvent id="e" /><sequenceFlow id="f" sourceRef="s" targetRef="gw" />
            <sequenceFlow id="js" sourceRef="gw" targetRef="e"><conditionExpression language="JavaScript">next(null, true)</conditionExpression></sequenceFlow>
            """, "js");
        problem.MessageEn.ShouldBe("unsupported condition language 'JavaScript'; use a ${...} expression");
    }

    [Theory]
    [InlineData("timeDuration", "5 days")]
    [InlineData("timeDuration", "-PT1H")]
    [InlineData("timeDate", "2026-02-30")]
    [InlineData("timeDate", "next monday")]
    [InlineData("timeCycle", "every day")]
    [InlineData("timeCycle", "R3/PT0S")]
    [InlineData("timeCycle", "0 0 25 * * ?")]
    public void A_bad_timer_value_is_refused_quoting_it(string kind, string value)
    {
        var problem = OnlyError($"""
            <startEvent id="s" /><intermediateCatchEvent id="wait"><timerEventDefinition><{kind}>{value}</{kind}></timerEventDefinition></intermediateCatchEvent>
            {Flow("s", "wait")}
            """, "wait");
        problem.ElementType.ShouldBe("intermediateCatchEvent");
        problem.MessageEn.ShouldStartWith($"invalid timer value '{value}': ");
        problem.MessageZh.ShouldStartWith($"定时器的值 '{value}' 无效");
        problem.Line.ShouldBe(5);
    }

    [Fact]
    public void A_timer_with_two_kinds_of_value_is_refused()
    {
        OnlyError($"""
            <startEvent id="s" /><intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>PT1H</timeDuration><timeDate>2026-10-08</timeDate></timerEventDefinition></intermediateCatchEvent>
            {Flow("s", "wait")}
            """, "wait").MessageEn.ShouldBe("a timer needs exactly one of timeDuration, timeDate or timeCycle");
    }

    [Theory]
    [InlineData("""<userTask id="x" coban:assignTo="everyone" />""", "invalid coban:assignTo 'everyone'")]
    [InlineData("""<userTask id="x" coban:due="soon" />""", "due date 'soon' is neither an ISO 8601 duration (e.g. P3WD, PT4H) nor a date")]
    [InlineData("""<userTask id="x" camunda:dueDate="P3X" />""", "due date 'P3X' is neither")]
    [InlineData("""<userTask id="x" coban:followUp="later" />""", "follow-up date 'later' is neither")]
    [InlineData("""<userTask id="x" coban:remindBefore="1 day" />""", "coban:remindBefore '1 day' is not an ISO 8601 duration")]
    [InlineData("""<userTask id="x" coban:escalateAfter="P2" />""", "coban:escalateAfter 'P2' is not an ISO 8601 duration")]
    [InlineData("""<userTask id="x"><extensionElements><coban:formField id="n" type="number2" /></extensionElements></userTask>""", "form field 'n' has an invalid type 'number2'")]
    [InlineData("""<userTask id="x"><extensionElements><coban:formField id="k" type="enum" /></extensionElements></userTask>""", "enum field 'k' has no values")]
    [InlineData("""<userTask id="x"><extensionElements><coban:formField id="a" /><coban:formField id="a" /></extensionElements></userTask>""", "form field 'a' is declared twice")]
    [InlineData("""<serviceTask id="x" coban:action="case.setStatus" coban:retries="0" />""", "coban:retries '0' must be a whole number from 1 to 100")]
    [InlineData("""<serviceTask id="x" />""", "the service task names nothing to run: set coban:action")]
    [InlineData("""<serviceTask id="x" coban:action="a"><extensionElements><coban:param value="1" /></extensionElements></serviceTask>""", "a coban:param has no name")]
    [InlineData("""<sendTask id="x" coban:notice="receipt" coban:channels="sms,fax" />""", "invalid notice channel 'fax': use sms, email or print")]
    [InlineData("""<sendTask id="x" coban:notice="receipt" coban:recipient="mayor" />""", "invalid notice recipient 'mayor'")]
    [InlineData("""<sendTask id="x" />""", "the send task names no notice: set coban:notice")]
    [InlineData("""<callActivity id="x" calledElement="c" coban:binding="newest" />""", "unsupported call binding 'newest'")]
    [InlineData("""<callActivity id="x" calledElement="c" coban:binding="version" coban:version="v2" />""", "the called version 'v2' must be a positive whole number")]
    [InlineData("""<callActivity id="x" calledElement="c" coban:binding="version" />""", "binding 'version' needs a version number")]
    [InlineData("""<callActivity id="x" />""", "the call activity has no calledElement")]
    [InlineData("""<callActivity id="x" calledElement="c"><extensionElements><coban:in source="a" /></extensionElements></callActivity>""", "variable mapping in needs source")]
    [InlineData("""<userTask id="x"><multiInstanceLoopCharacteristics /></userTask>""", "multi-instance needs a loopCardinality or a coban:collection")]
    [InlineData("""<receiveTask id="x" messageRef="nope" />""", "messageRef 'nope' does not name a definition in this file")]
    public void A_bad_coban_or_camunda_attribute_value_is_refused_naming_the_value(string element, string expected)
    {
        var errors = Errors($"""<startEvent id="s" />{element}<sequenceFlow id="f" sourceRef="s" targetRef="x" />""");
        var problem = errors.ShouldHaveSingleItem(string.Join("\n", errors));
        problem.ElementId.ShouldBe("x");
        problem.MessageEn.ShouldStartWith(expected);
        problem.MessageZh.ShouldNotBeNullOrWhiteSpace();
        problem.Line.ShouldBe(5);
    }

    // ---- structure ----

    [Fact]
    public void A_default_flow_that_is_not_an_outgoing_flow_of_its_gateway_is_refused()
    {
        var problem = OnlyError($"""
            <startEvent id="s" /><exclusiveGateway id="gw" default="sToGw" /><endEvent id="a" /><endEvent id="b" />
            {Flow("s", "gw", "sToGw")}{Flow("gw", "a", "toA", "${x}")}{Flow("gw", "b", "toB", "${!x}")}
            """, "gw");
        problem.ElementType.ShouldBe("exclusiveGateway");
        problem.MessageEn.ShouldBe("default flow 'sToGw' is not an outgoing flow of this element");
        problem.MessageZh.ShouldBe("默认流 'sToGw' 不是该元素的出口顺序流");
    }

    [Fact]
    public void A_sequence_flow_crossing_a_sub_process_boundary_is_refused()
    {
        var problem = OnlyError($"""
            <startEvent id="s" />
            <subProcess id="sp"><userTask id="inside" /></subProcess>
            {Flow("s", "inside", "jump")}
            """, "jump");
        problem.ElementType.ShouldBe("sequenceFlow");
        problem.MessageEn.ShouldBe("sequence flow 'jump' crosses a sub-process boundary (s → inside)");
        problem.Line.ShouldBe(7);
    }

    [Fact]
    public void An_event_based_gateway_leading_to_a_task_is_refused()
    {
        var problem = OnlyError($"""
            <startEvent id="s" /><eventBasedGateway id="egw" />
            <intermediateCatchEvent id="timeout"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <userTask id="call" />
            {Flow("s", "egw")}{Flow("egw", "timeout")}{Flow("egw", "call")}
            """, "egw");
        problem.ElementType.ShouldBe("eventBasedGateway");
        problem.MessageEn.ShouldBe("the event-based gateway's target 'call' must be a timer, message or signal catch event or a receive task");
    }

    [Fact]
    public void A_non_interrupting_error_boundary_is_refused()
    {
        var problem = OnlyError($"""
            <startEvent id="s" /><serviceTask id="svc" coban:action="x" />
            <boundaryEvent id="x" attachedToRef="svc" cancelActivity="false"><errorEventDefinition /></boundaryEvent>
            {Flow("s", "svc")}
            """, "x");
        problem.ElementType.ShouldBe("boundaryEvent");
        problem.MessageEn.ShouldBe("an error boundary event must interrupt (cancelActivity cannot be false)");
    }

    [Fact]
    public void A_boundary_event_attached_to_nothing_or_to_a_gateway_is_refused()
    {
        OnlyError("""<startEvent id="s" /><boundaryEvent id="x"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>""", "x")
            .MessageEn.ShouldBe("the boundary event has no attachedToRef (it is attached to nothing)");
        OnlyError("""<startEvent id="s" /><exclusiveGateway id="g" /><endEvent id="e" /><sequenceFlow id="f" sourceRef="s" targetRef="g" /><sequenceFlow id="f2" sourceRef="g" targetRef="e" /><boundaryEvent id="x" attachedToRef="g"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>""", "x")
            .MessageEn.ShouldBe("the boundary event is attached to 'g', which is not an activity of this process");
    }

    [Fact]
    public void A_message_catch_without_messageRef_and_a_flow_to_a_missing_element_are_refused()
    {
        OnlyError($"""<startEvent id="s" /><intermediateCatchEvent id="x"><messageEventDefinition /></intermediateCatchEvent>{Flow("s", "x")}""", "x")
            .MessageEn.ShouldBe("missing messageRef: choose or create a message");
        OnlyError("""<startEvent id="s" /><sequenceFlow id="x" sourceRef="s" targetRef="ghost" />""", "x")
            .MessageEn.ShouldBe("the sequence flow's targetRef 'ghost' is not a flow node of this process");
    }

    [Fact]
    public void Two_none_start_events_at_one_level_are_refused()
    {
        OnlyError("""<startEvent id="s" /><startEvent id="x" />""", "x").MessageEn.ShouldBe("only one none start event is allowed per level");
    }

    // ---- duplicate ids ----

    [Fact]
    public void An_id_used_twice_in_a_process_is_one_problem_naming_both_lines_and_the_process_is_not_compiled()
    {
        var document = BpmnReader.Parse(Xml("""
            <startEvent id="s" /><userTask id="review" /><endEvent id="e" />
            <userTask id="review" />
            <sequenceFlow id="f" sourceRef="s" targetRef="review" /><sequenceFlow id="f" sourceRef="review" targetRef="e" />
            """));
        var errors = document.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        errors.Select(p => (p.ElementId, p.ElementType, p.Line)).ShouldBe([("review", "userTask", 6), ("f", "sequenceFlow", 7)]);
        errors[0].MessageEn.ShouldBe("duplicate element id 'review' (first used by userTask on line 5)");
        errors[0].MessageZh.ShouldBe("元素 id 'review' 重复（第一次出现在第 5 行的 userTask）");
        document.Processes.ShouldBeEmpty();
    }

    [Fact]
    public void An_id_shared_by_two_processes_is_reported_once()
    {
        var document = BpmnReader.Parse(Xml("""<startEvent id="s" />""",
            extraProcesses: """<process id="other" isExecutable="true"><startEvent id="s" /></process>"""));
        var problem = document.Problems.Single(p => p.Severity == ProblemSeverity.Error);
        problem.ElementId.ShouldBe("s");
        problem.MessageEn.ShouldStartWith("duplicate element id 's'");
    }
}
