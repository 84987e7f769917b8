using Mono.Cecil;
using Mono.Cecil.Cil;

namespace CoBan.Workflow.Tests.Architecture;

/// <summary>
/// Which of the host's top-level namespaces (CoBan.Workflow.X, "X" here) refer to which, read from the
/// compiled assembly: base types, interfaces, members' signatures, attributes and every type, method and
/// field a method body touches (lambdas and async state machines count for the type that declares them).
/// Reading IL rather than source also catches fully qualified names that no using line shows.
/// </summary>
public sealed class NamespaceGraph
{
    private const string Root = "CoBan.Workflow.";

    public Dictionary<string, SortedSet<string>> Edges { get; } = new(StringComparer.Ordinal);

    /// <summary>For each edge, a few of the referring types, to say where a reference comes from.</summary>
    public Dictionary<(string From, string To), SortedSet<string>> Witnesses { get; } = new();

    public static NamespaceGraph Of(string assemblyPath)
    {
        var graph = new NamespaceGraph();
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
        {
            var from = Feature(Outermost(type).Namespace);
            if (from is null) continue;
            graph.Edges.TryAdd(from, new SortedSet<string>(StringComparer.Ordinal));
            foreach (var reference in References(type))
            {
                var to = Feature(reference);
                if (to is null || to == from) continue;
                graph.Edges[from].Add(to);
                if (!graph.Witnesses.TryGetValue((from, to), out var set)) graph.Witnesses[(from, to)] = set = new(StringComparer.Ordinal);
                if (set.Count < 3) set.Add(Outermost(type).FullName);
            }
        }
        return graph;
    }

    /// <summary>"CoBan.Workflow.Notices.Model" → "Notices"; the root namespace (Program) is the composition root.</summary>
    public static string? Feature(string? ns)
    {
        if (ns is null) return null;
        if (ns == "CoBan.Workflow") return "Hosting";
        if (!ns.StartsWith(Root, StringComparison.Ordinal)) return null;
        var rest = ns[Root.Length..];
        if (rest.StartsWith("Engine", StringComparison.Ordinal) && (rest.Length == 6 || rest[6] == '.')) return null;
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private static IEnumerable<string?> References(TypeDefinition type)
    {
        var seen = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            while (t is not null)
            {
                switch (t)
                {
                    case GenericInstanceType g:
                        foreach (var a in g.GenericArguments) Add(a);
                        t = g.ElementType;
                        continue;
                    case TypeSpecification s:
                        t = s.ElementType;
                        continue;
                    case GenericParameter:
                        return;
                }
                seen.Add(t);
                return;
            }
        }
        void Attributes(ICustomAttributeProvider p)
        {
            if (!p.HasCustomAttributes) return;
            foreach (var a in p.CustomAttributes)
            {
                Add(a.AttributeType);
                foreach (var arg in a.ConstructorArguments) if (arg.Value is TypeReference tr) Add(tr);
            }
        }
        void Method(MethodReference m)
        {
            Add(m.DeclaringType);
            Add(m.ReturnType);
            foreach (var p in m.Parameters) Add(p.ParameterType);
            if (m is GenericInstanceMethod gm) foreach (var a in gm.GenericArguments) Add(a);
        }

        Add(type.BaseType);
        Attributes(type);
        foreach (var i in type.Interfaces) Add(i.InterfaceType);
        foreach (var g in type.GenericParameters) foreach (var c in g.Constraints) Add(c.ConstraintType);
        foreach (var f in type.Fields) { Add(f.FieldType); Attributes(f); }
        foreach (var p in type.Properties) { Add(p.PropertyType); Attributes(p); }
        foreach (var e in type.Events) Add(e.EventType);
        foreach (var m in type.Methods)
        {
            Method(m);
            Attributes(m);
            foreach (var p in m.Parameters) Attributes(p);
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) Add(v.VariableType);
            foreach (var h in m.Body.ExceptionHandlers) Add(h.CatchType);
            foreach (var ins in m.Body.Instructions)
            {
                switch (ins.Operand)
                {
                    case TypeReference t: Add(t); break;
                    case MethodReference mr: Method(mr); break;
                    case FieldReference fr: Add(fr.DeclaringType); Add(fr.FieldType); break;
                }
            }
        }
        return seen.Select(t => Outermost(t).Namespace);
    }

    /// <summary>The strongly connected components with more than one namespace: each is a cycle.</summary>
    public List<List<string>> Cycles(Func<string, string, bool>? ignore = null)
    {
        var index = 0;
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var indices = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var result = new List<List<string>>();
        var nodes = Edges.Keys.Concat(Edges.Values.SelectMany(v => v)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        IEnumerable<string> Next(string n) => Edges.TryGetValue(n, out var s) ? s.Where(t => ignore?.Invoke(n, t) != true) : [];

        void Connect(string v)
        {
            indices[v] = low[v] = index++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in Next(v))
            {
                if (!indices.ContainsKey(w)) { Connect(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], indices[w]);
            }
            if (low[v] != indices[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            if (component.Count > 1) result.Add(component.OrderBy(c => c, StringComparer.Ordinal).ToList());
        }

        foreach (var n in nodes) if (!indices.ContainsKey(n)) Connect(n);
        return result;
    }
}
