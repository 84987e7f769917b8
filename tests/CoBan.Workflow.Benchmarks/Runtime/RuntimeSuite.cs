using CoBan.Workflow.Benchmarks.Engine;
using CoBan.Workflow.Benchmarks.Harness;
using CoBan.Workflow.Data;

namespace CoBan.Workflow.Benchmarks.Runtime;

/// <summary>
/// Issue 3's target: workflow steps through the runtime on SQLite, with the service's default
/// durability, against the raw rate of single-row SQLite transactions at the same setting, in one run.
/// </summary>
public sealed class RuntimeSuite : Suite
{
    public override string Name => "runtime";

    public override string Title => "Runtime suite: workflow steps through the host's unit of work on SQLite, against raw SQLite transactions";

    public override string Description =>
        "Starts and completes `models/user-task-gateway.bpmn` instances through the real host composition (RuntimeService: engine step, " +
        "task row, journal, state, one transaction per step) on a fresh SQLite file with the service's default durability " +
        $"(`{SqlitePragmas.For(SqlitePragmas.DefaultSynchronous)}`), and in the same run measures single-row INSERT transactions on another file with the same pragmas. " +
        "Each start and each task completion counts as one workflow step.";

    public override SuiteReport Run(SuiteContext context) => RunAsync(context).GetAwaiter().GetResult();

    private static async Task<SuiteReport> RunAsync(SuiteContext context)
    {
        var instances = context.Options.Instances ?? 2_000;
        var runs = context.Options.Runs ?? 3;
        var rawCount = Math.Max(instances * 4, 5_000);
        var report = new SuiteReport();
        report.Parameter("instances per run (2 steps each)", instances.ToString("N0"));
        report.Parameter("raw SQLite transactions per run", rawCount.ToString("N0"));
        report.Parameter("measured runs (best reported)", runs);
        report.Parameter("SQLite durability (service default)", $"journal_mode=WAL, synchronous={SqlitePragmas.DefaultSynchronous}: a committed step survives a crash of the process and a power loss");

        var xml = new BenchModels(context.Paths).Xml(BenchModels.GatewayFile);
        await using var host = await HostUnderTest.StartAsync("runtime");
        var version = await host.PublishAsync(xml, EngineSuite.GatewayProcess);
        var driver = new GatewayThroughRuntime(host, version);
        context.Log("runtime: warm-up");
        Measure.WarmUp(() => driver.RunAsync(200).GetAwaiter().GetResult(), TimeSpan.FromSeconds(3));
        var tallies = new List<RuntimeTally>();
        var runtime = Measure.Repeat("runtime.steps", "workflow steps through the runtime (start + complete)", instances * 2, runs,
            () => tallies.Add(driver.RunAsync(instances).GetAwaiter().GetResult()), context.Log);

        var rawFile = Path.Combine(host.Folder, "raw.db");
        context.Log("raw SQLite: warm-up");
        RawSqlite.Transactions(rawFile, 2_000, SqlitePragmas.DefaultSynchronous);
        var raw = Measure.Repeat("raw.transactions", "single-row SQLite transactions, same pragmas", rawCount, runs,
            () => RawSqlite.Transactions(rawFile, rawCount, SqlitePragmas.DefaultSynchronous), context.Log);

        var group = "workflow steps against raw SQLite transactions (wall time, best run)";
        report.Series.AddRange([runtime, raw]);
        report.Figure("runtime.stepsPerSecond", group, "workflow steps/s through the runtime", runtime.PerSecondWall, "steps/s");
        report.Figure("runtime.stepsPerSecondCpu", group, "workflow steps/s (CPU time)", runtime.PerSecondCpu, "steps/s");
        report.Figure("runtime.cpuMicrosecondsPerStep", group, "CPU time per step", runtime.MicrosecondsPerInstanceCpu, "µs");
        report.Figure("runtime.allocatedBytesPerStep", group, "allocated per step", runtime.AllocatedBytesPerInstance, "B");
        report.Figure("raw.transactionsPerSecond", group, "raw single-row SQLite transactions/s", raw.PerSecondWall, "tx/s");
        report.Figure("runtime.shareOfRaw", group, "runtime steps/s as a share of raw transactions/s", 100 * runtime.PerSecondWall / raw.PerSecondWall, "%",
            new Target(Comparison.AtLeast, 25, "issue 3"));

        // 40 instances (80 steps) and 300 raw transactions stay under the 1,000-page automatic checkpoint.
        var stepPages = await WalPages.PerTransactionAsync(host.DatabaseFile, 80, () => driver.RunAsync(40));
        var rawPages = await WalPages.PerTransactionAsync(rawFile, 300, () =>
        {
            RawSqlite.Transactions(rawFile, 300, SqlitePragmas.DefaultSynchronous);
            return Task.CompletedTask;
        });
        var pages = "what each commit writes (write-ahead log pages per transaction)";
        report.Figure("runtime.walPagesPerStep", pages, "pages per workflow step", stepPages, "pages",
            note: "one step writes its instance, task and journal rows and their indexes");
        report.Figure("raw.walPagesPerTransaction", pages, "pages per raw single-row transaction", rawPages, "pages");

        report.Notes.Add("Each start and each completion is one unit of work of the runtime: the start as `RuntimeService.StartAsync` makes it " +
            "(the API finds the procedure and its published version first, outside the unit; the benchmark does that once), the completion " +
            "as `TaskService.CompleteAsync` makes it for `POST /api/v1/tasks/{id}/complete` (the task found by its id, the instance loaded, the " +
            "task closed, the engine step, the journal), less the caller's rights check. No HTTP.");
        report.Notes.Add("On SQLite the rows a step reads by key and writes (instances, tasks, journal entries) go through SQLite's own prepared " +
            "statements, kept with the native connection (`Data/SqliteStatements.cs`, `SqliteRowTable.cs`): EF Core would translate, prepare " +
            "and shape every query and batch again, and a SqliteCommand gives up its prepared statement whenever EF closes the connection, " +
            "after every unit. Other reads and saves, and everything on PostgreSQL, stay with EF Core.");
        report.Notes.Add("A step's commit has to get several pages onto the disk (the rows and their index entries), a raw transaction one. " +
            "Partial indexes keep a step out of indexes it has nothing for (no case, no business key, no parent; only open tasks are queued, " +
            "and the group queue only holds tasks with candidates: this model's task has none, so it is queued for its bureau only; a task " +
            "with candidate roles would write one more page on each of its two steps). The step tables' keys have no AUTOINCREMENT, " +
            "which would write the sqlite_sequence page on every commit.");
        report.Notes.Add("The raw rate follows the disk: on this shared machine it moves between about 5,500 and 8,800 transactions/s " +
            "from one run to the next, and the share moves with it (the higher the raw rate, the lower the share).");

        var (approved, rejected) = await driver.EndsAsync();
        var total = tallies.Sum(t => t.Instances);
        report.Check("runtime.ends", "every instance ended where its variable says (read back from the journal, warm-up included)",
            approved + rejected >= total && Math.Abs(approved - rejected) <= 1, $"{approved} endApproved, {rejected} endRejected");
        return report;
    }
}
