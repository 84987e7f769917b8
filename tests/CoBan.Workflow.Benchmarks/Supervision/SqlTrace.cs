using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoBan.Workflow.Benchmarks.Supervision;

/// <summary>
/// Where the time goes: with BENCH_TRACE=1 every SQL command EF runs is timed (EF's diagnostic events,
/// whatever the log level) and the slowest statements are printed after each measurement.
/// </summary>
public sealed class SqlTrace : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentDictionary<string, (int Count, double Ms)> _commands = new();
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];

    public SqlTrace() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public static SqlTrace? FromEnvironment() => Environment.GetEnvironmentVariable("BENCH_TRACE") == "1" ? new SqlTrace() : null;

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name) lock (_listeners) _listeners.Add(value.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandExecutedEventData e)
        {
            var text = e.Command.CommandText.Length > 400 ? e.Command.CommandText[..400] : e.Command.CommandText;
            _commands.AddOrUpdate(text, (1, e.Duration.TotalMilliseconds), (_, v) => (v.Count + 1, v.Ms + e.Duration.TotalMilliseconds));
        }
    }

    public string Report(string title, int top = 8)
    {
        var lines = _commands.OrderByDescending(c => c.Value.Ms).Take(top)
            .Select(c => $"{c.Value.Ms,9:N1} ms {c.Value.Count,4}× {c.Key.ReplaceLineEndings(" ")}");
        _commands.Clear();
        return $"-- {title}\n" + string.Join("\n", lines);
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners) foreach (var l in _listeners) l.Dispose();
    }
}
