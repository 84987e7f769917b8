using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoBan.Workflow.Data;

/// <summary>
/// How one step-row type (<see cref="StepRows"/>) maps to its SQLite table, from EF's own model: its columns, their
/// converters and its concurrency tokens. Writes a row (<see cref="SqliteRowWriter"/>) and reads one by key
/// (<see cref="SqliteRowReader"/>) with statements prepared once per connection.
/// </summary>
internal sealed class SqliteRowTable
{
    private static readonly ConcurrentDictionary<IEntityType, SqliteRowTable?> Tables = new();

    // A statement is found by (table, shape): an update by the bits of the columns it sets (62 at most), the others
    // by masks with bits 62 and 63 set.
    private const ulong InsertWithKey = ulong.MaxValue, InsertReturningKey = ulong.MaxValue - 1, SelectByKey = ulong.MaxValue - 2;

    private readonly IEntityType _type;
    private readonly string _table;
    private readonly IProperty _key;
    private readonly IProperty[] _columns;
    private readonly RelationalTypeMapping[] _mappings;
    private readonly Type[] _providerTypes;
    private readonly Action<object, object?>[] _setters;
    private readonly int _keyColumn;
    private readonly int[] _tokenColumns;

    private SqliteRowTable(IEntityType type, int rank)
    {
        _type = type;
        Rank = rank;
        _table = type.GetTableName() ?? throw Unsupported(type, "has no table");
        if (type.BaseType is not null || type.GetDerivedTypes().Any() || type.IsOwned() || type.GetNavigations().Any() || type.GetSkipNavigations().Any())
            throw Unsupported(type, "is part of a hierarchy or has navigations");
        _key = type.FindPrimaryKey() is { Properties: [{ ClrType: var keyType } key] } && keyType == typeof(long)
            ? key : throw Unsupported(type, "needs a single long key");
        _columns = [.. type.GetProperties()];
        if (_columns.Length > 62) throw Unsupported(type, "has more than 62 columns");
        if (_columns.Any(p => p.IsShadowProperty() || (p != _key && p.ValueGenerated != ValueGenerated.Never)))
            throw Unsupported(type, "has shadow or store-generated columns");
        _mappings = [.. _columns.Select(p => p.GetRelationalTypeMapping())];
        // Values are bound and read as they come out of the converters: only types SQLite stores the way EF's mappings do.
        _providerTypes = [.. _mappings.Select(m => Nullable.GetUnderlyingType(m.Converter?.ProviderClrType ?? m.ClrType) ?? m.Converter?.ProviderClrType ?? m.ClrType)];
        if (_providerTypes.FirstOrDefault(t => t != typeof(long) && t != typeof(int) && t != typeof(string) && t != typeof(bool)) is { } other)
            throw Unsupported(type, $"has a column of type {other.Name}");
        _setters = [.. _columns.Select(Setter)];
        _keyColumn = Array.IndexOf(_columns, _key);
        _tokenColumns = [.. Enumerable.Range(0, _columns.Length).Where(i => _columns[i].IsConcurrencyToken)];
    }

    public int Rank { get; }

    /// <summary>The mapping of a step-row type; null for any other type.</summary>
    public static SqliteRowTable? For(IEntityType type) => Tables.GetOrAdd(type, static t => StepRows.Rank(t) is { } rank ? new SqliteRowTable(t, rank) : null);

    /// <summary>The row's key; a key EF has not yet replaced by the database's (a temporary one) orders as created.</summary>
    public long Key(EntityEntry entry) => entry.CurrentValues[_key] is long key ? key : long.MaxValue;

    private static InvalidOperationException Unsupported(IEntityType type, string why) =>
        new($"{type.DisplayName()} is marked as a step row but {why}; the SQLite row writer only writes plain tables");

    public void Insert(EntityEntry entry, SqliteStatements statements)
    {
        var keyProperty = entry.Property(_key);
        var withKey = !keyProperty.IsTemporary && entry.CurrentValues[_key] is long and not 0;
        var statement = statements.Get((this, withKey ? InsertWithKey : InsertReturningKey), static k => k.Item1.InsertSql(k.Item2 == InsertWithKey));
        try
        {
            var values = entry.CurrentValues;
            var position = 1;
            for (var i = 0; i < _columns.Length; i++)
                if (withKey || i != _keyColumn) statement.Bind(position++, Provider(i, values[_columns[i]]));
            if (statement.Step() && !withKey) keyProperty.CurrentValue = statement.Int64(0);
        }
        finally
        {
            statement.Reset();
        }
    }

