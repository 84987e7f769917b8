namespace CoBan.Workflow.Hosting;

/// <summary>
/// The SQLite database holds personal data and the data-protection keys; the data folder holds logs
/// and mail. Both are made readable by the service's own account only (0700 folders, 0600 files) at
/// every start, so a default umask cannot leave them world-readable. No-op on Windows (ACLs apply).
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Restrict(string dataFolder, string? sqliteConnectionString)
    {
        if (OperatingSystem.IsWindows()) return;
        RestrictFolder(Path.GetFullPath(dataFolder));
        if (sqliteConnectionString is null) return;
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqliteConnectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:") return;
        var file = Path.GetFullPath(source);
        // Only the files: the folder holding the database may be shared (a test run once made /tmp
        // 0700 this way and locked every other account, PostgreSQL's included, out of it).
        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
            if (File.Exists(path)) File.SetUnixFileMode(path, FileMode);
    }

    private static void RestrictFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        Directory.CreateDirectory(folder, FolderMode);
        File.SetUnixFileMode(folder, FolderMode);
    }
}
