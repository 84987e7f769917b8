using System.Runtime;
using System.Runtime.InteropServices;

namespace CoBan.Workflow.Benchmarks.Harness;

/// <summary>Where and on what the figures were measured, and how busy the machine was.</summary>
public sealed record MachineInfo(
    int Cores,
    string Cpu,
    string Os,
    string Dotnet,
    string Configuration,
    string Gc,
    bool TieredPgo,
    string? Node,
    string DateUtc,
    string? Commit,
    bool? UncommittedChanges)
{
    public const string BuildConfiguration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    public static MachineInfo Capture(BenchPaths paths)
    {
        var commit = Shell.FirstLine("git", paths.ProjectDirectory, "rev-parse", "--short=12", "HEAD");
        bool? dirty = null;
        if (commit is not null)
        {
            // Sources only: the results files themselves are rewritten by this run.
            var status = Shell.Run("git", ["status", "--porcelain", "--", "../../src", ".", ":(exclude)results"], paths.ProjectDirectory,
                TimeSpan.FromSeconds(20), forwardStderr: false);
            dirty = status.ExitCode == 0 ? status.Stdout.Trim().Length > 0 : null;
        }
        return new MachineInfo(
            Environment.ProcessorCount,
            CpuModel() ?? RuntimeInformation.ProcessArchitecture.ToString(),
            OsName(),
            RuntimeInformation.FrameworkDescription,
            BuildConfiguration,
            (GCSettings.IsServerGC ? "server" : "workstation") + (Switch("System.GC.Concurrent", true) ? ", concurrent" : ", non-concurrent"),
            Switch("System.Runtime.TieredPGO", true) && Environment.GetEnvironmentVariable("DOTNET_TieredPGO") != "0",
            Shell.FirstLine("node", paths.ProjectDirectory, "--version"),
            DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            commit,
            dirty);
    }

    /// <summary>The 1-minute load average (Linux), to judge how much other work shared the cores.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static bool Switch(string name, bool fallback) =>
        AppContext.GetData(name) is { } value && bool.TryParse(value.ToString(), out var on) ? on : fallback;

    private static string? CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string OsName()
    {
        try
        {
            var pretty = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : Environment.OSVersion.VersionString;
            if (pretty is not null) return $"{pretty["PRETTY_NAME=".Length..].Trim('"')}, kernel {kernel}";
        }
        catch (IOException)
        {
        }
        return RuntimeInformation.OSDescription;
    }
}
