using CoBan.Workflow.Data;
using CoBan.Workflow.Health;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Runtime;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoBan.Workflow.Timers;

public static class TimerServices
{
    /// <summary>Deadlines, reminders, start events, the timer runner and (unless CoBan:Timers:Scheduler = Manual) Quartz with its persistent store in the service's database.</summary>
    public static IServiceCollection AddCoBanTimers(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TimerOptions.Section).Get<TimerOptions>() ?? new TimerOptions();
        services.AddSingleton(Options.Create(options));
        services.Configure<ReminderOptions>(configuration.GetSection(ReminderOptions.Section));

        services.AddScoped<DeadlineService>();
        services.AddSingleton<Calendar.BureauHours>();
        services.AddScoped<EngineTimerRecompute>();
        services.AddScoped<IReminderDefaults, ConfiguredReminderDefaults>();
        services.AddScoped<IDeadlineHolder, TaskDeadlineHolder>();
        services.AddScoped<IStepObserver, TaskDeadlineObserver>();
        services.AddScoped<ReminderActions>();
        services.AddScoped<TimerEffects>();
        services.AddScoped<TimerQueries>();
        services.AddScoped<DeadlineEndpointsContext>();
        services.AddSingleton<StartEventTimers>();
        services.AddSingleton<TimerRunner>();
        services.AddScoped<IProcedureVersionObserver, StartEventReconciler>();
        services.AddSingleton<IReadinessCheck, SchedulerReadiness>();

        if (!options.UsesQuartz)
        {
            services.AddSingleton<ManualTimerScheduler>();
            services.AddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<ManualTimerScheduler>());
            return services;
        }

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "coban";
                s.IdleWaitTime = options.IdleWait;
                if (!string.IsNullOrWhiteSpace(options.NodeId)) s.InstanceId = options.NodeId;
            });
            q.UseDefaultThreadPool(Math.Max(1, options.Threads));
            q.UsePersistentStore(store =>
            {
                if (database.IsPostgres)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.ClusterCheckinInterval;
                        c.CheckinMisfireThreshold = options.ClusterCheckinMisfireThreshold;
                    });
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                store.ConfigureStore(s => s.MisfireThreshold = options.MisfireThreshold);
            });
            q.AddJob<TimerJob>(j => j.WithIdentity(TimerJob.Key).StoreDurably().RequestRecovery());
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<QuartzTimerScheduler>();
        services.AddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<QuartzTimerScheduler>());
        services.AddSingleton<IAfterCommit>(sp => sp.GetRequiredService<QuartzTimerScheduler>());
        services.AddSingleton<TimerSync>();
        services.AddHostedService(sp => sp.GetRequiredService<TimerSync>());
        return services;
    }
}
