using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Benchmarks.Supervision;

/// <summary>
/// Where the time goes: with BENCH_TRACE=1 every SQL command the host's contexts run is timed, from
/// its start until its reader is disposed (the rows read included), and the slowest statements are
/// printed after each measurement. An interceptor, because the pooled contexts' diagnostic events are
/// not reliably seen from outside.
/// </summary>
public sealed class SqlTrace : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, (int Count, double Ms)> _commands = new();

    public static SqlTrace? FromEnvironment() => Environment.GetEnvironmentVariable("BENCH_TRACE") == "1" ? new SqlTrace() : null;

    /// <summary>Adds the interceptor to every context of <paramref name="services"/>.</summary>
    public void Register(IServiceCollection services) => services.ConfigureDbContext<Data.SqliteCoBanDbContext>(o => o.AddInterceptors(this));

    // A reader's time is its execution (where SQLite does a grouped query's whole work, at the first step) plus its reading until disposed.
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Add(command, eventData.Duration);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Add(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    // Called for sync and async readers alike.
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Add(command, eventData.Duration, count: 0);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Add(command, eventData.Duration);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Add(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Add(command, eventData.Duration);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Add(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    private void Add(DbCommand command, TimeSpan duration, int count = 1)
    {
        var text = command.CommandText.Length > 600 ? command.CommandText[..600] : command.CommandText;
        _commands.AddOrUpdate(text, (count, duration.TotalMilliseconds), (_, v) => (v.Count + count, v.Ms + duration.TotalMilliseconds));
    }

    public string Report(string title, int top = 10)
    {
        var lines = _commands.OrderByDescending(c => c.Value.Ms).Take(top)
            .Select(c => $"{c.Value.Ms,9:N1} ms {c.Value.Count,4}× {c.Key.ReplaceLineEndings(" ")}").ToList();
        var total = _commands.Sum(c => c.Value.Ms);
        _commands.Clear();
        return $"-- {title}: {total:N0} ms in SQL\n" + string.Join("\n", lines);
    }
}
