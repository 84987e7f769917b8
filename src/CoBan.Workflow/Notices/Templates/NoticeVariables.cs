namespace CoBan.Workflow.Notices;

/// <summary>The shape of a template variable: what a template may name, checked when it is saved.</summary>
public abstract record VariableNode;

/// <summary>A value printed as is (text, number, yes/no).</summary>
public sealed record ScalarNode(string Type) : VariableNode;

public sealed record ObjectNode(IReadOnlyDictionary<string, VariableNode> Members) : VariableNode;

public sealed record ListNode(VariableNode Item) : VariableNode;

/// <summary>Any names (process variables, form values): not checked, missing names render empty.</summary>
public sealed record MapNode : VariableNode;

/// <summary>
/// The template variables of docs/notice-variables.md (the contract): every name a template may use.
/// A name not here is refused when a template is saved, with its line.
/// </summary>
public static class NoticeVariables
{
    private static readonly ScalarNode Text = new("text");
    private static readonly ScalarNode Number = new("number");
    private static readonly ScalarNode Boolean = new("boolean");

    private static ObjectNode Obj(params (string Name, VariableNode Node)[] members) =>
        new(members.ToDictionary(m => m.Name, m => m.Node, StringComparer.Ordinal));

    private static ObjectNode Texts(params string[] names) => Obj(names.Select(n => (n, (VariableNode)Text)).ToArray());

    public static readonly ObjectNode Root = Obj(
        ("today", Text),
        ("bureau", Texts("name", "code", "address", "windows", "location", "phone", "supervisionHotline")),
        ("coordinator", Texts("name", "title", "office", "phone", "mobile")),
        ("dutyLeader", Texts("name", "title", "phone")),
        ("case", Obj(
            ("number", Text), ("category", Text), ("kind", Text), ("status", Text), ("serviceMode", Text),
            ("registeredAt", Text), ("acceptedAt", Text), ("completedAt", Text), ("deadline", Text),
            ("limitDays", Number), ("result", Text), ("progressUrl", Text), ("deadlineProvisional", Boolean))),
        ("applicant", Texts("name", "type", "contact", "phone", "email", "address")),
        ("matter", Obj(
            ("name", Text), ("code", Text), ("legalBasis", Text), ("limitDays", Number), ("inPersonSteps", Text), ("fees", Text),
            ("materials", new ListNode(Obj(("name", Text), ("required", Boolean), ("note", Text)))))),
        ("missingMaterials", new ListNode(Texts("name", "note"))),
        ("receivedMaterials", new ListNode(Texts("name"))),
        ("rejection", Obj(("reasons", new ListNode(Text)), ("legalBasis", Text), ("refused", Boolean))),
        ("appeal", Texts("reviewBody", "court")),
        ("transfer", Obj(
            ("toBureau", Texts("name", "address", "windows", "location", "phone")),
            ("toCoordinator", Texts("name", "phone")),
            ("reasons", Text), ("legalBasis", Text), ("status", Text), ("sent", Boolean), ("accepted", Boolean), ("refused", Boolean),
            ("refusalReason", Text), ("receivingCaseNumber", Text))),
        ("nextBureau", Texts("name", "address", "windows", "location", "phone", "part")),
        ("chain", new ListNode(Obj(("position", Number), ("bureau", Text), ("part", Text), ("status", Text), ("caseNumber", Text)))),
        ("reply", Obj(("method", Text), ("at", Text), ("handling", Text), ("signature", Text), ("signedOnPaper", Boolean))),
        ("evaluation", Obj(("level", Text), ("comment", Text), ("at", Text), ("realName", Boolean), ("substantiated", Boolean),
            ("rectification", Text), ("answer", Text), ("rectifiedAt", Text))),
        ("rating", Texts("url", "qr")),
        ("task", Texts("name", "due")),
        ("overdue", Obj(("days", Number))),
        ("form", new MapNode()),
        ("vars", new MapNode()));

    /// <summary>Every dotted name, for error messages and the template editor's list.</summary>
    public static IEnumerable<string> Names(VariableNode? node = null, string prefix = "")
    {
        switch (node ?? Root)
        {
            case ObjectNode o:
                foreach (var (name, child) in o.Members)
                    foreach (var n in Names(child, prefix + name + "."))
                        yield return n;
                break;
            case ListNode l:
                yield return prefix.TrimEnd('.') + "[]";
                if (l.Item is ObjectNode)
                    foreach (var n in Names(l.Item, prefix.TrimEnd('.') + "[]."))
                        yield return n;
                break;
            case MapNode:
                yield return prefix + "*";
                break;
            default:
                yield return prefix.TrimEnd('.');
                break;
        }
    }
}
