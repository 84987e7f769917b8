using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace CoBan.Workflow.Data;

/// <summary>
/// Statements prepared once and kept with the native SQLite connection they were prepared on. The pool hands a native
/// connection to whichever SqliteConnection opens next, so the statements are found by the native handle and taken over
/// by the connection that holds it now. Used for what a workflow step runs every time (its row reads and writes, the
/// next instance id), where preparing the SQL again would cost as much as running it.
/// </summary>
internal sealed class SqliteStatements
{
    private static readonly ConditionalWeakTable<object, SqliteStatements> ByHandle = new();
    private readonly Dictionary<object, SqliteCommand> _commands = [];
    private SqliteConnection? _owner;

    public static SqliteStatements For(SqliteConnection connection)
    {
        var statements = ByHandle.GetValue(connection.Handle ?? throw new InvalidOperationException("the connection is not open"), _ => new SqliteStatements());
        if (statements._owner != connection)
        {
            // Only the thread holding the native connection gets here, so re-pointing (and re-preparing) is safe.
            foreach (var command in statements._commands.Values) command.Connection = connection;
            statements._owner = connection;
        }
        return statements;
    }

    /// <summary>The statement kept under <paramref name="key"/>, created with <paramref name="sql"/> and <paramref name="parameters"/> (@p0, @p1, ...) the first time.</summary>
    public SqliteCommand Get<TKey>(TKey key, Func<TKey, (string Sql, int Parameters)> create) where TKey : notnull
    {
        if (_commands.TryGetValue(key, out var command)) return command;
        var (sql, parameters) = create(key);
        command = _owner!.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++) command.Parameters.Add(new SqliteParameter("@p" + i, null));
        _commands[key] = command;
        return command;
    }
}
