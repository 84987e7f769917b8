using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Data;

public static class DataServices
{
    /// <summary>
    /// Registers the provider's context (pooled: a step creates one per scope, and a pooled context is
    /// reset instead of rebuilt), and CoBanDbContext resolving to it, and CoBanDbContext resolving to it, so features ask only for CoBanDbContext.</summary>
    public static IServiceCollection AddCoBanData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<DatabaseBackup>();
        if (options.IsPostgres)
        {
            services.AddDbContextPool<PostgresCoBanDbContext>(o => o.UseNpgsql(options.ConnectionString));
            services.AddScoped<CoBanDbContext>(sp => sp.GetRequiredService<PostgresCoBanDbContext>());
        }
        else
        {
            EnsureFolder(options.ConnectionString);
            var synchronous = options.SqliteSynchronous.ToUpperInvariant() is "FULL" or "NORMAL" or "EXTRA" ? options.SqliteSynchronous.ToUpperInvariant()
                : throw new InvalidOperationException($"CoBan:Database:SqliteSynchronous must be FULL, NORMAL or EXTRA, not '{options.SqliteSynchronous}'");
            var pragmas = new SqlitePragmas(synchronous);
            services.AddDbContextPool<SqliteCoBanDbContext>(o => o.UseCoBanSqlite(options.ConnectionString).AddInterceptors(pragmas));
            services.AddScoped<CoBanDbContext>(sp => sp.GetRequiredService<SqliteCoBanDbContext>());
        }
        return services;
    }

    /// <summary>SQLite as every SQLite context of the service uses it (the service, the design-time tools, the tests): with <see cref="SqliteMigrations"/>.</summary>
    public static T UseCoBanSqlite<T>(this T options, string connectionString) where T : DbContextOptionsBuilder
    {
        options.UseSqlite(connectionString).ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsSqlGenerator, SqliteMigrations>();
        return options;
    }

    private static void EnsureFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
