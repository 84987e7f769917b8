using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoBan.Workflow.Data;

/// <summary>
/// SaveChanges on SQLite for the rows of a workflow step: when every pending change is an insert or update of a
/// step-row type (<see cref="StepRows"/>), the rows are written with statements prepared once per connection, instead
/// of EF's batch, whose SQL is generated, prepared and parsed again on every save. That batch was more than a quarter of a
/// step's time. Anything else pending (another type, a delete) leaves the whole save to EF, so the two never share one.
/// The rows, the values (through the model's converters), the optimistic concurrency check and the exceptions are
/// EF's own: the tests of every feature run through this path on SQLite and through EF's on PostgreSQL.
/// </summary>
internal static class SqliteRowWriter
{
    private static readonly ConcurrentDictionary<IEntityType, RowTable?> Tables = new();
    private static readonly ConditionalWeakTable<object, Statements> ByHandle = new();

    /// <summary>
    /// Prepared statements belong to a native connection, and the pool hands a native connection to whichever
    /// SqliteConnection opens next: so they are kept per native handle, and taken over by the connection that holds it.
    /// </summary>
    private sealed class Statements
    {
        private SqliteConnection? _owner;
        private readonly Dictionary<(IEntityType, ulong), SqliteCommand> _commands = [];

        public static Dictionary<(IEntityType, ulong), SqliteCommand> For(SqliteConnection connection)
        {
            var statements = ByHandle.GetValue(connection.Handle ?? throw new InvalidOperationException("the connection is not open"), _ => new Statements());
            if (statements._owner != connection)
            {
                // Only the thread holding the native connection gets here, so re-pointing (and re-preparing) is safe.
                foreach (var command in statements._commands.Values) command.Connection = connection;
                statements._owner = connection;
            }
            return statements._commands;
        }
    }

