using System.Text.Json;

namespace CoBan.Workflow.Calendar;

public static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/calendars").RequireAuthorization().WithTags("Calendars");
        api.MapGet("/", (CalendarAdmin s, CancellationToken ct) => s.OverviewAsync(ct));
        api.MapGet("/status", (CalendarAdmin s, CancellationToken ct) => s.StatusAsync(ct));
        api.MapGet("/years/{year:int}", async (int year, CalendarAdmin s, CancellationToken ct) => Results.Text(await s.YearAsync(year, ct), "application/json; charset=utf-8")).Produces(200, contentType: "application/json");
        api.MapPut("/years/{year:int}", (int year, JsonElement body, CalendarAdmin s, CancellationToken ct) => s.LoadYearAsync(year, body, ct));
        api.MapGet("/overrides", (string? bureau, bool? includeRevoked, CalendarAdmin s, CancellationToken ct) => s.OverridesAsync(bureau, includeRevoked ?? false, ct));
        api.MapPost("/overrides", (OverrideRequest body, CalendarAdmin s, CancellationToken ct) => s.AddOverrideAsync(body, ct));
        api.MapPost("/overrides/{id:long}/revoke", (long id, RevokeRequest body, CalendarAdmin s, CancellationToken ct) => s.RevokeOverrideAsync(id, body.Reason, ct));
        api.MapGet("/days", (string? bureau, DateOnly from, DateOnly to, CalendarAdmin s, CancellationToken ct) => s.DaysAsync(bureau, from, to, ct));
        api.MapPost("/deadline", (DeadlineComputeRequest body, CalendarAdmin s, CancellationToken ct) => s.DeadlineAsync(body, ct));
        return app;
    }

    public static IServiceCollection AddCoBanCalendar(this IServiceCollection services)
    {
        services.AddSingleton<CalendarCache>();
        // Stateless over the singleton cache (the caller passes its own DbContext): a singleton, so
        // singletons such as StartEventTimers may hold it without capturing a scope.
        services.AddSingleton<Runtime.ICalendarSource, DbCalendarSource>();
        services.AddScoped<CalendarAdmin>();
        services.AddHostedService<CalendarSeeder>();
        return services;
    }
}
