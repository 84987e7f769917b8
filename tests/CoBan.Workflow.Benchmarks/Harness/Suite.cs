namespace CoBan.Workflow.Benchmarks.Harness;

/// <summary>
/// One benchmark suite: measures, checks what it ran, and returns a report that the
/// <see cref="ResultsWriter"/> turns into results/&lt;name&gt;.json and results/&lt;name&gt;.md.
/// </summary>
public abstract class Suite
{
    /// <summary>The command-line name and the results file name.</summary>
    public abstract string Name { get; }

    public abstract string Title { get; }

    /// <summary>One paragraph for the results file: what is measured and against what.</summary>
    public abstract string Description { get; }

    public abstract SuiteReport Run(SuiteContext context);
}

/// <summary>What every suite gets: the command-line options, the benchmark folders and a progress log.</summary>
public sealed class SuiteContext(BenchOptions options, BenchPaths paths)
{
    public BenchOptions Options { get; } = options;
    public BenchPaths Paths { get; } = paths;

    public void Log(string message) => Console.Error.WriteLine($"[bench] {message}");
}
