namespace CoBan.Workflow.Supervision;

/// <summary>Registration of supervision (issue 8): figures, the follow-up list, scheduled reports, the dashboard.</summary>
public static class SupervisionServices
{
    public static IServiceCollection AddCoBanSupervision(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SupervisionAccess>();
        services.AddScoped<CaseDurations>();
        services.AddScoped<SubjectLabels>();
        services.AddScoped<MeasureQueries>();
        services.AddScoped<TrendQueries>();
        services.AddScoped<CaseLists>();
        services.AddScoped<FollowUpQueries>();
        services.AddScoped<FollowUpCommands>();
        services.AddScoped<ReportBuilder>();
        services.AddSingleton<ReportRenderer>();
        services.AddScoped<ReportRecipients>();
        services.AddScoped<ReportService>();
        services.AddScoped<DashboardQueries>();
        services.Configure<ReportOptions>(configuration.GetSection(ReportOptions.Section));
        services.AddSingleton<ReportRunner>();
        services.AddTransient<ReportJob>();
        services.AddSingleton<ReportScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportScheduler>());
        services.AddSingleton<Health.IReadinessCheck>(sp => sp.GetRequiredService<ReportScheduler>());
        return services;
    }

    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app) => app.MapSupervisionEndpoints();
}
