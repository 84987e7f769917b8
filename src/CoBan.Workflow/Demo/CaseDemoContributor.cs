using CoBan.Workflow.Data;

namespace CoBan.Workflow.Demo;

public sealed class CaseDemoContributor : IDemoContributor
{
    public Task SeedAsync(CoBanDbContext db, CancellationToken ct) => Task.CompletedTask;
}
