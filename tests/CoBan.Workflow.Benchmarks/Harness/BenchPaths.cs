using System.Reflection;

namespace CoBan.Workflow.Benchmarks.Harness;

/// <summary>The benchmark project's folders, found through the directory recorded at build time.</summary>
public sealed record BenchPaths(string ProjectDirectory, string ResultsDirectory)
{
    public string Models => Path.Combine(ProjectDirectory, "models");
    public string Node => Path.Combine(ProjectDirectory, "node");

    public string Model(string fileName) => Path.Combine(Models, fileName);

    public static BenchPaths Resolve(string? resultsDirectory)
    {
        var recorded = typeof(BenchPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BenchmarkProjectDirectory")?.Value;
        if (recorded is null || !Directory.Exists(Path.Combine(recorded, "models")))
            throw new DirectoryNotFoundException($"the benchmark project directory recorded at build time ({recorded ?? "none"}) has no models/ folder: rebuild the benchmark project");
        return new BenchPaths(recorded, Path.GetFullPath(resultsDirectory ?? Path.Combine(recorded, "results")));
    }
}
