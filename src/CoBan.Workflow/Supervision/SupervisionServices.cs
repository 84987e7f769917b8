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
        return services;
    }

    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app) => app.MapSupervisionEndpoints();
}
