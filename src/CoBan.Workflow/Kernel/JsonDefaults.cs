using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoBan.Workflow.Kernel;

/// <summary>
/// The service's JSON set-ups, one each. Stored JSON (journal details, list columns, SMS parameters)
/// keeps Chinese readable (no \uXXXX escapes): it is read by people in the journal and by providers.
/// The HTTP API uses ASP.NET Core's web defaults (camelCase) and spells enums with <see cref="EnumCodes"/>.
/// </summary>
public static class JsonDefaults
{
    /// <summary>Stored JSON as written: Chinese unescaped, member names as declared.</summary>
    public static readonly JsonSerializerOptions Stored = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Stored JSON with camelCase member names (journal details written from records).</summary>
    public static readonly JsonSerializerOptions StoredCamel = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Stored JSON meant to be edited by hand (SMS template files): indented.</summary>
    public static readonly JsonSerializerOptions StoredIndented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>The web defaults with enums by name: for describing engine commands in the simulation's answer.</summary>
    public static readonly JsonSerializerOptions WebWithEnumNames = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A JSON list of strings from a text column (null or empty: no items).</summary>
    public static List<string> ReadList(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    /// <summary>A list of strings for a text column; null when empty.</summary>
    public static string? WriteList(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : JsonSerializer.Serialize(list, Stored);
    }

    /// <summary>A value as stored JSON.</summary>
    public static string Write(object? value) => JsonSerializer.Serialize(value, Stored);
}
