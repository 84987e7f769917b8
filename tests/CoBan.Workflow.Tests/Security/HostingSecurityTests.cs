using System.Net;
using CoBan.Workflow.Data;
using CoBan.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoBan.Workflow.Tests.Security;

/// <summary>How the host starts: scope validation in Development, and never the demo city in Production by accident.</summary>
public class HostingSecurityTests
{
    [Fact]
    public async Task The_host_starts_in_Development_with_scope_and_build_validation_on()
    {
        // Before: "Cannot consume scoped service 'ICalendarSource' from singleton 'StartEventTimers'" at start-up.
        await using var host = await TestHost.StartAsync(settings: new() { ["environment"] = "Development" });
        host.Services.GetRequiredService<IHostEnvironment>().EnvironmentName.ShouldBe("Development");
        // ValidateScopes is on: a scoped service cannot be taken from the root provider.
        Should.Throw<InvalidOperationException>(() => host.Services.GetRequiredService<CoBanDbContext>());
        (await host.Anonymous().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Demo_mode_refuses_to_start_in_Production_unless_forced_and_then_the_login_page_warns()
    {
        var refused = await Should.ThrowAsync<Exception>(() => TestHost.StartAsync(settings: new() { ["environment"] = "Production" }));
        (refused.InnerException ?? refused).ToString().ShouldContain("CoBan:DemoInProduction");

        await using var forced = await TestHost.StartAsync(settings: new() { ["environment"] = "Production", ["CoBan:DemoInProduction"] = "true" });
        (await forced.Anonymous().GetStringAsync("/login")).ShouldContain("data-test=\"demo-in-production\"");
    }

    [Fact]
    public async Task Outside_Production_the_login_page_shows_no_warning()
    {
        await using var host = await TestHost.StartAsync();
        (await host.Anonymous().GetStringAsync("/login")).ShouldNotContain("demo-in-production");
    }
}

/// <summary>Files at rest: the database (personal data, data-protection keys) and the data folder are the service account's only.</summary>
public class FilesAtRestTests
{
    [Fact]
    public async Task The_sqlite_file_and_the_data_folder_are_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        await using var host = await TestHost.StartAsync();
        // Before: the file kept the umask's 0644, readable by every local account.
        File.GetUnixFileMode(host.DataFolder).ShouldBe(CoBan.Workflow.Hosting.OwnerOnlyFiles.FolderMode);
        File.GetUnixFileMode(Path.Combine(host.DataFolder, "coban.db")).ShouldBe(CoBan.Workflow.Hosting.OwnerOnlyFiles.FileMode);
    }

    [Fact]
    public void A_database_file_in_a_folder_the_service_does_not_own_leaves_that_folders_mode_alone()
    {
        if (OperatingSystem.IsWindows()) return;
        // Before: the SQLite file's parent folder was made 0700 as well, so a database kept in a shared
        // folder (/tmp, /var/lib) locked every other account out of that folder.
        var shared = Directory.CreateTempSubdirectory("coban-shared-").FullName;
        var data = Path.Combine(shared, "data");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(shared, mode);
        var file = Path.Combine(shared, "coban.db");
        File.WriteAllText(file, "");
        try
        {
            CoBan.Workflow.Hosting.OwnerOnlyFiles.Restrict(data, $"Data Source={file}");
            File.GetUnixFileMode(shared).ShouldBe(mode);
            File.GetUnixFileMode(file).ShouldBe(CoBan.Workflow.Hosting.OwnerOnlyFiles.FileMode);
            File.GetUnixFileMode(data).ShouldBe(CoBan.Workflow.Hosting.OwnerOnlyFiles.FolderMode);
        }
        finally { Directory.Delete(shared, recursive: true); }
    }

    [Fact]
    public async Task Two_publishes_of_one_draft_at_once_give_one_version()
    {
        await using var host = await TestHost.StartAsync();
        var owner = await host.LoginAsync("owner.scjg");
        var id = (long)(await owner.PostJsonAsync("/api/v1/procedures", new { xml = Models.Review("race-flow") }))["id"]!;
        var first = await host.LoginAsync("owner.scjg");
        var second = await host.LoginAsync("owner.scjg");
        var answers = await Task.WhenAll(
            first.PostAsync($"/api/v1/procedures/{id}/publish", Http.Json(new { comment = "a" })),
            second.PostAsync($"/api/v1/procedures/{id}/publish", Http.Json(new { comment = "b" })));
        answers.Select(a => a.StatusCode).OrderBy(s => s).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var versions = await host.WithDbAsync(db => Task.FromResult(db.Set<CoBan.Workflow.Procedures.ProcedureVersion>()
            .Where(v => v.ProcedureId == id && v.Number != null).Select(v => v.Number).ToList()));
        versions.ShouldBe([1]);
    }
}
