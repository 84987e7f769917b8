namespace CoBan.Workflow.Engine.Expressions;

/// <summary>What an expression may see: variables, the clock and the working-day calendar.</summary>
public interface IExpressionContext
{
    /// <summary>Looks a variable up by name; values should already be in the value model (docs/values.md).</summary>
    bool TryGetVariable(string name, out object? value);

    /// <summary>The instant <c>now()</c> returns; the engine passes its clock so tests never sleep.</summary>
    DateTimeOffset Now { get; }

    /// <summary>The official calendar; null makes the working-day functions fail with a clear error.</summary>
    IWorkingDays? WorkingDays { get; }
}
