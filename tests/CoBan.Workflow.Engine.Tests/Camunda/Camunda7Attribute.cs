namespace CoBan.Workflow.Engine.Tests.Camunda;

/// <summary>
/// Marks a scenario as the translation of one Camunda 7 engine test (class and method of
/// engine/src/test/java/org/camunda/bpm/engine/test/bpmn/...): the same steps, the assertions of the Java
/// test. The model is an equivalent one written here, not Camunda's file. <see cref="Gap"/> names why the
/// scenario does not match Camunda (the test then asserts what CoBan does instead, e.g. the named problem).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class Camunda7Attribute(string construct, string javaTest) : Attribute
{
    public string Construct { get; } = construct;
    public string JavaTest { get; } = javaTest;
    public string? Gap { get; init; }
}
