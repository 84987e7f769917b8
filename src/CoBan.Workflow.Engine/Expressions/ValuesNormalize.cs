using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoBan.Workflow.Engine.Expressions;

public static partial class Values
{
    /// <summary>The zone local dates are read in when nothing says otherwise (Asia/Shanghai has no DST).</summary>
    public static readonly TimeSpan DefaultOffset = TimeSpan.FromHours(8);

    // Deep enough for any real form; shallow enough that a list containing itself fails fast.
    private const int MaxNormalizeDepth = 64;

    /// <summary>
    /// Converts a CLR value into the model (deeply: containers are rebuilt). Whole numbers become long,
    /// other numbers double, DateTime/DateOnly DateTimeOffset (unspecified kinds read as +08:00),
    /// enums and Guids their text, JSON trees and enumerables lists and maps.
    /// </summary>
    /// <exception cref="ArgumentException">The value (or something inside it) has no model equivalent.</exception>
    public static object? Normalize(object? value) =>
        TryNormalize(value, 0, out var result)
            ? result
            : throw new ArgumentException(
                $"无法转换为变量值：{Describe(value)} / cannot convert to a variable value: {DescribeEn(value)}", nameof(value));

    /// <summary>Like <see cref="Normalize"/> but reports failure instead of throwing.</summary>
    public static bool TryNormalize(object? value, out object? result) => TryNormalize(value, 0, out result);

    /// <summary>
    /// Shallow check used on every variable read: model values (containers included) pass untouched so
    /// the hot path allocates nothing; anything else is normalized deeply.
    /// </summary>
    internal static bool TryRead(object? value, out object? result)
    {
        if (value is null or bool or long or string or IReadOnlyList<object?> or IReadOnlyDictionary<string, object?>
            || value is double d && double.IsFinite(d) || value is DateTimeOffset)
        {
            result = value;
            return true;
        }
        return TryNormalize(value, 0, out result);
    }

    private static bool TryNormalize(object? value, int depth, out object? result)
    {
        result = null;
        if (depth > MaxNormalizeDepth)
            return false;
        switch (value)
        {
            case null: return true;
            case bool or long or string or DateTimeOffset: result = value; return true;
            case double d: result = d; return double.IsFinite(d);
            case int i: result = (long)i; return true;
            case short i: result = (long)i; return true;
            case sbyte i: result = (long)i; return true;
            case byte i: result = (long)i; return true;
            case ushort i: result = (long)i; return true;
            case uint i: result = (long)i; return true;
            case ulong i: result = i <= long.MaxValue ? (long)i : (double)i; return true;
            // Through the shortest text so 0.1f becomes 0.1, not 0.10000000149011612.
            case float f: result = double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture); return float.IsFinite(f);
            case decimal m: result = (double)m; return true;
            case char c: result = c.ToString(); return true;
            case DateTime dt: result = dt.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(dt, DefaultOffset) : new DateTimeOffset(dt); return true;
            case DateOnly date: result = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), DefaultOffset); return true;
            case Enum e: result = e.ToString(); return true;
            case Guid g: result = g.ToString(); return true;
            case JsonElement json: return TryFromJson(json, depth, out result);
            case JsonNode node: return TryFromJsonNode(node, depth, out result);
            case IDictionary map: return TryFromDictionary(map, depth, out result);
            case IEnumerable<KeyValuePair<string, object?>> pairs: return TryFromPairs(pairs, depth, out result);
            case IEnumerable items: return TryFromEnumerable(items, depth, out result);
            default: return false;
        }
    }

    private static bool TryFromJson(JsonElement json, int depth, out object? result)
    {
        result = null;
        if (depth > MaxNormalizeDepth)
            return false;
        switch (json.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined: return true;
            case JsonValueKind.True: result = true; return true;
            case JsonValueKind.False: result = false; return true;
            case JsonValueKind.String: result = json.GetString(); return true;
            case JsonValueKind.Number:
                result = json.TryGetInt64(out var l) ? (object)l : json.GetDouble(); // (object): a bare ternary would widen the long to double
                return result is long || double.IsFinite((double)result);
            case JsonValueKind.Array:
                var list = new List<object?>(json.GetArrayLength());
                foreach (var item in json.EnumerateArray())
                {
                    if (!TryFromJson(item, depth + 1, out var v))
                        return false;
                    list.Add(v);
                }
                result = list;
                return true;
            default:
                var map = new Dictionary<string, object?>();
                foreach (var property in json.EnumerateObject())
                {
                    if (!TryFromJson(property.Value, depth + 1, out var v))
                        return false;
                    map[property.Name] = v;
                }
                result = map;
                return true;
        }
    }

    private static bool TryFromJsonNode(JsonNode node, int depth, out object? result)
    {
        result = null;
        switch (node)
        {
            case JsonObject obj:
                var map = new Dictionary<string, object?>(obj.Count);
                foreach (var (key, child) in obj)
                {
                    if (!TryNormalize(child, depth + 1, out var v))
                        return false;
                    map[key] = v;
                }
                result = map;
                return true;
            case JsonArray array:
                var list = new List<object?>(array.Count);
                foreach (var child in array)
                {
                    if (!TryNormalize(child, depth + 1, out var v))
                        return false;
                    list.Add(v);
                }
                result = list;
                return true;
            default:
                var value = node.AsValue();
                return value.TryGetValue<JsonElement>(out var element)
                    ? TryFromJson(element, depth, out result)
                    : TryNormalize(value.GetValue<object>(), depth + 1, out result);
        }
    }

    private static bool TryFromDictionary(IDictionary source, int depth, out object? result)
    {
        result = null;
        var map = new Dictionary<string, object?>(source.Count);
        foreach (DictionaryEntry entry in source)
        {
            if (!TryNormalize(entry.Value, depth + 1, out var v))
                return false;
            map[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = v;
        }
        result = map;
        return true;
    }

    private static bool TryFromPairs(IEnumerable<KeyValuePair<string, object?>> source, int depth, out object? result)
    {
        result = null;
        var map = new Dictionary<string, object?>();
        foreach (var (key, value) in source)
        {
            if (!TryNormalize(value, depth + 1, out var v))
                return false;
            map[key] = v;
        }
        result = map;
        return true;
    }

    private static bool TryFromEnumerable(IEnumerable source, int depth, out object? result)
    {
        result = null;
        var list = new List<object?>();
        foreach (var item in source)
        {
            if (!TryNormalize(item, depth + 1, out var v))
                return false;
            list.Add(v);
        }
        result = list;
        return true;
    }
}
