using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace CoBan.Workflow.Tests.Support;

/// <summary>
/// Migrating and seeding the demo city is most of what starting a test host costs (seconds per test).
/// The first SQLite host of a kind keeps a copy of its database as it is right after start-up (migrated
/// and seeded, before any background service ran); later hosts of the same kind start from a copy of it,
/// so the service finds its migrations applied and its demo city present, exactly as on a restart.
/// "The same kind": the same clock start and the same settings, apart from those that only say where
/// to send notices (test servers on random ports). Hosts that replace services never share a copy.
/// Copies live for this test process only.
/// </summary>
internal static class SeededDatabases
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "coban-tests", $"seeded-{Environment.ProcessId}");

    static SeededDatabases() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    };

    /// <summary>Settings that cannot change what is seeded (addresses of the tests' SMS, SMTP and dispatcher set-up).</summary>
    private static readonly string[] Irrelevant = ["CoBan:Notices:Sms:", "CoBan:Notices:Email:", "CoBan:Notices:Dispatcher:"];

    public static string Key(DateTimeOffset now, IReadOnlyDictionary<string, string?> settings)
    {
        var text = new StringBuilder(now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (k, v) in settings.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (!Irrelevant.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                text.Append('\n').Append(k).Append('=').Append(v);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..24];
    }

    private static string PathFor(string key) => Path.Combine(Folder, key + ".db");

    /// <summary>Copies the seeded database of this kind to <paramref name="database"/>; false if there is none yet.</summary>
    public static bool TryCopy(string key, string database)
    {
        var template = PathFor(key);
        if (!File.Exists(template)) return false;
        File.Copy(template, database);
        return true;
    }

    /// <summary>
    /// A hosted service registered before all others: hosted services start in registration order, after
    /// Program has migrated and seeded, so this sees the database exactly as start-up left it.
    /// </summary>
    public sealed class Keeper(string key, string database) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var template = PathFor(key);
            if (File.Exists(template)) return Task.CompletedTask;
            Directory.CreateDirectory(Folder);
            var partial = Path.Combine(Folder, $"{key}.{Guid.NewGuid():N}.partial");
            using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                connection.Open();
                using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $path";
                vacuum.Parameters.AddWithValue("$path", partial);
                vacuum.ExecuteNonQuery();
            }
            // VACUUM INTO writes a rollback-journal file; the service opens databases already in WAL mode (it
            // checks existence on a read-only connection, which cannot switch the mode).
            using (var copy = new SqliteConnection($"Data Source={partial};Pooling=False"))
            {
                copy.Open();
                using var wal = copy.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode=WAL";
                wal.ExecuteNonQuery();
            }
            try
            {
                File.Move(partial, template, overwrite: false);
            }
            catch (IOException) when (File.Exists(template))
            {
                File.Delete(partial); // another test of the same kind kept one first
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
