namespace CoBan.Workflow.Demo;

/// <summary>The demo city: its seeder, its cases and their replayed history.</summary>
public static class DemoServices
{
    public static IServiceCollection AddCoBanDemo(this IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoCases>();
        services.AddScoped<DemoHistory>();
        services.AddScoped<IDemoContributor, CaseDemoContributor>();
        return services;
    }
}
