using System.Linq.Expressions;
using System.Reflection;

namespace CoBan.Workflow.Supervision;

/// <summary>What the figures are grouped by: the case's bureau, its coordinator (the owner, 直接责任人), or its matter.</summary>
public enum Dimension { Bureau, Coordinator, Matter }

public static class Dimensions
{
    public static Dimension Parse(string? by) => by?.Trim().ToLowerInvariant() switch
    {
        null or "" or "bureau" => Dimension.Bureau,
        "coordinator" => Dimension.Coordinator,
        "matter" => Dimension.Matter,
        _ => throw CoBanException.BadRequest("bad-dimension", "by 应为 bureau、coordinator 或 matter", "'by' must be bureau, coordinator or matter"),
    };

    public static string Code(this Dimension d) => d switch { Dimension.Bureau => "bureau", Dimension.Coordinator => "coordinator", _ => "matter" };

    public static string Zh(this Dimension d) => d switch { Dimension.Bureau => "单位", Dimension.Coordinator => "协办员", _ => "事项" };
}

/// <summary>
/// A flat row a measure query projects to before grouping: the three things a figure can be grouped
/// by, and the group key filled in by <see cref="Grouping.Keyed{T}"/> for the dimension asked for.
/// </summary>
public abstract class Flat
{
    public string Key { get; set; } = "";
    public long Bureau { get; set; }
    public string Owner { get; set; } = "";
    public long? Matter { get; set; }
}

/// <summary>
/// Builds the projections that put a group key (or a trend bucket) on flat rows, so one query shape
/// serves every dimension and the grouping happens in SQL on a single column.
/// </summary>
public static class Grouping
{
    private static readonly MethodInfo LongToString = typeof(long).GetMethod(nameof(ToString), Type.EmptyTypes)!;

    /// <summary><c>x => new T { Key = key(x), every other property = x.property }</c>.</summary>
    public static Expression<Func<T, T>> Keyed<T>(Dimension dimension) where T : Flat, new()
    {
        var x = Expression.Parameter(typeof(T), "x");
        Expression key = dimension switch
        {
            Dimension.Bureau => Expression.Call(Expression.Property(x, nameof(Flat.Bureau)), LongToString),
            Dimension.Coordinator => Expression.Property(x, nameof(Flat.Owner)),
            _ => Expression.Call(Expression.Coalesce(Expression.Property(x, nameof(Flat.Matter)), Expression.Constant(0L)), LongToString),
        };
        return Rebuild<T>(x, new Dictionary<string, Expression> { [nameof(Flat.Key)] = key });
    }

    /// <summary>
    /// <c>x => new T { bucket = index of the bucket x.at falls in (or -1), every other property copied }</c>:
    /// a CASE WHEN chain over the buckets' UTC bounds, the same SQL on both providers.
    /// </summary>
    public static Expression<Func<T, T>> Bucketed<T>(string at, string bucket, IReadOnlyList<Period> buckets) where T : new()
    {
        var x = Expression.Parameter(typeof(T), "x");
        var instant = Expression.Property(x, at);
        Expression index = Expression.Constant(-1);
        for (var i = buckets.Count - 1; i >= 0; i--)
            index = Expression.Condition(Expression.LessThan(instant, Expression.Constant(buckets[i].End, instant.Type)), Expression.Constant(i), index);
        index = Expression.Condition(Expression.LessThan(instant, Expression.Constant(buckets[0].Start, instant.Type)), Expression.Constant(-1), index);
        return Rebuild<T>(x, new Dictionary<string, Expression> { [bucket] = index });
    }

    private static Expression<Func<T, T>> Rebuild<T>(ParameterExpression x, Dictionary<string, Expression> overrides) where T : new()
    {
        var bindings = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
            .Select(p => Expression.Bind(p, overrides.TryGetValue(p.Name, out var e) ? e : Expression.Property(x, p)));
        return Expression.Lambda<Func<T, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), x);
    }
}
