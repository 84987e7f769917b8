using CoBan.Workflow.Tasks;

namespace CoBan.Workflow.Rosters;

/// <summary>
/// Duty rosters: who is on duty at a window on a day. The roster is the service's duty directory
/// (Tasks' <see cref="IDutyDirectory"/>); without a roster for a day it falls back to the roles
/// (<see cref="RoleDutyDirectory"/>, which Tasks owns).
/// </summary>
public static class RosterServices
{
    public static IServiceCollection AddCoBanRosters(this IServiceCollection services)
    {
        services.AddScoped<RoleDutyDirectory>();
        services.AddScoped<IDutyDirectory, RosterDutyDirectory>();
        services.AddScoped<RosterService>();
        return services;
    }
}
