using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases.Actions;
using CoBan.Workflow.Demo;
using CoBan.Workflow.Matters;
using CoBan.Workflow.Public;
using CoBan.Workflow.Rosters;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoBan.Workflow.Cases;

/// <summary>Registration of case handling: reference data, rosters, cases and their workflow actions, the public API.</summary>
public static class CaseServices
{
    public static IServiceCollection AddCoBanCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddScoped<RoleDutyDirectory>();
        services.Replace(ServiceDescriptor.Scoped<IDutyDirectory, RosterDutyDirectory>());
        services.AddScoped<RosterService>();
        services.AddScoped<CaseDeadlineRecompute>();
        services.AddScoped<Timers.ITaskDueFollower, CaseDeadlineFollower>();
        services.AddScoped<CaseLifecycle>();
        services.AddScoped<CaseAccess>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<CaseRegistration>();
        services.AddScoped<CaseCommands>();
        services.AddScoped<CaseEvaluations>();
        services.AddScoped<ProgressLookup>();
        services.AddScoped<Matters.AgencyCatalogue>();
        services.AddScoped<Notices.INoticeModelContributor, RatingNoticeModelContributor>();
        services.AddScoped<Procedures.IProcedureValidator, CaseActionValidator>();
        services.AddPublicRateLimit(configuration);
        foreach (var action in typeof(CaseAction).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(CaseAction))))
            services.AddScoped(typeof(IServiceAction), action);
        services.AddScoped<DemoCases>();
        services.AddScoped<DemoHistory>();
        services.AddScoped<IDemoContributor, CaseDemoContributor>();
        return services;
    }

    public static IEndpointRouteBuilder MapCaseHandlingApi(this IEndpointRouteBuilder app)
    {
        app.MapBureauApi();
        app.MapUserApi();
        app.MapMatterApi();
        app.MapRosterApi();
        app.MapCaseApi();
        app.MapPublicApi();
        return app;
    }
}
