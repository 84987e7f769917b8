namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// The npm bpmn-engine dialect: <c>environment.variables.x</c> and <c>variables.x</c> read the
/// variable <c>x</c>, and <c>environment.services.fn</c> / <c>services.fn</c> name the service
/// <c>fn</c> (they evaluate to the text "fn"). The alias only applies while no variable is really
/// called <c>environment</c> (or <c>variables</c>, <c>services</c>): a real variable always wins.
/// Like bpmn-engine's variables object, a missing <c>x</c> reads as null instead of failing.
/// </summary>
internal sealed class DialectPathNode : Node
{
    private readonly PathNode _original;
    private readonly string _prefix;
    private readonly int _nameSegment;

    private DialectPathNode(PathNode original, string prefix, int nameSegment, bool isService)
        : base(original.Position, original.Height)
    {
        _original = original;
        _prefix = prefix;
        _nameSegment = nameSegment;
        Name = original.Segments[nameSegment].Name!;
        IsService = isService;
    }

    /// <summary>The aliased variable or service name.</summary>
    public string Name { get; }

    public bool IsService { get; }

    /// <summary>Recognises the dialect's shapes; any other path is returned unchanged.</summary>
    public static Node Recognise(PathNode path)
    {
        var segments = path.Segments;
        string? Step(int i) => i < segments.Length ? segments[i].Name : null;
        return (path.Root, Step(0), Step(1)) switch
        {
            ("environment", "variables", not null) => new DialectPathNode(path, "environment", 1, isService: false),
            ("environment", "services", not null) when segments.Length == 2 => new DialectPathNode(path, "environment", 1, isService: true),
            ("variables", not null, _) => new DialectPathNode(path, "variables", 0, isService: false),
            ("services", not null, _) when segments.Length == 1 => new DialectPathNode(path, "services", 0, isService: true),
            _ => path,
        };
    }

    public override object? Evaluate(ref EvalScope scope)
    {
        var context = scope.RequireContext(Position);
        if (context.TryGetVariable(_prefix, out _))
            return _original.Evaluate(ref scope);
        scope.Charge(1, Position);
        if (IsService)
            return Name;
        object? value = null;
        if (context.TryGetVariable(Name, out var raw))
            value = Values.TryRead(raw, out var read) ? read : throw Errors.UnsupportedValue(Name, raw, Position);
        return PathSegment.Walk(value, _original.Segments, _nameSegment + 1, ref scope);
    }

    public override void CollectVariables(List<string> names)
    {
        if (!IsService)
            AddName(names, Name);
        foreach (var segment in _original.Segments)
            segment.Index?.CollectVariables(names);
    }
}
