using CoBan.Workflow.Cases.Actions;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;

namespace CoBan.Workflow.Cases;

/// <summary>Registration of case handling: cases, their deadlines and their workflow actions. Each feature it uses registers itself (Hosting calls them all).</summary>
public static class CaseServices
{
    public static IServiceCollection AddCoBanCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddScoped<CaseDeadlineRecompute>();
        services.AddScoped<CaseExtensions>();
        services.AddScoped<Timers.ITaskDueFollower, CaseDeadlineFollower>();
        services.AddScoped<CaseLifecycle>();
        services.AddScoped<CaseAccess>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<CaseRegistration>();
        services.AddScoped<CaseCommands>();
        services.AddScoped<CaseEvaluations>();
        services.AddScoped<Notices.INoticeModelContributor, RatingNoticeModelContributor>();
        services.AddScoped<Procedures.IProcedureValidator, CaseActionValidator>();
        foreach (var action in typeof(CaseAction).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(CaseAction))))
            services.AddScoped(typeof(IServiceAction), action);
        return services;
    }
}
