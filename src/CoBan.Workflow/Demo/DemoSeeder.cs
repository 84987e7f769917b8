using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Procedures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Demo;

/// <summary>
/// Seeds the demo city on an empty database when CoBan:Demo is on: bureaus, users of every role
/// (password <see cref="DemoData.Password"/>), and every procedure in workflows/ published as
/// version 1 for each bureau. Features add their demo data through <see cref="IDemoContributor"/>.
/// </summary>
public sealed class DemoSeeder(CoBanDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<CoBanOptions> options,
    IEnumerable<IDemoContributor> contributors, TimeProvider clock, ILogger<DemoSeeder> log)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        if (await db.Set<Bureau>().AnyAsync(ct)) return;

        log.LogWarning("Demo mode: seeding the demo city and its accounts (password {Password}). Turn CoBan:Demo off in production.", DemoData.Password);
        var ids = new Dictionary<string, long>();
        foreach (var b in DemoData.Bureaus)
        {
            var bureau = new Bureau { Code = b.Code, Name = b.Name, Level = b.Level, ParentId = b.Parent is null ? null : ids[b.Parent], Windows = b.Windows, Phone = b.Phone, SupervisionHotline = b.Hotline };
            db.Add(bureau);
            await db.SaveChangesAsync(ct);
            ids[b.Code] = bureau.Id;
        }
        foreach (var u in DemoData.Users)
        {
            var user = new AppUser { UserName = u.UserName, DisplayName = u.DisplayName, BureauId = ids[u.Bureau], Title = u.Title, Office = u.Office, OfficePhone = u.OfficePhone, PhoneNumber = u.Mobile, Email = $"{u.UserName}@coban.demo" };
            var created = await users.CreateAsync(user, DemoData.Password);
            if (!created.Succeeded) throw new InvalidOperationException("demo user: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRolesAsync(user, u.Roles);
        }
        await PublishWorkflowsAsync(ids.Values, ct);
        foreach (var contributor in contributors) await contributor.SeedAsync(db, ct);
    }

    private async Task PublishWorkflowsAsync(IEnumerable<long> bureaus, CancellationToken ct)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, options.Value.WorkflowsFolder);
        if (!Directory.Exists(folder)) folder = options.Value.WorkflowsFolder;
        if (!Directory.Exists(folder)) return;
        var now = clock.GetUtcNow();
        foreach (var file in Directory.GetFiles(folder, "*.bpmn").Order())
        {
            var xml = await File.ReadAllTextAsync(file, ct);
            var document = Engine.Parsing.BpmnReader.Parse(xml);
            var main = document.Executable.FirstOrDefault();
            if (main is null || document.HasErrors)
            {
                log.LogError("Shipped workflow {File} has errors and was not published: {Problems}", file, string.Join("; ", document.Problems));
                continue;
            }
            foreach (var bureau in bureaus)
            {
                var procedure = new Procedure { BureauId = bureau, Key = main.Id, Name = main.Name ?? main.Id, CreatedAt = now };
                db.Add(procedure);
                await db.SaveChangesAsync(ct);
                db.Add(new ProcedureVersion
                {
                    ProcedureId = procedure.Id, Number = 1, Status = VersionStatus.Published, Xml = xml, XmlHash = ProcedureService.Hash(xml),
                    Comment = "随系统发布的标准流程 / shipped with CoBan", CreatedAt = now, UpdatedAt = now, PublishedAt = now,
                });
            }
            await db.SaveChangesAsync(ct);
        }
    }
}

/// <summary>Adds a feature's demo data (matters, rosters, cases…) after bureaus, users and procedures exist.</summary>
public interface IDemoContributor
{
    Task SeedAsync(CoBanDbContext db, CancellationToken ct);
}
