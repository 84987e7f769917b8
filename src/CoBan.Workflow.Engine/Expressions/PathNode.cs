namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// A variable or another value followed by a flat list of <c>.name</c> / <c>[index]</c> steps, e.g.
/// <c>case.applicant.name</c> or <c>list[0]</c>. A missing root variable is an error (Camunda's
/// "Unknown property used in expression"), except under <c>empty</c>, where it reads as null.
/// </summary>
internal sealed class PathNode : Node
{
    private readonly string? _root;
    private readonly Node? _base;
    private readonly bool _missingAsNull;

    public PathNode(int position, string root, PathSegment[] segments, bool missingAsNull = false)
        : base(position, HeightOfSegments(null, segments))
    {
        _root = root;
        Segments = segments;
        _missingAsNull = missingAsNull;
    }

    public PathNode(Node baseNode, PathSegment[] segments)
        : base(baseNode.Position, HeightOfSegments(baseNode, segments))
    {
        _base = baseNode;
        Segments = segments;
    }

    /// <summary>The root variable name, or null when the path starts from another expression.</summary>
    public string? Root => _root;

    public PathSegment[] Segments { get; }

    /// <summary>The same path read leniently, for the operand of <c>empty</c>.</summary>
    public PathNode MissingAsNull() => _root is null ? this : new PathNode(Position, _root, Segments, missingAsNull: true);

    public override object? Evaluate(ref EvalScope scope)
    {
        scope.Charge(1, Position);
        object? value;
        if (_root is not null)
        {
            if (!scope.RequireContext(Position).TryGetVariable(_root, out var raw))
                return _missingAsNull ? null : throw Errors.UnknownVariable(_root, Position);
            value = Values.TryRead(raw, out var read) ? read : throw Errors.UnsupportedValue(_root, raw, Position);
        }
        else
        {
            value = _base!.Evaluate(ref scope);
        }
        return Segments.Length == 0 ? value : PathSegment.Walk(value, Segments, 0, ref scope);
    }

    public override void CollectVariables(List<string> names)
    {
        if (_root is not null)
            AddName(names, _root);
        _base?.CollectVariables(names);
        foreach (var segment in Segments)
            segment.Index?.CollectVariables(names);
    }

    private static int HeightOfSegments(Node? baseNode, PathSegment[] segments)
    {
        var height = baseNode?.Height ?? 0;
        foreach (var segment in segments)
            height = Math.Max(height, segment.Index?.Height ?? 0);
        return height + 1;
    }
}
