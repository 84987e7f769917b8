using CoBan.Workflow.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CoBan.Workflow.Tests.Cases;

/// <summary>
/// The demo city as `dotnet run` makes it: a real process on the system clock, which replays six past weeks
/// through the shipped procedures before it serves, so the dashboard and the follow-up list are not empty.
/// </summary>
public sealed class DemoHistoryTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_fresh_demo_has_weeks_of_past_cases_made_by_the_procedures_with_late_and_overdue_ones_to_supervise()
    {
        await using var service = await ServiceProcess.StartAsync(new() { ["CoBan:DemoCases"] = "true", ["CoBan:DemoHistory"] = "true" }, "demo",
            timeout: TimeSpan.FromMinutes(3));
        var now = DateTimeOffset.UtcNow;

        var cases = new List<(DateTimeOffset Registered, DateTimeOffset? Completed, DateTimeOffset? Deadline, int Status)>();
        await using (var db = new SqliteConnection($"Data Source={service.SqlitePath};Mode=ReadOnly"))
        {
            await db.OpenAsync();
            var command = db.CreateCommand();
            command.CommandText = "SELECT RegisteredAt, CompletedAt, Deadline, Status FROM \"Case\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                cases.Add((At(reader.GetInt64(0)), reader.IsDBNull(1) ? null : At(reader.GetInt64(1)), reader.IsDBNull(2) ? null : At(reader.GetInt64(2)), reader.GetInt32(3)));
        }
        var today = now.ToOffset(China).Date;
        var pastDays = cases.Select(c => c.Registered.ToOffset(China).Date).Where(d => d < today).Distinct().Count();
        pastDays.ShouldBeGreaterThanOrEqualTo(25, "registrations on most of the 30 past working days");
        cases.ShouldAllBe(c => c.Registered <= now, "nothing is registered in the future");
        cases.ShouldAllBe(c => c.Completed == null || c.Completed >= c.Registered, "nothing ends before it began");
        cases.Count(c => c.Completed > c.Deadline).ShouldBeGreaterThan(0, "some were completed after their deadline");

        var supervisor = await service.LoginAsync("zhao.jian");
        var followUps = await supervisor.GetJsonAsync("/api/v1/supervision/follow-ups");
        ((int)followUps["overdueCases"]!).ShouldBeGreaterThan(0, "open cases past their deadline are listed for follow-up");
        var dashboard = await supervisor.GetJsonAsync("/api/v1/supervision/dashboard");
        ((int)dashboard["total"]!["satisfaction"]!["total"]!).ShouldBeGreaterThan(0, "applicants evaluated");
    }

    private static DateTimeOffset At(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
