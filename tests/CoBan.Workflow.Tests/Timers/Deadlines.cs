using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tests.Support;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Timers;

/// <summary>Calls the DeadlineService as the cases feature will: each call one unit of work.</summary>
public static class Deadlines
{
    public static Task<Deadline> OpenAsync(TestHost host, DeadlineSpec spec) => InUnitAsync(host, (s, unit) => s.OpenAsync(unit, spec, default));

    public static Task<Deadline> PauseAsync(TestHost host, string kind, long holder, string reason) => InUnitAsync(host, (s, unit) => s.PauseAsync(unit, kind, holder, reason, default));

    public static Task<Deadline> ResumeAsync(TestHost host, string kind, long holder, string reason) => InUnitAsync(host, (s, unit) => s.ResumeAsync(unit, kind, holder, reason, default));

    public static async Task<T> InUnitAsync<T>(TestHost host, Func<DeadlineService, UnitOfWork, Task<T>> work)
    {
        using var scope = host.Services.CreateScope();
        var runtime = scope.ServiceProvider.GetRequiredService<RuntimeService>();
        var service = scope.ServiceProvider.GetRequiredService<DeadlineService>();
        return await runtime.InUnitAsync(Actor.System, unit => work(service, unit), default);
    }

    public static async Task<T> WithServiceAsync<T>(TestHost host, Func<DeadlineService, CoBan.Workflow.Data.CoBanDbContext, Task<T>> work)
    {
        using var scope = host.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<DeadlineService>(), scope.ServiceProvider.GetRequiredService<CoBan.Workflow.Data.CoBanDbContext>());
    }

    public static Task<long> BureauAsync(TestHost host, string code) =>
        host.WithDbAsync(db => db.Set<Bureau>().Where(b => b.Code == code).Select(b => b.Id).FirstAsync());
}
