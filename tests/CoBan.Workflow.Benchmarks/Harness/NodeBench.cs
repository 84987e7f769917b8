using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoBan.Workflow.Benchmarks.Harness;

/// <summary>The bpmn-engine side (node/bench.mjs, see node/README.md): one JSON object on stdout.</summary>
public static class NodeBench
{
    public sealed record Outcome(JsonObject? Result, string? Error, int ExitCode);

    public static Outcome Run(SuiteContext context, int instances)
    {
        var directory = context.Paths.Node;
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            context.Log("node/node_modules is missing: npm ci");
            var install = Shell.Run("npm", ["ci", "--no-audit", "--no-fund"], directory, TimeSpan.FromMinutes(10));
            if (install.ExitCode != 0)
                return new Outcome(null, install.StartError ?? $"npm ci failed (exit code {install.ExitCode})", install.ExitCode);
        }

        context.Log($"node bench.mjs {instances} (bpmn-engine; takes a while)");
        var run = Shell.Run("node", ["bench.mjs", instances.ToString(System.Globalization.CultureInfo.InvariantCulture)], directory, TimeSpan.FromMinutes(20));
        if (run.StartError is not null) return new Outcome(null, $"node did not start: {run.StartError}", run.ExitCode);
        if (run.TimedOut) return new Outcome(null, "node bench.mjs did not finish within 20 minutes", run.ExitCode);
        try
        {
            // Exit code 1 with a JSON object means a check failed on the bpmn-engine side: keep the figures, report the failure.
            var result = JsonNode.Parse(run.Stdout) as JsonObject;
            return result is null
                ? new Outcome(null, "node bench.mjs printed no JSON object", run.ExitCode)
                : new Outcome(result, run.ExitCode == 0 ? null : $"node bench.mjs exited with {run.ExitCode} (a check failed on its side)", run.ExitCode);
        }
        catch (JsonException e)
        {
            return new Outcome(null, $"node bench.mjs printed invalid JSON: {e.Message}", run.ExitCode);
        }
    }
}
