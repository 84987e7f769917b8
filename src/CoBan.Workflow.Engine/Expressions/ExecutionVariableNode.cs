namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// Camunda's <c>execution.getVariable('x')</c> and <c>execution.hasVariable('x')</c>. As in Camunda,
/// getVariable of a missing variable is null, not an error: models use it precisely to test for
/// variables that may not be set.
/// </summary>
internal sealed class ExecutionVariableNode(int position, bool hasVariable, Node name) : Node(position, HeightOf(name))
{
    public override object? Evaluate(ref EvalScope scope)
    {
        scope.Charge(1, Position);
        var value = name.Evaluate(ref scope);
        if (value is not string variable)
            throw Errors.Argument(hasVariable ? "execution.hasVariable" : "execution.getVariable", 0, "文本", "a string", value, name.Position);
        var found = scope.RequireContext(Position).TryGetVariable(variable, out var raw);
        if (hasVariable)
            return Boxed.Bool(found);
        return Values.TryRead(raw, out var read) ? read : throw Errors.UnsupportedValue(variable, raw, Position);
    }

    public override void CollectVariables(List<string> names)
    {
        if (name is LiteralNode { Value: string literal })
            AddName(names, literal);
        else
            name.CollectVariables(names);
    }
}
