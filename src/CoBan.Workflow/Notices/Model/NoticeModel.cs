using System.Collections;
using System.Text.RegularExpressions;

namespace CoBan.Workflow.Notices;

/// <summary>
/// The data a template is rendered with: nested dictionaries shaped exactly like the variable
/// contract (NoticeVariables), every name present from the start (empty when unknown), so a strict
/// render throws only on a real mistake. Contributors fill it with <see cref="Set"/>.
/// </summary>
public sealed partial class NoticeModel
{
    public NoticeModel() => Root = (Dictionary<string, object?>)Empty(NoticeVariables.Root)!;

    private NoticeModel(Dictionary<string, object?> root) => Root = root;

    public Dictionary<string, object?> Root { get; }

    /// <summary>Sets a contract name ("case.deadline", "missingMaterials"…). Lists of objects get every item field.</summary>
    public NoticeModel Set(string path, object? value)
    {
        var segments = path.Split('.');
        VariableNode node = NoticeVariables.Root;
        var target = Root;
        for (var i = 0; i < segments.Length; i++)
        {
            if (node is not ObjectNode o || !o.Members.TryGetValue(segments[i], out var child))
                throw new ArgumentException($"'{path}' is not a notice variable (docs/notice-variables.md)", nameof(path));
            if (i == segments.Length - 1)
            {
                target[segments[i]] = Shape(child, value);
                return this;
            }
            node = child;
            target = (Dictionary<string, object?>)target[segments[i]]!;
        }
        return this;
    }

    public object? Get(string path)
    {
        object? current = Root;
        foreach (var segment in path.Split('.'))
            current = current is IDictionary<string, object?> d && d.TryGetValue(segment, out var v) ? v : null;
        return current;
    }

    /// <summary>Sets every member of an object from an anonymous-like list of (name, value).</summary>
    public NoticeModel SetAll(string objectPath, params (string Name, object? Value)[] members)
    {
        foreach (var (name, value) in members) Set(objectPath + "." + name, value);
        return this;
    }

    public static Dictionary<string, object?> Item(params (string Name, object? Value)[] members) =>
        members.ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal);

    /// <summary>A copy for print: the applicant's phone masked (138****5678), as docs/notice-variables.md asks.</summary>
    public NoticeModel ForPrint()
    {
        var copy = new NoticeModel((Dictionary<string, object?>)Copy(Root)!);
        if (copy.Get("applicant.phone") is string phone) copy.Set("applicant.phone", PersonalData.Mask(phone));
        return copy;
    }

    private static object? Empty(VariableNode node) => node switch
    {
        ObjectNode o => o.Members.ToDictionary(m => m.Key, m => Empty(m.Value), StringComparer.Ordinal),
        ListNode => new List<object?>(),
        MapNode => new LenientMap(new Dictionary<string, object?>(StringComparer.Ordinal)),
        _ => null,
    };

    /// <summary>Fits a value to the contract's shape: objects get every member, lists every item field, maps become lenient.</summary>
    private static object? Shape(VariableNode node, object? value)
    {
        switch (node)
        {
            case ObjectNode o:
                var result = (Dictionary<string, object?>)Empty(o)!;
                if (value is IDictionary<string, object?> given)
                    foreach (var (k, v) in given)
                        if (o.Members.TryGetValue(k, out var member)) result[k] = Shape(member, v);
                return result;
            case ListNode l:
                return value is IEnumerable items and not string
                    ? items.Cast<object?>().Select(i => Shape(l.Item, i)).ToList()
                    : new List<object?>();
            case MapNode:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (k, v) in pairs) map[k] = Display(v);
                return new LenientMap(map);
            default:
                return Display(value);
        }
    }

    /// <summary>Values of open maps as people read them: dates in Chinese, nested maps lenient too.</summary>
    internal static object? Display(object? value) => value switch
    {
        DateTimeOffset d => d.TimeOfDay == TimeSpan.Zero || d.ToOffset(ChinaTime.Offset).TimeOfDay == TimeSpan.Zero ? ChineseDates.Date(d) : ChineseDates.DateTime(d),
        DateTime d => ChineseDates.DateTime(new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc))),
        DateOnly d => ChineseDates.Date(d),
        IEnumerable<KeyValuePair<string, object?>> pairs => new LenientMap(pairs.ToDictionary(p => p.Key, p => Display(p.Value), StringComparer.Ordinal)),
        IEnumerable items and not string => items.Cast<object?>().Select(Display).ToList(),
        _ => value,
    };

    private static object? Copy(object? value) => value switch
    {
        LenientMap m => new LenientMap(m.ToDictionary(p => p.Key, p => Copy(p.Value), StringComparer.Ordinal)),
        Dictionary<string, object?> d => d.ToDictionary(p => p.Key, p => Copy(p.Value), StringComparer.Ordinal),
        List<object?> l => l.Select(Copy).ToList(),
        _ => value,
    };
}
