using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoBan.Workflow.Data;

/// <summary>
/// SQLite durability and concurrency for a service: WAL (readers do not block the writer), the
/// configured synchronous level (FULL by default: a committed step survives a process crash and a
/// power loss), a busy timeout so concurrent writers wait instead of failing, and foreign keys on.
/// Applied once per physical connection (pooled connections keep them), not on every open.
/// </summary>
public sealed class SqlitePragmas(string synchronous = SqlitePragmas.DefaultSynchronous) : DbConnectionInterceptor
{
    public const string DefaultSynchronous = "FULL";
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Configured = new();

    public string Statements => For(synchronous);

    public static string For(string synchronous) =>
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        // The native handle is the physical connection: the pool hands the same one out again.
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Configured.TryGetValue(handle, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Statements;
        command.ExecuteNonQuery();
        if (handle is not null) Configured.AddOrUpdate(handle, this);
    }
}
