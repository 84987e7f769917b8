using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Data;

public static class DataServices
{
    /// <summary>Registers the provider's context, and CoBanDbContext resolving to it, so features ask only for CoBanDbContext.</summary>
    public static IServiceCollection AddCoBanData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(Options.Create(options));
        if (options.IsPostgres)
        {
            services.AddDbContext<PostgresCoBanDbContext>(o => o.UseNpgsql(options.ConnectionString));
            services.AddScoped<CoBanDbContext>(sp => sp.GetRequiredService<PostgresCoBanDbContext>());
        }
        else
        {
            EnsureFolder(options.ConnectionString);
            services.AddDbContext<SqliteCoBanDbContext>(o => o.UseSqlite(options.ConnectionString).AddInterceptors(new SqlitePragmas()));
            services.AddScoped<CoBanDbContext>(sp => sp.GetRequiredService<SqliteCoBanDbContext>());
        }
        return services;
    }

    private static void EnsureFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
