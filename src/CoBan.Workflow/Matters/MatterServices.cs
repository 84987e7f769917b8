namespace CoBan.Workflow.Matters;

/// <summary>Matters (the catalogue of what a bureau handles): registration.</summary>
public static class MatterServices
{
    public static IServiceCollection AddCoBanMatters(this IServiceCollection services)
    {
        services.AddScoped<AgencyCatalogue>();
        return services;
    }
}
