namespace CoBan.Workflow.Engine.Expressions;

/// <summary>Shared boxes for booleans: conditions are evaluated per token, so they should not allocate.</summary>
internal static class Boxed
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Bool(bool value) => value ? True : False;
}
