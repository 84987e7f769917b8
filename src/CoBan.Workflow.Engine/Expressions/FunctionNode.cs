namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// A call of a built-in function, <c>size(x)</c>, or of a whitelisted method, <c>x.size()</c> (the
/// receiver becomes the first argument). The function was resolved when parsing, so an unknown name
/// never reaches evaluation.
/// </summary>
internal sealed class FunctionNode(int position, string name, FunctionSpec spec, Node[] args, bool isMethod)
    : Node(position, HeightOf(args))
{
    public override object? Evaluate(ref EvalScope scope)
    {
        scope.Charge(1, Position);
        ArgBuffer buffer = default;
        Span<object?> values = buffer;
        for (var i = 0; i < args.Length; i++)
            values[i] = args[i].Evaluate(ref scope);
        return spec.Body(new Call(name, values[..args.Length], args, Position, isMethod), ref scope);
    }

    public override void CollectVariables(List<string> names)
    {
        foreach (var arg in args)
            arg.CollectVariables(names);
    }
}
