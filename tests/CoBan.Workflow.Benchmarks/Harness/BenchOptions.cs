using System.Globalization;

namespace CoBan.Workflow.Benchmarks.Harness;

/// <summary>Command-line options shared by the suites; a suite applies its own default when one is absent.</summary>
public sealed record BenchOptions
{
    public required string Suite { get; init; }
    /// <summary>--instances N: instances per measured run.</summary>
    public int? Instances { get; init; }
    /// <summary>--runs R: measured runs per figure; the best is reported, every run is kept in the JSON.</summary>
    public int? Runs { get; init; }
    /// <summary>--skip-node: do not run the bpmn-engine side (its figures are then reported as skipped).</summary>
    public bool SkipNode { get; init; }
    /// <summary>--node-instances n: instances for `node bench.mjs n`.</summary>
    public int? NodeInstances { get; init; }
    /// <summary>--results DIR: where the results files go (default: results/ of the benchmark project).</summary>
    public string? ResultsDirectory { get; init; }
    /// <summary>--allow-debug: measure a Debug build anyway (the results say so).</summary>
    public bool AllowDebug { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project tests/CoBan.Workflow.Benchmarks -- <suite> [options]
               dotnet run -c Release --project tests/CoBan.Workflow.Benchmarks -- list

        options:
          --instances N       instances per measured run (engine: 200000)
          --runs R            measured runs per figure, best reported (engine: 3)
          --skip-node         do not run the bpmn-engine side (node/bench.mjs)
          --node-instances n  instances for node bench.mjs (engine: 2000)
          --results DIR       write <suite>.json and <suite>.md there (default: the project's results/)
          --allow-debug       measure a Debug build anyway
        """;

    /// <summary>Parses the arguments; the error is a message for the user.</summary>
    public static (BenchOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith('-')) return (null, "name a suite");
        var options = new BenchOptions { Suite = args[0] };
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{arg} needs a value");
            try
            {
                options = arg switch
                {
                    "--instances" => options with { Instances = Positive(arg, Value()) },
                    "--runs" => options with { Runs = Positive(arg, Value()) },
                    "--node-instances" => options with { NodeInstances = Positive(arg, Value()) },
                    "--skip-node" => options with { SkipNode = true },
                    "--results" => options with { ResultsDirectory = Value() },
                    "--allow-debug" => options with { AllowDebug = true },
                    _ => throw new FormatException($"unknown option {arg}"),
                };
            }
            catch (FormatException e)
            {
                return (null, e.Message);
            }
        }
        return (options, null);
    }

    private static int Positive(string name, string text) =>
        int.TryParse(text.Replace("_", "").Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new FormatException($"{name} expects a positive whole number, got '{text}'");
}
