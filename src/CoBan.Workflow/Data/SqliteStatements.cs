using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CoBan.Workflow.Data;

/// <summary>
/// SQLite statements prepared once and kept with the native connection they were prepared on, for what a workflow
/// step runs every time (its row reads and writes, the next instance id). They are SQLite's own prepared statements,
/// not SqliteCommands: a SqliteCommand gives up its prepared statement whenever its connection closes, which EF does
/// after every unit of work, and binds each parameter by looking its name up again. The pool hands a native connection
/// to whichever SqliteConnection opens next, so the statements are found by the native handle; only the thread
/// holding that connection uses them. They run inside whatever transaction the connection has open.
/// </summary>
internal sealed class SqliteStatements
{
    private static readonly ConditionalWeakTable<sqlite3, SqliteStatements> ByHandle = new();
    private readonly Dictionary<object, SqliteStatement> _statements = [];
    private readonly sqlite3 _db;

    private SqliteStatements(sqlite3 db) => _db = db;

    public static SqliteStatements For(SqliteConnection connection) =>
        ByHandle.GetValue(connection.Handle ?? throw new InvalidOperationException("the connection is not open"), db => new SqliteStatements(db));

    /// <summary>The statement kept under <paramref name="key"/>, prepared from <paramref name="sql"/>'s text the first time.</summary>
    public SqliteStatement Get<TKey>(TKey key, Func<TKey, string> sql) where TKey : notnull
    {
        if (_statements.TryGetValue(key, out var statement)) return statement;
        var text = sql(key);
        var rc = raw.sqlite3_prepare_v2(_db, text, out var handle);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        statement = new SqliteStatement(_db, handle);
        _statements[key] = statement;
        return statement;
    }
}

/// <summary>One prepared statement: bind by position (1-based, as SQLite counts), step, read columns (0-based), reset.</summary>
internal sealed class SqliteStatement(sqlite3 db, sqlite3_stmt handle)
{
    /// <summary>Binds a value as SQLite stores it: null, an integer (long, int, bool) or text.</summary>
    public void Bind(int position, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(handle, position),
            long l => raw.sqlite3_bind_int64(handle, position, l),
            int i => raw.sqlite3_bind_int64(handle, position, i),
            bool b => raw.sqlite3_bind_int64(handle, position, b ? 1 : 0),
            string s => raw.sqlite3_bind_text(handle, position, s),
            _ => throw new ArgumentException($"cannot bind a {value.GetType().Name} to a prepared SQLite statement", nameof(value)),
        };
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
    }

    /// <summary>True when a row is ready to read; false when the statement is done.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(handle);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc == raw.SQLITE_DONE) return false;
        // Read the error before the reset clears it.
        try
        {
            SqliteException.ThrowExceptionForRC(rc, db);
            return false;
        }
        finally
        {
            raw.sqlite3_reset(handle);
        }
    }

    /// <summary>Ready for the next run, with every binding cleared; a read statement gives up its read transaction here.</summary>
    public void Reset()
    {
        raw.sqlite3_reset(handle);
        raw.sqlite3_clear_bindings(handle);
    }

    /// <summary>Rows changed by the last INSERT, UPDATE or DELETE on the connection.</summary>
    public int Changes => raw.sqlite3_changes(db);

    public bool IsNull(int column) => raw.sqlite3_column_type(handle, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(handle, column);

    public string Text(int column) => raw.sqlite3_column_text(handle, column).utf8_to_string();
}
