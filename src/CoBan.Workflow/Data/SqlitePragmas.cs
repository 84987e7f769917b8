using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoBan.Workflow.Data;

/// <summary>
/// SQLite durability and concurrency for a service: WAL (readers do not block the writer),
/// synchronous=NORMAL (a committed transaction survives a crash of the process; only a power loss
/// may lose the last ones), a busy timeout so concurrent writers wait instead of failing, and
/// foreign keys on.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
