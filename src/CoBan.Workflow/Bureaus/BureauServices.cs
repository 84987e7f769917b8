namespace CoBan.Workflow.Bureaus;

/// <summary>Bureaus and their staff: registration and the API (bureaus, users, roles).</summary>
public static class BureauServices
{
    public static IServiceCollection AddCoBanBureaus(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        return services;
    }

    public static IEndpointRouteBuilder MapBureausApi(this IEndpointRouteBuilder app)
    {
        app.MapBureauApi();
        app.MapUserApi();
        return app;
    }
}
