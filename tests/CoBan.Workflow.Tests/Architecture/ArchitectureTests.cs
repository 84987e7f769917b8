using NetArchTest.Rules;
using Xunit.Abstractions;

namespace CoBan.Workflow.Tests.Architecture;

/// <summary>Keeps the direction of dependencies (docs/architecture.md): read from the compiled host assembly.</summary>
public sealed class ArchitectureTests(ITestOutputHelper output)
{
    private static readonly Lazy<NamespaceGraph> Graph = new(() => NamespaceGraph.Of(typeof(Program).Assembly.Location));

    [Fact]
    public void No_namespace_refers_to_a_layer_above_its_own()
    {
        var upward = Graph.Value.Edges
            .SelectMany(e => e.Value.Select(to => (From: e.Key, To: to)))
            .Where(e => Layers.Rank(e.To) > Layers.Rank(e.From) && !Layers.Allowed.Contains(e))
            .Select(e => $"{e.From} → {e.To} (from {string.Join(", ", Graph.Value.Witnesses[e])})")
            .ToList();
        upward.ShouldBeEmpty("references upwards, against docs/architecture.md:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void The_feature_namespaces_form_no_cycle()
    {
        var cycles = Graph.Value.Cycles(ignore: (from, to) => Layers.Allowed.Contains((from, to)));
        foreach (var cycle in cycles) output.WriteLine("cycle: " + string.Join(", ", cycle));
        cycles.ShouldBeEmpty("namespaces that reach each other:\n" + string.Join("\n", cycles.Select(c => string.Join(", ", c))));
    }

    [Fact]
    public void Every_allowed_exception_is_still_needed()
    {
        // An exception that no longer occurs is taken off the list, so it cannot come back unseen.
        var stale = Layers.Allowed.Where(e => !Graph.Value.Edges.TryGetValue(e.From, out var to) || !to.Contains(e.To)).ToList();
        stale.ShouldBeEmpty("remove from Layers.Allowed: " + string.Join(", ", stale.Select(e => $"{e.From} → {e.To}")));
    }

    [Fact]
    public void Every_namespace_is_in_a_layer()
    {
        foreach (var ns in Graph.Value.Edges.Keys) Should.NotThrow(() => Layers.Rank(ns));
    }

    [Fact]
    public void The_kernel_uses_nothing_of_the_host_but_itself()
    {
        var result = Types.InAssembly(typeof(Program).Assembly).That().ResideInNamespace("CoBan.Workflow.Kernel")
            .ShouldNot().HaveDependencyOnAny(Layers.Order.Skip(1).SelectMany(l => l.Namespaces).Select(n => "CoBan.Workflow." + n).ToArray())
            .GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void The_engine_uses_nothing_of_the_host()
    {
        var result = Types.InAssembly(typeof(CoBan.Workflow.Engine.Execution.InstanceStatus).Assembly)
            .ShouldNot().HaveDependencyOnAny(Layers.Order.SelectMany(l => l.Namespaces).Select(n => "CoBan.Workflow." + n).ToArray())
            .GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void The_graph_reader_sees_a_reference_made_only_inside_a_method_body()
    {
        // A guard for the reader itself: CoBanServices names features only inside method bodies (fully qualified in places).
        Graph.Value.Edges["Hosting"].ShouldContain("Cases");
        Graph.Value.Edges["Hosting"].ShouldContain("Notices");
    }
}
