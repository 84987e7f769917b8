using System.Text;

namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// Text mixing literal parts and bodies, e.g. <c>请于 ${deadline} 前补正</c>: always a string, with
/// each body's value in its text form (null prints as nothing).
/// </summary>
internal sealed class InterpolationNode(Node[] parts) : Node(0, HeightOf(parts))
{
    public override object? Evaluate(ref EvalScope scope)
    {
        scope.Charge(1, Position);
        var builder = new StringBuilder();
        foreach (var part in parts)
            TextFormat.Append(builder, part.Evaluate(ref scope), ref scope, part.Position, 0);
        return builder.ToString();
    }

    public override void CollectVariables(List<string> names)
    {
        foreach (var part in parts)
            part.CollectVariables(names);
    }
}
