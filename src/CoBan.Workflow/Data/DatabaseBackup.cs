using CoBan.Workflow.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Data;

/// <summary>What an online backup wrote.</summary>
public sealed record BackupInfo(string File, long Bytes, DateTimeOffset TakenAt);

/// <summary>
/// An online backup of the SQLite database while the service runs, through SQLite's backup API: the copy is the
/// database as of one moment (the backup reads inside one transaction; in WAL mode writers go on meanwhile), so every
/// step committed before the backup began is in it, whole, and nothing half-written is. Written to
/// {DataFolder}/backups/coban-{UTC time}.db and checked with PRAGMA integrity_check before it is reported.
/// PostgreSQL is backed up with pg_dump (docs/operations.md).
/// </summary>
public sealed class DatabaseBackup(IOptions<DatabaseOptions> database, IOptions<CoBanOptions> coban, ILogger<DatabaseBackup> log)
{
    public async Task<BackupInfo> BackupAsync(CancellationToken ct)
    {
        if (database.Value.IsPostgres)
            throw CoBanException.Conflict("use-pg-dump", "PostgreSQL 数据库请用 pg_dump 备份（见 docs/operations.md）",
                "back a PostgreSQL database up with pg_dump (docs/operations.md)");
        var folder = Path.GetFullPath(Path.Combine(coban.Value.DataFolder, "backups"));
        Directory.CreateDirectory(folder);
        var takenAt = DateTimeOffset.UtcNow;
        var file = Path.Combine(folder, $"coban-{takenAt:yyyyMMdd-HHmmss-fff}.db");
        var partial = file + ".partial";
        await Task.Run(() =>
        {
            using (var source = new SqliteConnection(database.Value.ConnectionString))
            using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                source.Open();
                target.Open();
                source.BackupDatabase(target);
                using var check = target.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                var result = check.ExecuteScalar() as string;
                if (result != "ok") throw new InvalidOperationException($"the backup failed its integrity check: {result}");
            }
            // Only a complete, checked copy gets the backup's name.
            File.Move(partial, file);
        }, ct);
        var info = new BackupInfo(file, new FileInfo(file).Length, takenAt);
        log.LogInformation("Online backup written to {File} ({Bytes} bytes)", info.File, info.Bytes);
        return info;
    }

    public static IEndpointRouteBuilder MapBackupApi(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/admin/backups", async (DatabaseBackup backup, BureauScope scope, CancellationToken ct) =>
        {
            scope.DemandRole(Roles.Administrator);
            return TypedResults.Ok(await backup.BackupAsync(ct));
        }).RequireAuthorization().WithTags("Operations");
        return app;
    }
}
