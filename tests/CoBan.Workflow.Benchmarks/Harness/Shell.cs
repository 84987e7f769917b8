using System.Diagnostics;
using System.Text;

namespace CoBan.Workflow.Benchmarks.Harness;

/// <summary>Runs an external program; its stderr goes to ours line by line (progress), its stdout is returned.</summary>
public static class Shell
{
    public sealed record Outcome(int ExitCode, string Stdout, bool TimedOut, string? StartError);

    public static Outcome Run(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, bool forwardStderr = true)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new Outcome(-1, "", false, e.Message);
        }
        using (process)
        {
            var stdout = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null && forwardStderr) Console.Error.WriteLine($"  {e.Data}"); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new Outcome(-1, stdout.ToString(), true, null);
            }
            process.WaitForExit(); // drains the asynchronous readers
            lock (stdout) return new Outcome(process.ExitCode, stdout.ToString(), false, null);
        }
    }

    /// <summary>The first line a quick command prints, or null when it cannot run.</summary>
    public static string? FirstLine(string program, string workingDirectory, params string[] arguments)
    {
        var outcome = Run(program, arguments, workingDirectory, TimeSpan.FromSeconds(20), forwardStderr: false);
        if (outcome.ExitCode != 0) return null;
        var line = outcome.Stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? null : line;
    }
}
