using System.Xml.Linq;
using CoBan.Workflow.Engine.Expressions;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Time;
using static CoBan.Workflow.Engine.Parsing.BpmnCompiler;

namespace CoBan.Workflow.Engine.Parsing;

/// <summary>coban: attributes (docs/coban-extensions.md) and their Camunda 7 equivalents.</summary>
internal sealed partial class ProcessCompiler
{
    private static string? Attr(XElement el, string name) => NonEmpty((string?)el.Attribute(Coban + name));
    private static string? CamundaAttr(XElement el, string name) => NonEmpty((string?)el.Attribute(Camunda + name));
    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static IEnumerable<XElement> Extensions(XElement el) =>
        el.Element(Bpmn + "extensionElements")?.Elements() ?? [];

    private static string[] SplitList(string? s) =>
        s is null ? [] : s.Split([',', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private UserTaskSpec ReadUserTask(XElement el, string id)
    {
        var type = el.Name.LocalName;
        var assignTo = AssignTo.None;
        Expression? assignee = null;
        var assignText = Attr(el, "assignTo");
        if (assignText is not null)
        {
            assignTo = assignText switch
            {
                "caseOwner" => AssignTo.CaseOwner,
                "dutyLeader" => AssignTo.DutyLeader,
                "chiefCoordinator" => AssignTo.ChiefCoordinator,
                "supervisor" => AssignTo.Supervisor,
                _ when assignText.Contains("${", StringComparison.Ordinal) => AssignTo.Expression,
                _ => AssignTo.None,
            };
            if (assignTo == AssignTo.Expression) assignee = Compile(assignText, id, type, "分派", "assignment", el);
            else if (assignTo == AssignTo.None)
                Error(id, type, $"coban:assignTo 的值 '{assignText}' 无效：应为 caseOwner、dutyLeader、chiefCoordinator、supervisor 或 ${{...}}",
                    $"invalid coban:assignTo '{assignText}': use caseOwner, dutyLeader, chiefCoordinator, supervisor or ${{...}}", el);
        }
        else if ((CamundaAttr(el, "assignee") ?? HumanPerformer(el)) is { } camundaAssignee)
        {
            assignTo = AssignTo.Expression;
            assignee = Compile(camundaAssignee, id, type, "办理人", "assignee", el);
        }

        var (ownerGroups, ownerUsers) = PotentialOwners(el);
        var roles = SplitList(Attr(el, "candidateRole")).Concat(SplitList(CamundaAttr(el, "candidateGroups"))).Concat(ownerGroups).Distinct().ToArray();
        var usersText = CamundaAttr(el, "candidateUsers") ?? (ownerUsers.Count > 0 ? string.Join(",", ownerUsers) : null);
        return new UserTaskSpec
        {
            AssignTo = assignTo,
            Assignee = assignee,
            CandidateRoles = roles,
            CandidateUsers = usersText is { } users ? Compile(users, id, type, "候选人", "candidate users", el) : null,
            CandidateBureau = Attr(el, "candidateBureau") is { } bureau ? Compile(bureau, id, type, "候选单位", "candidate bureau", el) : null,
            Due = DateOrDuration(Attr(el, "due") ?? CamundaAttr(el, "dueDate"), id, type, "办理期限", "due date", el),
            FollowUp = DateOrDuration(Attr(el, "followUp") ?? CamundaAttr(el, "followUpDate"), id, type, "跟进日期", "follow-up date", el),
            RemindBefore = Duration(Attr(el, "remindBefore"), id, type, "提前提醒", "remindBefore", el),
            EscalateAfter = Duration(Attr(el, "escalateAfter"), id, type, "逾期升级", "escalateAfter", el),
            FormKey = CamundaAttr(el, "formKey"),
            Priority = CamundaAttr(el, "priority") is { } priority ? Compile(priority, id, type, "优先级", "priority", el) : null,
            Form = ReadForm(el, id, type),
            Confirm = Attr(el, "confirm") == "true",
        };
    }

    /// <summary>BPMN's humanPerformer (Camunda: the assignee): its formal expression, a user name or ${...}.</summary>
    private static string? HumanPerformer(XElement el) =>
        NonEmpty(el.Element(Bpmn + "humanPerformer")?.Descendants(Bpmn + "formalExpression").FirstOrDefault()?.Value);

    /// <summary>
    /// BPMN's potentialOwner, as Camunda reads it: <c>group(a), user(b)</c>, a plain name being a group
    /// (here a candidate role).
    /// </summary>
    private static (List<string> Groups, List<string> Users) PotentialOwners(XElement el)
    {
        var groups = new List<string>();
        var users = new List<string>();
        foreach (var owner in el.Elements(Bpmn + "potentialOwner"))
            foreach (var part in SplitList(owner.Descendants(Bpmn + "formalExpression").FirstOrDefault()?.Value))
            {
                if (part.StartsWith("user(", StringComparison.Ordinal) && part.EndsWith(')')) users.Add(part[5..^1].Trim());
                else if (part.StartsWith("group(", StringComparison.Ordinal) && part.EndsWith(')')) groups.Add(part[6..^1].Trim());
                else groups.Add(part);
            }
        return (groups, users);
    }

    /// <summary>A due/follow-up value: an expression, an ISO duration (from task creation, P3WD allowed) or an ISO date.</summary>
    private Expression? DateOrDuration(string? text, string id, string type, string whatZh, string whatEn, XElement el)
    {
        if (text is null) return null;
        if (!text.Contains("${", StringComparison.Ordinal) && !text.Contains("#{", StringComparison.Ordinal)
            && !TryTimer(TimerKind.Duration, text) && !TryTimer(TimerKind.Date, text))
        {
            Error(id, type, $"{whatZh} '{text}' 既不是 ISO 8601 时长（如 P3WD、PT4H）也不是日期", $"{whatEn} '{text}' is neither an ISO 8601 duration (e.g. P3WD, PT4H) nor a date", el);
            return null;
        }
        return Compile(text, id, type, whatZh, whatEn, el);
    }

    private string? Duration(string? text, string id, string type, string whatZh, string whatEn, XElement el)
    {
        if (text is null || text.Contains("${", StringComparison.Ordinal) || TryTimer(TimerKind.Duration, text)) return text;
        Error(id, type, $"coban:{whatEn} 的值 '{text}' 不是 ISO 8601 时长（如 P1WD 表示 1 个工作日）", $"coban:{whatEn} '{text}' is not an ISO 8601 duration (e.g. P1WD for one working day)", el);
        return null;
    }

    private static bool TryTimer(TimerKind kind, string text)
    {
        try
        {
            TimerSpec.Parse(kind, text);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            return false;
        }
    }

    private FormField[] ReadForm(XElement el, string id, string type)
    {
        var fields = new List<FormField>();
        foreach (var f in Extensions(el).Where(e => e.Name == Coban + "formField"))
        {
            var values = SplitList((string?)f.Attribute("values"))
                .Select(v => v.Split(':', 2) is [var key, var label] ? KeyValuePair.Create(key.Trim(), label.Trim()) : KeyValuePair.Create(v, v))
                .ToList();
            AddField(f, (string?)f.Attribute("type"), (string?)f.Attribute("required") == "true", values, (string?)f.Attribute("defaultValue"),
                Limits(f, name => (string?)f.Attribute(name == "readonly" ? "readonly" : name) ?? (string?)f.Attribute(name.Replace("length", "Length"))));
        }
        foreach (var f in Extensions(el).Where(e => e.Name == Camunda + "formData").SelectMany(d => d.Elements(Camunda + "formField")))
        {
            var values = f.Elements(Camunda + "value").Select(v => KeyValuePair.Create((string?)v.Attribute("id") ?? "", (string?)v.Attribute("name") ?? "")).ToList();
            var constraints = f.Descendants(Camunda + "constraint").ToList();
            var required = constraints.Any(c => (string?)c.Attribute("name") == "required");
            AddField(f, (string?)f.Attribute("type"), required, values, (string?)f.Attribute("defaultValue"),
                Limits(f, name => constraints.FirstOrDefault(c => (string?)c.Attribute("name") == name) is { } c ? (string?)c.Attribute("config") ?? "" : null));
        }
        return [.. fields];

        FieldLimits? Limits(XElement f, Func<string, string?> constraint)
        {
            var minLength = Whole("minlength");
            var maxLength = Whole("maxlength");
            var min = Number("min");
            var max = Number("max");
            var readOnly = constraint("readonly") is { } r && r != "false";
            return minLength is null && maxLength is null && min is null && max is null && !readOnly
                ? null : new FieldLimits(minLength, maxLength, min, max, readOnly);

            int? Whole(string name)
            {
                if (constraint(name) is not { } text) return null;
                if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0) return n;
                Error(id, type, $"表单字段 '{(string?)f.Attribute("id")}' 的 {name} 应为非负整数（'{text}'）", $"form field '{(string?)f.Attribute("id")}': {name} must be a whole number ('{text}')", f);
                return null;
            }

            double? Number(string name)
            {
                if (constraint(name) is not { } text) return null;
                if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)) return n;
                Error(id, type, $"表单字段 '{(string?)f.Attribute("id")}' 的 {name} 应为数字（'{text}'）", $"form field '{(string?)f.Attribute("id")}': {name} must be a number ('{text}')", f);
                return null;
            }
        }