    /// <summary>Writes the pending changes and returns the number of rows, or null when EF has to save them.</summary>
    public static int? TrySave(DbContext db)
    {
        var pending = Pending(db);
        if (pending is null) return null;
        if (pending.Count == 0) return 0;

        var database = db.Database;
        var ownTransaction = database.CurrentTransaction is null;
        var transaction = ownTransaction ? database.BeginTransaction() : database.CurrentTransaction!;
        try
        {
            var connection = (SqliteConnection)database.GetDbConnection();
            var sqliteTransaction = (SqliteTransaction)transaction.GetDbTransaction();
            var statements = Statements.For(connection);
            foreach (var (entry, table) in pending)
            {
                if (entry.State == EntityState.Added) table.Insert(entry, connection, sqliteTransaction, statements);
                else table.Update(entry, connection, sqliteTransaction, statements);
            }
            if (ownTransaction) transaction.Commit();
        }
        catch (SqliteException e)
        {
            throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", e,
                pending.Select(p => p.Entry).ToList());
        }
        finally
        {
            if (ownTransaction) transaction.Dispose();
        }
        db.ChangeTracker.AcceptAllChanges();
        return pending.Count;
    }

    /// <summary>The pending changes in write order, or null when one of them is not this writer's to make.</summary>
    private static List<(EntityEntry Entry, RowTable Table)>? Pending(DbContext db)
    {
        var tracker = db.ChangeTracker;
        if (tracker.AutoDetectChangesEnabled) tracker.DetectChanges();
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            List<(EntityEntry, RowTable)> pending = [];
            foreach (var entry in tracker.Entries())
            {
                if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
                if (entry.State is not (EntityState.Added or EntityState.Modified)) return null;
                if (Tables.GetOrAdd(entry.Metadata, RowTable.For) is not { } table) return null;
                pending.Add((entry, table));
            }
            // Rank first (an instance before its tasks), then the order the rows were created in (a parent instance before its child).
            pending.Sort((a, b) => a.Item2.Rank != b.Item2.Rank ? a.Item2.Rank.CompareTo(b.Item2.Rank) : a.Item2.Key(a.Item1).CompareTo(a.Item2.Key(b.Item1)));
            return pending;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>How one step-row type maps to its table; null for a type that is not a step row.</summary>
    private sealed class RowTable
    {
        private readonly IEntityType _type;
        private readonly string _table;
        private readonly IProperty _key;
        private readonly IProperty[] _columns;
        private readonly RelationalTypeMapping[] _mappings;
        private readonly int _keyColumn;
        private readonly int[] _tokenColumns;

        private RowTable(IEntityType type, int rank)
        {
            _type = type;
            Rank = rank;
            _table = type.GetTableName() ?? throw Unsupported(type, "has no table");
            if (type.BaseType is not null || type.GetDerivedTypes().Any() || type.IsOwned() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
                throw Unsupported(type, "is part of a hierarchy or owns other types");
            _key = type.FindPrimaryKey() is { Properties: [{ ClrType: var keyType } key] } && keyType == typeof(long)
                ? key : throw Unsupported(type, "needs a single long key");
            _columns = [.. type.GetProperties()];
            if (_columns.Length > 62) throw Unsupported(type, "has more than 62 columns");
            if (_columns.Any(p => p.IsShadowProperty() || (p != _key && p.ValueGenerated != ValueGenerated.Never)))
                throw Unsupported(type, "has shadow or store-generated columns");
            _mappings = [.. _columns.Select(p => p.GetRelationalTypeMapping())];
            // Values are bound as they come out of the converters: only types SQLite binds the way EF's mappings do.
            if (_mappings.Select(m => Nullable.GetUnderlyingType(m.Converter?.ProviderClrType ?? m.ClrType) ?? m.Converter?.ProviderClrType ?? m.ClrType)
                .FirstOrDefault(t => t != typeof(long) && t != typeof(int) && t != typeof(string) && t != typeof(bool)) is { } other)
                throw Unsupported(type, $"has a column of type {other.Name}");
            _keyColumn = Array.IndexOf(_columns, _key);
            _tokenColumns = [.. Enumerable.Range(0, _columns.Length).Where(i => _columns[i].IsConcurrencyToken)];
        }

        public int Rank { get; }

        /// <summary>The row's key; a key EF has not yet replaced by the database's (a temporary one) orders as created.</summary>
        public long Key(EntityEntry entry) => entry.CurrentValues[_key] is long key ? key : long.MaxValue;

        public static RowTable? For(IEntityType type) => StepRows.Rank(type) is { } rank ? new RowTable(type, rank) : null;

        private static InvalidOperationException Unsupported(IEntityType type, string why) =>
            new($"{type.DisplayName()} is marked as a step row but {why}; the SQLite row writer only writes plain tables");

        public void Insert(EntityEntry entry, SqliteConnection connection, SqliteTransaction transaction, Dictionary<(IEntityType, ulong), SqliteCommand> statements)
        {
            var keyProperty = entry.Property(_key);
            var withKey = !keyProperty.IsTemporary && entry.CurrentValues[_key] is long and not 0;
            // An update's statement is found by the bits of the columns it sets (62 at most); the inserts by masks with bits 62 and 63 set.
            var shape = withKey ? ulong.MaxValue : ulong.MaxValue - 1;
            if (!statements.TryGetValue((_type, shape), out var command))
            {
                var columns = _columns.Where(p => withKey || p != _key).ToList();
                command = Prepare(connection, $"INSERT INTO \"{_table}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""))}) " +
                    $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))}){(withKey ? "" : $" RETURNING \"{_key.GetColumnName()}\"")}", columns.Count);
                statements[(_type, shape)] = command;
            }
            command.Transaction = transaction;
            var values = entry.CurrentValues;
            var n = 0;
            for (var i = 0; i < _columns.Length; i++)
                if (withKey || _columns[i] != _key) command.Parameters[n++].Value = Provider(i, values[_columns[i]]);
            if (withKey)
            {
                command.ExecuteNonQuery();
                return;
            }
            keyProperty.CurrentValue = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public void Update(EntityEntry entry, SqliteConnection connection, SqliteTransaction transaction, Dictionary<(IEntityType, ulong), SqliteCommand> statements)
        {
            ulong modified = 0;
            for (var i = 0; i < _columns.Length; i++)
                if (entry.Property(_columns[i]).IsModified) modified |= 1UL << i;
            if (modified == 0) return;
            if (!statements.TryGetValue((_type, modified), out var command))
            {
                var set = Enumerable.Range(0, _columns.Length).Where(i => (modified & (1UL << i)) != 0).ToList();
                var sql = $"UPDATE \"{_table}\" SET {string.Join(", ", set.Select((c, n) => $"\"{_columns[c].GetColumnName()}\" = @p{n}"))} " +
                    $"WHERE \"{_key.GetColumnName()}\" = @p{set.Count}{string.Concat(_tokenColumns.Select((t, n) => $" AND \"{_columns[t].GetColumnName()}\" = @p{set.Count + 1 + n}"))}";
                command = Prepare(connection, sql, set.Count + 1 + _tokenColumns.Length);
                statements[(_type, modified)] = command;
            }
            command.Transaction = transaction;
            var current = entry.CurrentValues;
            var original = entry.OriginalValues;
            var p = 0;
            for (var i = 0; i < _columns.Length; i++)
                if ((modified & (1UL << i)) != 0) command.Parameters[p++].Value = Provider(i, current[_columns[i]]);
            command.Parameters[p++].Value = Provider(_keyColumn, original[_key]);
            foreach (var token in _tokenColumns) command.Parameters[p++].Value = Provider(token, original[_columns[token]]);
            if (command.ExecuteNonQuery() != 1)
                throw new DbUpdateConcurrencyException(
                    $"The {_type.DisplayName()} row was changed or deleted by someone else since it was read; its update affected no row.");
        }

        /// <summary>The value as the column stores it, through the model's converter (e.g. times as UTC ticks).</summary>
        private object Provider(int column, object? value)
        {
            var converter = _mappings[column].Converter;
            return (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
        }

        private static SqliteCommand Prepare(SqliteConnection connection, string sql, int parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameters; i++) command.Parameters.Add(new SqliteParameter("@p" + i, null));
            return command;
        }
    }
}