    private string InsertSql(bool withKey)
    {
        var columns = _columns.Where(p => withKey || p != _key).ToList();
        return $"INSERT INTO \"{_table}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1)))}){(withKey ? "" : $" RETURNING \"{_key.GetColumnName()}\"")}";
    }

    public void Update(EntityEntry entry, SqliteStatements statements)
    {
        ulong modified = 0;
        for (var i = 0; i < _columns.Length; i++)
            if (entry.Property(_columns[i]).IsModified) modified |= 1UL << i;
        if (modified == 0) return;
        var statement = statements.Get((this, modified), static k => k.Item1.UpdateSql(k.Item2));
        int changed;
        try
        {
            var current = entry.CurrentValues;
            var original = entry.OriginalValues;
            var position = 1;
            for (var i = 0; i < _columns.Length; i++)
                if ((modified & (1UL << i)) != 0) statement.Bind(position++, Provider(i, current[_columns[i]]));
            statement.Bind(position++, Provider(_keyColumn, original[_key]));
            foreach (var token in _tokenColumns) statement.Bind(position++, Provider(token, original[_columns[token]]));
            statement.Step();
            changed = statement.Changes;
        }
        finally
        {
            statement.Reset();
        }
        if (changed != 1)
            throw new DbUpdateConcurrencyException(
                $"The {_type.DisplayName()} row was changed or deleted by someone else since it was read; its update affected no row.");
    }

    private string UpdateSql(ulong modified)
    {
        var set = Enumerable.Range(0, _columns.Length).Where(i => (modified & (1UL << i)) != 0).ToList();
        return $"UPDATE \"{_table}\" SET {string.Join(", ", set.Select((c, n) => $"\"{_columns[c].GetColumnName()}\" = ?{n + 1}"))} " +
            $"WHERE \"{_key.GetColumnName()}\" = ?{set.Count + 1}{string.Concat(_tokenColumns.Select((t, n) => $" AND \"{_columns[t].GetColumnName()}\" = ?{set.Count + 2 + n}"))}";
    }

    /// <summary>The row with <paramref name="key"/> as a new, untracked entity, or null when there is none.</summary>
    public object? Find(long key, SqliteStatements statements)
    {
        var statement = statements.Get((this, SelectByKey), static k => k.Item1.SelectSql());
        try
        {
            statement.Bind(1, key);
            if (!statement.Step()) return null;
            var entity = Activator.CreateInstance(_type.ClrType)!;
            for (var i = 0; i < _columns.Length; i++) _setters[i](entity, Model(i, statement));
            return entity;
        }
        finally
        {
            statement.Reset();
        }
    }

    private string SelectSql() =>
        $"SELECT {string.Join(", ", _columns.Select(c => $"\"{c.GetColumnName()}\""))} FROM \"{_table}\" WHERE \"{_key.GetColumnName()}\" = ?1";

    /// <summary>The value as the column stores it, through the model's converter (e.g. times as UTC ticks).</summary>
    private object Provider(int column, object? value)
    {
        var converter = _mappings[column].Converter;
        return (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
    }

    /// <summary>The stored value as the entity holds it: read as the converter's provider type, then converted back.</summary>
    private object? Model(int column, SqliteStatement row)
    {
        if (row.IsNull(column)) return null;
        var type = _providerTypes[column];
        object stored = type == typeof(long) ? row.Int64(column)
            : type == typeof(int) ? (int)row.Int64(column)
            : type == typeof(bool) ? row.Int64(column) != 0
            : row.Text(column);
        return _mappings[column].Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
    }

    private static Action<object, object?> Setter(IProperty property)
    {
        var member = (System.Reflection.MemberInfo?)property.PropertyInfo ?? property.FieldInfo
            ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} has no CLR member to set");
        var entity = Expression.Parameter(typeof(object));
        var value = Expression.Parameter(typeof(object));
        var target = Expression.MakeMemberAccess(Expression.Convert(entity, property.DeclaringType.ClrType), member);
        return Expression.Lambda<Action<object, object?>>(Expression.Assign(target, Expression.Convert(value, property.ClrType)), entity, value).Compile();
    }
}
