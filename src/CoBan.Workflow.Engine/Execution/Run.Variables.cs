using CoBan.Workflow.Engine.Expressions;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Execution;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>Variable scopes: an execution sees its own locals, its scopes' locals, then the process variables.</summary>
internal sealed partial class Run
{
    private ScopeContext? _context;

    /// <summary>One reusable context per run: evaluation is not re-entrant, so no allocation per condition.</summary>
    private IExpressionContext Context(Execution? exec)
    {
        _context ??= new ScopeContext(this);
        _context.At = exec;
        return _context;
    }

    private object? Evaluate(Execution exec, Expression? expression) => expression?.Evaluate(Context(exec));

    /// <summary>Sets where the name is already defined locally (innermost first), else on the process.</summary>
    private void SetVariable(Execution? exec, string name, object? value)
    {
        for (var e = exec; e is not null; e = Parent(e))
        {
            if (e.Locals is { } locals && locals.ContainsKey(name))
            {
                locals[name] = value;
                return;
            }
        }
        _s.Variables[name] = value;
    }

    private Dictionary<string, object?> VisibleVariables(Execution? exec)
    {
        var all = new Dictionary<string, object?>(_s.Variables, StringComparer.Ordinal);
        var chain = new Stack<Execution>();
        for (var e = exec; e is not null; e = Parent(e)) chain.Push(e);
        foreach (var e in chain)
            if (e.Locals is not null)
                foreach (var (k, v) in e.Locals) all[k] = v;
        return all;
    }

    private Dictionary<string, object?> MapIn(Execution exec, CallSpec spec) => MapIn(exec, spec.In);

    private Dictionary<string, object?> MapIn(Execution exec, VariableMapping[] mappings)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var m in mappings)
        {
            if (m.All)
            {
                foreach (var (k, v) in VisibleVariables(exec)) result[k] = v;
                continue;
            }
            var value = m.SourceExpression is not null ? m.SourceExpression.Evaluate(Context(exec)) : Lookup(exec, m.Source!);
            result[m.Target!] = value;
        }
        return result;
    }

    /// <summary>Evaluates every output mapping first, so a failing one leaves no variable half-mapped.</summary>
    private void MapOut(Execution exec, CallSpec spec, Vars? childVariables)
    {
        var child = childVariables ?? new Dictionary<string, object?>();
        var values = new object?[spec.Out.Length];
        for (var i = 0; i < spec.Out.Length; i++)
        {
            var m = spec.Out[i];
            if (m.All) continue;
            values[i] = m.SourceExpression is not null
                ? m.SourceExpression.Evaluate(new MapContext(child, _now, _options.Calendar))
                : child.GetValueOrDefault(m.Source!);
        }
        for (var i = 0; i < spec.Out.Length; i++)
        {
            if (spec.Out[i].All) SetAll(exec, child);
            else SetVariable(exec, spec.Out[i].Target!, Values.Normalize(values[i]));
        }
    }

    private object? Lookup(Execution? exec, string name)
    {
        for (var e = exec; e is not null; e = Parent(e))
            if (e.Locals is { } locals && locals.TryGetValue(name, out var local)) return local;
        return _s.Variables.GetValueOrDefault(name);
    }

    private static IReadOnlyList<string> AsStrings(object? value) => value switch
    {
        null => [],
        string s => s.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        IReadOnlyList<object?> list => list.Where(x => x is not null).Select(x => x!.ToString()!).ToList(),
        var other => [other.ToString()!],
    };

    private sealed class ScopeContext(Run run) : IExpressionContext
    {
        public Execution? At { get; set; }
        public DateTimeOffset Now => run._now;
        public IWorkingDays? WorkingDays => run._options.Calendar;

        public bool TryGetVariable(string name, out object? value)
        {
            for (var e = At; e is not null; e = e.Parent == 0 ? null : run._s.FindExecution(e.Parent))
                if (e.Locals is { } locals && locals.TryGetValue(name, out value)) return true;
            return run._s.Variables.TryGetValue(name, out value);
        }
    }

    internal sealed class MapContext(Vars variables, DateTimeOffset now, IWorkingDays? calendar) : IExpressionContext
    {
        public DateTimeOffset Now => now;
        public IWorkingDays? WorkingDays => calendar;
        public bool TryGetVariable(string name, out object? value) => variables.TryGetValue(name, out value);
    }
}
