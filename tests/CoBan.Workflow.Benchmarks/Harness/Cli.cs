using System.Globalization;

namespace CoBan.Workflow.Benchmarks.Harness;

/// <summary>The command line: pick a suite, run it, write its results files. Exit code 0 = every check and target passed.</summary>
public static class Cli
{
    public static int Run(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.Error.WriteLine(BenchOptions.Usage);
            List();
            return args.Length == 0 ? 2 : 0;
        }
        if (args[0] == "list")
        {
            List();
            return 0;
        }

        var (options, error) = BenchOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine($"error: {error}");
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }
        var suite = SuiteCatalog.Find(options.Suite);
        if (suite is null)
        {
            var planned = SuiteCatalog.Planned.FirstOrDefault(p => p.Name == options.Suite);
            Console.Error.WriteLine(planned is not null
                ? $"suite '{planned.Name}' is planned but not written yet. {planned.Todo}"
                : $"error: no suite '{options.Suite}'");
            List();
            return 2;
        }
        if (MachineInfo.BuildConfiguration != "Release" && !options.AllowDebug)
        {
            Console.Error.WriteLine("error: this is a Debug build; figures from it mean little. Run with -c Release (or pass --allow-debug).");
            return 2;
        }

        var paths = BenchPaths.Resolve(options.ResultsDirectory);
        var context = new SuiteContext(options, paths);
        var machine = MachineInfo.Capture(paths);
        context.Log($"suite {suite.Name} on {machine.Cores} cores, {machine.Dotnet} {machine.Configuration}, node {machine.Node ?? "not found"}");
        var loadAtStart = MachineInfo.LoadAverage();
        var report = suite.Run(context);
        var loadAtEnd = MachineInfo.LoadAverage();
        var written = ResultsWriter.Write(paths.ResultsDirectory, suite, machine, report, loadAtStart, loadAtEnd);

        foreach (var f in report.Figures)
        {
            var value = f.Value is { } v ? Numbers.Text(v) : "skipped";
            var target = f.Target is null ? "" : $"  [target {f.Target.Text}: {f.Status.ToString().ToLowerInvariant()}]";
            Console.WriteLine($"{f.Id,-44} {value,16} {f.Unit}{target}");
        }
        foreach (var c in report.Checks.Where(c => c.Passed == false)) Console.WriteLine($"CHECK FAILED: {c.Label}: {c.Detail}");
        Console.WriteLine($"{(report.Passed ? "PASS" : "FAIL")}: results in {written.JsonPath} and {written.MarkdownPath}");
        return report.Passed ? 0 : 1;
    }

    private static void List()
    {
        Console.Error.WriteLine("suites:");
        foreach (var s in SuiteCatalog.Available) Console.Error.WriteLine($"  {s.Name,-12} {s.Title}");
        foreach (var p in SuiteCatalog.Planned) Console.Error.WriteLine($"  {p.Name,-12} (planned) {p.Todo}");
    }
}