        void AddField(XElement f, string? typeText, bool required, List<KeyValuePair<string, string>> values, string? defaultValue, FieldLimits? limits)
        {
            var fieldId = (string?)f.Attribute("id");
            if (string.IsNullOrWhiteSpace(fieldId))
            {
                Error(id, type, "表单字段缺少 id", "a form field has no id", f);
                return;
            }
            FormFieldType? fieldType = (typeText ?? "string") switch
            {
                "string" => FormFieldType.String,
                "text" => FormFieldType.Text,
                "long" or "integer" or "int" => FormFieldType.Long,
                "double" or "number" => FormFieldType.Double,
                "boolean" => FormFieldType.Boolean,
                "date" => FormFieldType.Date,
                "enum" => FormFieldType.Enum,
                "list" => FormFieldType.List,
                _ => null,
            };
            if (fieldType is null)
            {
                Error(id, type, $"表单字段 '{fieldId}' 的类型 '{typeText}' 无效", $"form field '{fieldId}' has an invalid type '{typeText}'", f);
                return;
            }
            if (fieldType == FormFieldType.Enum && values.Count == 0)
                Error(id, type, $"枚举字段 '{fieldId}' 没有可选值", $"enum field '{fieldId}' has no values", f);
            if (fields.Any(x => x.Id == fieldId))
                Error(id, type, $"表单字段 '{fieldId}' 重复", $"form field '{fieldId}' is declared twice", f);
            fields.Add(new FormField(fieldId, (string?)f.Attribute("label"), fieldType.Value, required, values, defaultValue, limits));
        }
    }

    /// <summary>Camunda's form constraints CoBan checks when a task is completed.</summary>
    private static readonly HashSet<string> FormConstraints = ["required", "minlength", "maxlength", "min", "max", "readonly"];

    private static bool HasImplementation(XElement el) =>
        Attr(el, "action") is not null || CamundaAttr(el, "class") is not null || CamundaAttr(el, "expression") is not null
        || CamundaAttr(el, "delegateExpression") is not null || CamundaAttr(el, "type") is not null || ExpressionImplementation(el) is not null;

    /// <summary>
    /// BPMN's own implementation attribute when it holds an expression, as npm bpmn-engine models write
    /// it (<c>implementation="${environment.services.fn}"</c>). Technology names such as ##WebService
    /// name nothing the host can run, so they still need coban:action.
    /// </summary>
    private static string? ExpressionImplementation(XElement el) =>
        NonEmpty((string?)el.Attribute("implementation")) is { } text
        && (text.Contains("${", StringComparison.Ordinal) || text.Contains("#{", StringComparison.Ordinal)) ? text : null;

    private ServiceSpec? ReadService(XElement el, string id, NodeKind kind)
    {
        var type = kind.XmlName();
        string? implementation = Attr(el, "action")
            ?? (CamundaAttr(el, "class") is { } c ? "class:" + c : null)
            ?? (CamundaAttr(el, "expression") is { } e ? "expression:" + e : null)
            ?? (CamundaAttr(el, "delegateExpression") is { } d ? "delegate:" + d : null)
            ?? (CamundaAttr(el, "type") == "external" ? "external:" + (CamundaAttr(el, "topic") ?? "") : null)
            ?? (ExpressionImplementation(el) is { } x ? "expression:" + x : null);
        if (implementation is null)
        {
            Error(id, type, "服务任务未指定要执行的动作：请设置 coban:action", "the service task names nothing to run: set coban:action", el);
            return null;
        }
        var parameters = new List<KeyValuePair<string, Expression>>();
        foreach (var p in Extensions(el).Where(x => x.Name == Coban + "param"))
        {
            var name = (string?)p.Attribute("name");
            var value = (string?)p.Attribute("value") ?? p.Value;
            if (string.IsNullOrWhiteSpace(name))
                Error(id, type, "coban:param 缺少 name", "a coban:param has no name", p);
            else if (Compile(value, id, type, $"参数 {name}", $"parameter {name}", p) is { } expression)
                parameters.Add(KeyValuePair.Create(name, expression));
        }
        foreach (var p in Extensions(el).Where(x => x.Name == Camunda + "inputOutput").SelectMany(io => io.Elements(Camunda + "inputParameter")))
        {
            var name = (string?)p.Attribute("name") ?? "";
            if (p.Elements().Any())
            {
                Error(id, type, $"输入参数 '{name}' 使用了脚本、列表或映射，CoBan 只支持文本或 ${{...}} 表达式",
                    $"input parameter '{name}' uses a script, list or map; CoBan supports text or ${{...}} expressions only", p);
                continue;
            }
            if (Compile(p.Value, id, type, $"参数 {name}", $"parameter {name}", p) is { } expression)
                parameters.Add(KeyValuePair.Create(name, expression));
        }
        var retries = 3;
        if (Attr(el, "retries") is { } r && (!int.TryParse(r, out retries) || retries < 1 || retries > 100))
        {
            Error(id, type, $"coban:retries '{r}' 应为 1 到 100 的整数", $"coban:retries '{r}' must be a whole number from 1 to 100", el);
            retries = 3;
        }
        return new ServiceSpec { Implementation = implementation, Parameters = parameters, Retries = retries, ResultVariable = NonEmpty(CamundaAttr(el, "resultVariable")) };
    }

    private NoticeSpec? ReadNotice(XElement el, string id)
    {
        var template = Attr(el, "notice");
        if (template is null) return null;
        var channels = SplitList(Attr(el, "channels"));
        foreach (var channel in channels.Where(c => c is not ("sms" or "email" or "print")))
            Error(id, el.Name.LocalName, $"通知渠道 '{channel}' 无效：应为 sms、email 或 print", $"invalid notice channel '{channel}': use sms, email or print", el);
        var recipient = Attr(el, "recipient") ?? "applicant";
        if (recipient is not ("applicant" or "caseOwner" or "dutyLeader" or "supervisor"))
            Error(id, el.Name.LocalName, $"通知对象 '{recipient}' 无效", $"invalid notice recipient '{recipient}': use applicant, caseOwner, dutyLeader or supervisor", el);
        return new NoticeSpec { Template = template, Channels = channels, Recipient = recipient };
    }

    private CallSpec? ReadCall(XElement el, string id)
    {
        var called = NonEmpty((string?)el.Attribute("calledElement"));
        if (called is null)
        {
            Error(id, "callActivity", "调用活动缺少 calledElement（要调用的流程）", "the call activity has no calledElement (the process to call)", el);
            return null;
        }
        var bindingText = Attr(el, "binding") ?? CamundaAttr(el, "calledElementBinding") ?? "latest";
        CallBinding? binding = bindingText switch
        {
            "latest" => CallBinding.Latest,
            "version" => CallBinding.Version,
            "deployment" => CallBinding.Deployment,
            _ => null,
        };
        if (binding is null)
            Error(id, "callActivity", $"调用绑定 '{bindingText}' 不支持：应为 latest、version 或 deployment", $"unsupported call binding '{bindingText}': use latest, version or deployment", el);
        int? version = null;
        var versionText = Attr(el, "version") ?? CamundaAttr(el, "calledElementVersion");
        if (versionText is { } v)
        {
            if (int.TryParse(v, out var n) && n > 0) version = n;
            else Error(id, "callActivity", $"调用版本 '{v}' 应为正整数", $"the called version '{v}' must be a positive whole number", el);
        }
        if (binding == CallBinding.Version && versionText is null)
            Error(id, "callActivity", "绑定为 version 时需要指定版本号", "binding 'version' needs a version number", el);
        return new CallSpec
        {
            CalledElement = called,
            CalledElementExpression = called.Contains("${", StringComparison.Ordinal) || called.Contains("#{", StringComparison.Ordinal)
                ? Compile(called, id, "callActivity", "被调用流程", "called element", el) : null,
            Binding = binding ?? CallBinding.Latest,
            Version = version,
            In = ReadMappings(el, "in", id),
            Out = ReadMappings(el, "out", id),
        };
    }

    private VariableMapping[] ReadMappings(XElement el, string direction, string id)
    {
        var list = new List<VariableMapping>();
        foreach (var m in Extensions(el).Where(x => (x.Name == Coban + direction || x.Name == Camunda + direction)))
        {
            if ((string?)m.Attribute("businessKey") is not null) continue; // the host passes the case on its own
            var all = (string?)m.Attribute("variables") == "all";
            var source = NonEmpty((string?)m.Attribute("source"));
            var sourceExpression = NonEmpty((string?)m.Attribute("sourceExpression")) is { } text
                ? Compile(text, id, "callActivity", "变量映射", "variable mapping", m) : null;
            var target = NonEmpty((string?)m.Attribute("target"));
            if (!all && (target is null || (source is null && sourceExpression is null)))
            {
                Error(id, "callActivity", $"变量映射 {direction} 需要 source（或 sourceExpression）和 target，或 variables=\"all\"",
                    $"variable mapping {direction} needs source (or sourceExpression) and target, or variables=\"all\"", m);
                continue;
            }
            list.Add(new VariableMapping(source, sourceExpression, target, all, (string?)m.Attribute("local") == "true"));
        }
        return [.. list];
    }

    private StandardLoopSpec? ReadStandardLoop(XElement el, string id)
    {
        if (el.Element(Bpmn + "standardLoopCharacteristics") is not { } standard) return null;
        var type = el.Name.LocalName;
        if (el.Element(Bpmn + "multiInstanceLoopCharacteristics") is not null)
            Error(id, type, "活动不能同时是循环和多实例", "an activity cannot both loop and be multi-instance", standard);
        var condition = NonEmpty(standard.Element(Bpmn + "loopCondition")?.Value) is { } text ? Compile(text, id, type, "循环条件", "loop condition", standard) : null;
        long? maximum = null;
        if (NonEmpty((string?)standard.Attribute("loopMaximum")) is { } max)
        {
            if (long.TryParse(max, out var n) && n >= 0) maximum = n;
            else Error(id, type, $"loopMaximum '{max}' 应为非负整数", $"loopMaximum '{max}' must be a whole number", standard);
        }
        if (condition is null && maximum is null)
            Error(id, type, "循环需要 loopCondition 或 loopMaximum，否则永不结束", "a standard loop needs a loopCondition or a loopMaximum, or it never ends", standard);
        return new StandardLoopSpec { Condition = condition, TestBefore = (string?)standard.Attribute("testBefore") == "true", Maximum = maximum };
    }

    private LoopSpec? ReadLoop(XElement el, string id)
    {
        var type = el.Name.LocalName;
        var mi = el.Element(Bpmn + "multiInstanceLoopCharacteristics");
        if (mi is null) return null;
        var cardinality = NonEmpty(mi.Element(Bpmn + "loopCardinality")?.Value) is { } c ? Compile(c, id, type, "实例数", "loop cardinality", mi) : null;
        var collectionText = Attr(mi, "collection") ?? CamundaAttr(mi, "collection") ?? NonEmpty(mi.Element(Bpmn + "loopDataInputRef")?.Value);
        Expression? collection = null;
        if (collectionText is not null)
            collection = Compile(collectionText.Contains("${", StringComparison.Ordinal) || collectionText.Contains("#{", StringComparison.Ordinal) ? collectionText : "${" + collectionText + "}", id, type, "集合", "collection", mi);
        var elementVariable = Attr(mi, "elementVariable") ?? CamundaAttr(mi, "elementVariable")
            ?? (string?)mi.Element(Bpmn + "inputDataItem")?.Attribute("name") ?? (string?)mi.Element(Bpmn + "inputDataItem")?.Attribute("id");
        if (cardinality is null && collection is null)
            Error(id, type, "多实例需要 loopCardinality（实例数）或 coban:collection（集合）", "multi-instance needs a loopCardinality or a coban:collection", mi);
        var completion = NonEmpty(mi.Element(Bpmn + "completionCondition")?.Value) is { } cc ? Compile(cc, id, type, "完成条件", "completion condition", mi) : null;
        return new LoopSpec
        {
            Sequential = (string?)mi.Attribute("isSequential") == "true",
            Cardinality = cardinality,
            Collection = collection,
            ElementVariable = elementVariable,
            CompletionCondition = completion,
        };
    }
}
