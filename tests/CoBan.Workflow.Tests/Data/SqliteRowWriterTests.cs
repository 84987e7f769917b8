using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoBan.Workflow.Tests.Data;

/// <summary>
/// On SQLite a step's instances, tasks and journal entries are saved and found by key without EF (SqliteRowWriter,
/// SqliteRowReader). What is written must be what EF would have written (read back through EF), with EF's concurrency
/// check and all-or-nothing behaviour, every other save must be left to EF, and a row found by key must be the row EF
/// would have tracked. EF's own commands are counted to tell the paths apart.
/// </summary>
public sealed class SqliteRowWriterTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"coban-rowwriter-{Guid.NewGuid():N}.db");
    private long _versionId;
    private int _efCommands;

    public async Task InitializeAsync()
    {
        await using var db = Context();
        await db.Database.MigrateAsync();
        var bureau = new Bureau { Code = "RW", Name = "写入测试局" };
        db.Add(bureau);
        await db.SaveChangesAsync();
        var procedure = new Procedure { BureauId = bureau.Id, Key = "p", Name = "p", CreatedAt = DateTimeOffset.UtcNow };
        db.Add(procedure);
        await db.SaveChangesAsync();
        var version = new ProcedureVersion { ProcedureId = procedure.Id, Number = 1, Status = VersionStatus.Published, Xml = "<x/>", XmlHash = "h" };
        db.Add(version);
        await db.SaveChangesAsync();
        _versionId = version.Id;
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
        return Task.CompletedTask;
    }

    private SqliteCoBanDbContext Context() => new(new DbContextOptionsBuilder<SqliteCoBanDbContext>()
        .UseCoBanSqlite($"Data Source={_file}")
        .AddInterceptors(new SqlitePragmas())
        .LogTo(_ => Interlocked.Increment(ref _efCommands), [RelationalEventId.CommandExecuted])
        .Options);

    private ProcessInstance Instance(string state = "{}") => new()
    {
        ProcedureId = 1, ProcedureVersionId = _versionId, BureauId = 1, ProcessId = "p", State = state,
        StartedAt = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.FromHours(8)), StartedBy = "u1",
    };

    [Fact]
    public async Task A_steps_rows_are_written_without_EF_and_read_back_as_EF_would_have_written_them()
    {
        var due = new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.FromHours(8));
        ProcessInstance instance;
        JournalEntry first, second;
        WorkTask task;
        await using (var db = Context())
        {
            instance = Instance("{\"v\":1}");
            instance.Path = "start,review";
            instance.HasIncident = true;
            db.Add(instance);
            await db.SaveChangesAsync(); // no id yet: the writer reads back the one SQLite gives
            task = new WorkTask { InstanceId = instance.Id, TaskId = 1, ElementId = "review", Name = "审核", BureauId = 1, Due = due, Manual = true, Status = WorkTaskStatus.Open, Delegation = DelegationState.Pending, CreatedAt = due.AddDays(-3) };
            first = new JournalEntry { InstanceId = instance.Id, Action = "instance.started", Detail = "流程实例启动", At = due.AddDays(-3), UserName = "系统" };
            second = new JournalEntry { InstanceId = instance.Id, Action = "task.created", Detail = "生成任务“审核”", At = due.AddDays(-3), ElementId = "review" };
            db.AddRange(first, task, second);
            var before = _efCommands;
            (await db.SaveChangesAsync()).ShouldBe(3);
            _efCommands.ShouldBe(before, "a save of step rows only runs no EF command");
            db.ChangeTracker.Entries().ShouldAllBe(e => e.State == EntityState.Unchanged);
        }
        instance.Id.ShouldBeGreaterThan(0);
        task.Id.ShouldBeGreaterThan(0);
        second.Id.ShouldBe(first.Id + 1, "journal ids follow the order the entries were made in");

        await using var read = Context();
        var storedTask = await read.Set<WorkTask>().SingleAsync(t => t.Id == task.Id);
        storedTask.Due.ShouldBe(due);
        storedTask.Manual.ShouldBeTrue();
        storedTask.Delegation.ShouldBe(DelegationState.Pending);
        storedTask.Name.ShouldBe("审核");
        storedTask.AssigneeId.ShouldBeNull();
        storedTask.CreatedAt.ShouldBe(due.AddDays(-3));
        var storedInstance = await read.Set<ProcessInstance>().SingleAsync(i => i.Id == instance.Id);
        storedInstance.HasIncident.ShouldBeTrue();
        storedInstance.StartedAt.ShouldBe(instance.StartedAt);
        storedInstance.State.ShouldBe("{\"v\":1}");
        (await read.Set<JournalEntry>().Where(j => j.InstanceId == instance.Id).OrderBy(j => j.Id).Select(j => j.Action).ToListAsync())
            .ShouldBe(["instance.started", "task.created"]);
        // Found again the way a step finds its task: by instance and task number (the unique index).
        (await read.Set<WorkTask>().CountAsync(t => t.InstanceId == instance.Id && t.TaskId == 1)).ShouldBe(1);
    }

    [Fact]
    public async Task An_update_writes_only_what_changed_and_a_stale_instance_version_is_refused()
    {
        long id;
        await using (var db = Context())
        {
            var instance = Instance();
            db.Add(instance);
            await db.SaveChangesAsync();
            id = instance.Id;
        }
        await using var mine = Context();
        await using var theirs = Context();
        var a = await mine.Set<ProcessInstance>().SingleAsync(i => i.Id == id);
        var b = await theirs.Set<ProcessInstance>().SingleAsync(i => i.Id == id);
        a.State = "{\"v\":2}";
        a.Version++;
        a.EndedAt = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
        a.Status = InstanceStatus.Completed;
        await mine.SaveChangesAsync();

        b.Path = "stale";
        b.Version++;
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => theirs.SaveChangesAsync());

        await using var read = Context();
        var stored = await read.Set<ProcessInstance>().SingleAsync(i => i.Id == id);
        stored.Path.ShouldBe("", "the stale update wrote nothing");
        stored.State.ShouldBe("{\"v\":2}");
        stored.Status.ShouldBe(InstanceStatus.Completed);
        stored.EndedAt.ShouldBe(a.EndedAt);
        stored.Version.ShouldBe(1);
    }

    [Fact]
    public async Task A_save_that_holds_any_other_row_is_left_to_EF_whole()
    {
        await using var db = Context();
        var instance = Instance();
        db.Add(instance);
        await db.SaveChangesAsync();
        var before = _efCommands;
        instance.State = "{\"v\":3}";
        db.Add(new JournalEntry { InstanceId = instance.Id, Action = "timer.added", Detail = "定时", At = DateTimeOffset.UtcNow });
        db.Add(new ScheduledTimer
        {
            InstanceId = instance.Id, TimerId = 1, ElementId = "t", Purpose = TimerPurpose.Engine, BureauId = 1,
            DueAt = DateTimeOffset.UtcNow.AddDays(1), Status = TimerStatus.Pending, CreatedAt = DateTimeOffset.UtcNow, Description = "t",
        });
        (await db.SaveChangesAsync()).ShouldBe(3);
        _efCommands.ShouldBeGreaterThan(before, "EF saved this one");

        await using var read = Context();
        (await read.Set<ScheduledTimer>().CountAsync(t => t.InstanceId == instance.Id)).ShouldBe(1);
        (await read.Set<JournalEntry>().CountAsync(j => j.InstanceId == instance.Id)).ShouldBe(1);
        (await read.Set<ProcessInstance>().SingleAsync(i => i.Id == instance.Id)).State.ShouldBe("{\"v\":3}");
    }

    [Fact]
    public async Task A_row_the_database_refuses_fails_the_whole_save_and_nothing_is_written()
    {
        await using var db = Context();
        var instance = Instance();
        db.Add(instance);
        await db.SaveChangesAsync();
        db.Add(new JournalEntry { InstanceId = instance.Id, Action = "a", Detail = "不应留下", At = DateTimeOffset.UtcNow });
        db.Add(new WorkTask { InstanceId = instance.Id, TaskId = 7, ElementId = "a", BureauId = 1, CreatedAt = DateTimeOffset.UtcNow });
        db.Add(new WorkTask { InstanceId = instance.Id, TaskId = 7, ElementId = "b", BureauId = 1, CreatedAt = DateTimeOffset.UtcNow });
        var error = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        error.InnerException.ShouldBeOfType<Microsoft.Data.Sqlite.SqliteException>().Message.ShouldContain("UNIQUE");

        await using var read = Context();
        (await read.Set<WorkTask>().CountAsync(t => t.InstanceId == instance.Id)).ShouldBe(0);
        (await read.Set<JournalEntry>().CountAsync(j => j.InstanceId == instance.Id)).ShouldBe(0);
    }
    [Fact]
    public async Task A_step_row_found_by_key_is_read_as_EF_reads_it_tracked_and_only_once()
    {
        var due = new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.FromHours(8));
        long instanceId, taskId;
        await using (var db = Context())
        {
            var instance = Instance("{\"v\":1}");
            instance.Path = "start,review";
            instance.Status = InstanceStatus.Completed;
            instance.ParentCallId = 3;
            db.Add(instance);
            await db.SaveChangesAsync();
            var task = new WorkTask { InstanceId = instance.Id, TaskId = 1, ElementId = "review", Name = "审核", BureauId = 1, Due = due, Manual = true, Delegation = DelegationState.Pending, CreatedAt = due.AddDays(-3) };
            db.Add(task);
            await db.SaveChangesAsync();
            (instanceId, taskId) = (instance.Id, task.Id);
        }

        await using var read = Context();
        await using var transaction = await read.Database.BeginTransactionAsync();
        var before = _efCommands;
        var found = (await read.FindRowAsync<WorkTask>(taskId, CancellationToken.None)).ShouldNotBeNull();
        var foundInstance = (await read.FindRowAsync<ProcessInstance>(instanceId, CancellationToken.None)).ShouldNotBeNull();
        (await read.FindRowAsync<WorkTask>(taskId + 1000, CancellationToken.None)).ShouldBeNull();
        _efCommands.ShouldBe(before, "inside a transaction the lookups are prepared statements, not EF queries");

        found.Due.ShouldBe(due);
        found.CreatedAt.ShouldBe(due.AddDays(-3));
        found.Manual.ShouldBeTrue();
        found.Delegation.ShouldBe(DelegationState.Pending);
        found.AssigneeId.ShouldBeNull();
        found.CompletedAt.ShouldBeNull();
        foundInstance.State.ShouldBe("{\"v\":1}");
        foundInstance.Status.ShouldBe(InstanceStatus.Completed);
        foundInstance.ParentCallId.ShouldBe(3);
        foundInstance.StartedAt.ShouldBe(Instance().StartedAt);
        read.Entry(found).State.ShouldBe(EntityState.Unchanged);
        (await read.FindRowAsync<WorkTask>(taskId, CancellationToken.None)).ShouldBeSameAs(found, "a tracked row is returned, not read again");
        (await read.Set<WorkTask>().SingleAsync(t => t.Id == taskId)).ShouldBeSameAs(found, "EF resolves to the same tracked row");

        // Tracked like EF's own: a change is saved, and only the changed columns are.
        found.Status = WorkTaskStatus.Completed;
        await read.SaveChangesAsync();
        await transaction.CommitAsync();
        await using var check = Context();
        var stored = await check.Set<WorkTask>().SingleAsync(t => t.Id == taskId);
        stored.Status.ShouldBe(WorkTaskStatus.Completed);
        stored.Due.ShouldBe(due);
    }

    [Fact]
    public async Task Step_row_tables_take_their_keys_from_the_rowid_without_AUTOINCREMENT()
    {
        await using var db = Context();
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name || ':' || sql AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync();
        foreach (var table in new[] { "ProcessInstance", "WorkTask", "JournalEntry" })
            tables.Single(t => t.StartsWith(table + ":")).ShouldNotContain("AUTOINCREMENT");
        tables.Single(t => t.StartsWith("ScheduledTimer:")).ShouldContain("AUTOINCREMENT", customMessage: "other tables keep EF's convention");
    }

    [Fact]
    public async Task Prepared_statements_stay_with_their_native_connection_when_the_pool_hands_the_context_another()
    {
        // The context saves, then saves again on a native connection it never had, several times over: other contexts
        // hold every connection it had before (open, idle). A statement run on one of those would write outside the
        // context's transaction (the rolled-back rows would stay) or wait for the lock its own transaction holds.
        await using var saver = Context();
        var holders = new List<SqliteCoBanDbContext>();
        var seen = new List<object>();
        try
        {
            for (var round = 0; round < 5; round++)
            {
                for (var i = 0; i <= round + 1; i++)
                {
                    var holder = Context();
                    holders.Add(holder);
                    await holder.Database.OpenConnectionAsync();
                }
                await using (var transaction = await saver.Database.BeginTransactionAsync())
                {
                    var handle = ((Microsoft.Data.Sqlite.SqliteConnection)saver.Database.GetDbConnection()).Handle!;
                    seen.ShouldNotContain(handle, "the pool gave back a native connection the test meant to keep busy");
                    seen.Add(handle);
                    saver.Add(new JournalEntry { Action = "rolled-back", Detail = $"round {round}", At = DateTimeOffset.UtcNow });
                    await saver.SaveChangesAsync();
                    await transaction.RollbackAsync();
                }
                saver.ChangeTracker.Clear();
                saver.Add(new JournalEntry { Action = "kept", Detail = $"round {round}", At = DateTimeOffset.UtcNow });
                await saver.SaveChangesAsync();
            }
        }
        finally
        {
            foreach (var holder in holders) await holder.DisposeAsync();
        }

        await using var read = Context();
        (await read.Set<JournalEntry>().CountAsync(j => j.Action == "kept")).ShouldBe(5);
        (await read.Set<JournalEntry>().CountAsync(j => j.Action == "rolled-back")).ShouldBe(0);
    }
}
