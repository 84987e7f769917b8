namespace CoBan.Workflow.Kernel;

/// <summary>
/// The demo city publishes its passwords on the log-in page: it must never run in production by
/// accident (the shipped appsettings.json turns it on for a first run on a fresh machine).
/// </summary>
public static class DemoGuard
{
    public static void Check(IHostEnvironment environment, IConfiguration configuration)
    {
        var options = configuration.GetSection(CoBanOptions.Section).Get<CoBanOptions>() ?? new CoBanOptions();
        if (options.Demo && environment.IsProduction() && !options.DemoInProduction)
            throw new InvalidOperationException(
                "演示模式（CoBan:Demo，账号密码公开）不能在生产环境（Production）运行：请关闭 CoBan:Demo，或设置 CoBan:DemoInProduction=true 明确允许。 / " +
                "Demo mode (CoBan:Demo, with published passwords) refuses to run in the Production environment: turn CoBan:Demo off, " +
                "or set CoBan:DemoInProduction=true to force it (the log-in page then shows a warning).");
    }

    /// <summary>Demo mode forced on in Production: the log-in page says so.</summary>
    public static bool IsForced(IHostEnvironment environment, CoBanOptions options) =>
        options.Demo && environment.IsProduction() && options.DemoInProduction;
}
