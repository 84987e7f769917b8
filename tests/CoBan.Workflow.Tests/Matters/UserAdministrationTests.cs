using System.Net;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Matters;

/// <summary>Users are administered in one place (Bureaus/UserAdministration): the API's changes are journalled as the pages' are.</summary>
public class UserAdministrationTests
{
    [Fact]
    public async Task Creating_a_user_and_changing_roles_password_and_state_through_the_API_is_journalled()
    {
        await using var host = await StartAsync();
        var admin = await host.LoginAsync("admin");
        await admin.PostJsonAsync("/api/v1/users", new { userName = "lin.xia", displayName = "林霞", bureauCode = "BZ-SCJG", roles = new[] { "coordinator" }, password = "demo1234" });
        await admin.PutJsonAsync("/api/v1/users/lin.xia/roles", new { roles = new[] { "coordinator", "chiefCoordinator" } });
        (await admin.PostAsync("/api/v1/users/lin.xia/password", Http.Json(new { password = "demo5678x" }))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await admin.PutJsonAsync("/api/v1/users/lin.xia", new { active = false });

        var journal = await host.WithDbAsync(db => db.Set<JournalEntry>().AsNoTracking().Where(j => j.Action.StartsWith("user.")).OrderBy(j => j.Id).ToListAsync());
        journal.Select(j => j.Action).ShouldBe(["user.created", "user.roles", "user.password", "user.updated"]);
        journal.ShouldAllBe(j => j.UserName != null && j.Detail.Contains("林霞"));
        journal[1].Detail.ShouldContain("首席协办员");
        journal[3].Detail.ShouldContain("已停用");
    }

    [Fact]
    public async Task A_refused_change_writes_nothing_to_the_journal()
    {
        await using var host = await StartAsync();
        var admin = await host.LoginAsync("admin");
        await (await admin.PostAsync("/api/v1/users", Http.Json(new { userName = "x", displayName = "X", bureauCode = "BZ-SCJG", roles = new[] { "king" }, password = "demo1234" })))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await admin.PutAsync("/api/v1/users/admin", Http.Json(new { active = false }))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await host.WithDbAsync(db => db.Set<JournalEntry>().CountAsync(j => j.Action.StartsWith("user.")))).ShouldBe(0);
    }
}
