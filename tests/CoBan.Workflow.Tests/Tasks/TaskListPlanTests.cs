using CoBan.Workflow.Data;
using CoBan.Workflow.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Tasks;

/// <summary>
/// The task lists must search an index, not read every task ever made: the indexes were shaped so that completing a
/// task writes as few pages as possible (TaskConfiguration), and a list that lost its index would only show at scale.
/// SQLite's plan for each list, as TaskQueries builds it, is read with EXPLAIN QUERY PLAN.
/// </summary>
public sealed class TaskListPlanTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"coban-plans-{Guid.NewGuid():N}.db");
    private SqliteCoBanDbContext _db = null!;

    public async Task InitializeAsync()
    {
        _db = new SqliteCoBanDbContext(new DbContextOptionsBuilder<SqliteCoBanDbContext>().UseCoBanSqlite($"Data Source={_file}").Options);
        await _db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Theory]
    [InlineData(true, "mine", "IX_WorkTask_AssigneeId_Status")]
    [InlineData(false, "mine", "IX_WorkTask_AssigneeId_Status")]
    [InlineData(true, "group", "IX_WorkTask_GroupQueue")]
    [InlineData(true, "bureau", "IX_WorkTask_BureauQueue")]
    public async Task A_task_list_searches_its_index(bool open, string filter, string index)
    {
        var plan = await PlanAsync(TaskQueries.Listing(_db.Set<WorkTask>().AsNoTracking(), open, filter, "user-1", 3, [3, 4]).Take(500));
        plan.ShouldContain(step => step.StartsWith("SEARCH") && step.Contains(index), $"plan: {string.Join(" | ", plan)}");
        plan.ShouldNotContain(step => step.StartsWith("SCAN"), $"plan: {string.Join(" | ", plan)}");
    }

    private async Task<List<string>> PlanAsync(IQueryable<WorkTask> query)
    {
        // ToQueryString declares each parameter as ".param set @name value": put the values in, then ask for the plan.
        var lines = query.ToQueryString().Split('\n');
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var parts in lines.Where(l => l.StartsWith(".param set", StringComparison.Ordinal)).Select(l => l.Split(' ', 4)))
            sql = sql.Replace(parts[2], parts[3].Trim(), StringComparison.Ordinal);
        var connection = _db.Database.GetDbConnection();
        await _db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return plan;
    }
}
