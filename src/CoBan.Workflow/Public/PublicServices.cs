namespace CoBan.Workflow.Public;

/// <summary>The public side (progress look-up, evaluations, catalogue): registration with its rate limit.</summary>
public static class PublicServices
{
    public static IServiceCollection AddCoBanPublic(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ProgressLookup>();
        services.AddPublicRateLimit(configuration);
        return services;
    }
}
