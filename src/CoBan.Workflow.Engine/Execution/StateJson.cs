using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CoBan.Workflow.Engine.Execution;

/// <summary>
/// Compact JSON for <see cref="InstanceState"/>: short keys, defaults omitted, so an instance
/// waiting at a user task stays a few hundred bytes (stored with every step, read with every step).
/// Values keep their kind: integers stay long, 1.0 stays double, dates are {"$d": "..."}, and a map
/// that would read as a date (its only key is "$d", or "$m") is wrapped as {"$m": {...}}.
/// </summary>
public static class StateJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The state is written after every step. A fresh MemoryStream and writer cost ~1 KB of buffers for a
    // state of ~100 bytes, so each thread keeps one buffer and one writer and resets them per state.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;
    private const int MaxKeptBuffer = 64 * 1024;

    public static string Serialize(InstanceState state) => Encoding.UTF8.GetString(Write(state));

    public static byte[] SerializeToUtf8(InstanceState state) => Write(state).ToArray();

    /// <summary>The JSON in this thread's buffer: valid until the next call on the same thread.</summary>
    private static ReadOnlySpan<byte> Write(InstanceState state)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var w = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        w.Reset(buffer); // also recovers a writer left half-way by an exception
        w.WriteStartObject();
        w.WriteNumber("v", state.Version);
        w.WriteString("p", state.ProcessId);
        if (state.Status != InstanceStatus.Running) w.WriteNumber("s", (int)state.Status);
        w.WriteNumber("n", state.NextId);
        if (state.Called) w.WriteBoolean("c", true);
        if (state.EndErrorCode is not null) w.WriteString("err", state.EndErrorCode);
        if (state.Variables.Count > 0)
        {
            w.WritePropertyName("vars");
            WriteMap(w, state.Variables);
        }
        if (state.Executions.Count > 0)
        {
            w.WriteStartArray("x");
            foreach (var e in state.Executions) WriteExecution(w, e);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.Flush();
        var written = buffer.WrittenSpan;
        if (buffer.Capacity > MaxKeptBuffer)
        {
            // One huge state must not pin a huge buffer to the thread for good.
            t_buffer = null;
            t_writer = null;
        }
        return written;
    }

    private static void WriteExecution(Utf8JsonWriter w, Execution e)
    {
        w.WriteStartObject();
        w.WriteNumber("i", e.Id);
        if (e.Parent != 0) w.WriteNumber("p", e.Parent);
        if (e.Thrower != 0) w.WriteNumber("t", e.Thrower);
        w.WriteString("e", e.ElementId);
        if (e.State != ExecutionState.Active) w.WriteNumber("s", (int)e.State);
        if (e.FlowId is not null) w.WriteString("f", e.FlowId);
        if (e.Incident is not null) w.WriteString("inc", e.Incident);
        if (e.Locals is { Count: > 0 })
        {
            w.WritePropertyName("l");
            WriteMap(w, e.Locals);
        }
        if (e.Waits is { Count: > 0 })
        {
            w.WriteStartArray("w");
            foreach (var wait in e.Waits)
            {
                w.WriteStartObject();
                w.WriteNumber("i", wait.Id);
                if (wait.Kind != WaitKind.Task) w.WriteNumber("k", (int)wait.Kind);
                if (wait.ElementId != e.ElementId) w.WriteString("e", wait.ElementId);
                if (wait.Name is not null) w.WriteString("n", wait.Name);
                if (wait.Key is not null) w.WriteString("key", wait.Key);
                if (wait.Due is { } due) w.WriteString("d", due.ToString("O", CultureInfo.InvariantCulture));
                if (wait.Fired != 0) w.WriteNumber("fi", wait.Fired);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    public static void WriteMap(Utf8JsonWriter w, IReadOnlyDictionary<string, object?> map)
    {
        w.WriteStartObject();
        foreach (var (k, v) in map)
        {
            w.WritePropertyName(k);
            WriteValue(w, v);
        }
        w.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case double d when double.IsFinite(d) && d == Math.Floor(d):
                // A whole double must not look like an integer, or it comes back as a long: 3 → "3.0", 1e15 → "1E+15".
                var whole = d.ToString("R", CultureInfo.InvariantCulture);
                w.WriteRawValue(whole.AsSpan().IndexOfAny('.', 'E', 'e') < 0 ? whole + ".0" : whole); break;
            case double d when double.IsFinite(d): w.WriteNumberValue(d); break;
            case double: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case DateTimeOffset date:
                w.WriteStartObject();
                w.WriteString("$d", date.ToString("O", CultureInfo.InvariantCulture));
                w.WriteEndObject();
                break;
            case IReadOnlyDictionary<string, object?> map when map.Count == 1 && (map.ContainsKey("$d") || map.ContainsKey("$m")):
                // A map that would read back as a date ({"$d": ...}) or as this wrapper is wrapped: {"$m": {...}}.
                w.WriteStartObject();
                w.WritePropertyName("$m");
                WriteMap(w, map);
                w.WriteEndObject();
                break;
            case IReadOnlyDictionary<string, object?> map: WriteMap(w, map); break;
            case IReadOnlyList<object?> list:
                w.WriteStartArray();
                foreach (var item in list) WriteValue(w, item);
                w.WriteEndArray();
                break;
            default: w.WriteStringValue(value.ToString()); break;
        }
    }

    public static InstanceState Deserialize(string json) => Deserialize(Encoding.UTF8.GetBytes(json));

    public static InstanceState Deserialize(ReadOnlySpan<byte> utf8)
    {
        using var doc = JsonDocument.Parse(utf8.ToArray());
        var root = doc.RootElement;
        var state = new InstanceState
        {
            Version = root.GetProperty("v").GetInt32(),
            ProcessId = root.GetProperty("p").GetString()!,
            Status = root.TryGetProperty("s", out var s) ? (InstanceStatus)s.GetInt32() : InstanceStatus.Running,
            NextId = root.GetProperty("n").GetInt32(),
            Called = root.TryGetProperty("c", out var c) && c.GetBoolean(),
            EndErrorCode = root.TryGetProperty("err", out var err) ? err.GetString() : null,
        };
        if (root.TryGetProperty("vars", out var vars)) state.Variables = ReadMap(vars);
        if (root.TryGetProperty("x", out var executions))
            foreach (var x in executions.EnumerateArray()) state.Executions.Add(ReadExecution(x));
        return state;
    }

    private static Execution ReadExecution(JsonElement x)
    {
        var e = new Execution
        {
            Id = x.GetProperty("i").GetInt32(),
            Parent = x.TryGetProperty("p", out var p) ? p.GetInt32() : 0,
            Thrower = x.TryGetProperty("t", out var t) ? t.GetInt32() : 0,
            ElementId = x.GetProperty("e").GetString()!,
            State = x.TryGetProperty("s", out var s) ? (ExecutionState)s.GetInt32() : ExecutionState.Active,
            FlowId = x.TryGetProperty("f", out var f) ? f.GetString() : null,
            Incident = x.TryGetProperty("inc", out var inc) ? inc.GetString() : null,
            Locals = x.TryGetProperty("l", out var l) ? ReadMap(l) : null,
        };
        if (x.TryGetProperty("w", out var waits))
        {
            e.Waits = [];
            foreach (var w in waits.EnumerateArray())
                e.Waits.Add(new Wait
                {
                    Id = w.GetProperty("i").GetInt32(),
                    Kind = w.TryGetProperty("k", out var k) ? (WaitKind)k.GetInt32() : WaitKind.Task,
                    ElementId = w.TryGetProperty("e", out var we) ? we.GetString()! : e.ElementId,
                    Name = w.TryGetProperty("n", out var n) ? n.GetString() : null,
                    Key = w.TryGetProperty("key", out var key) ? key.GetString() : null,
                    Due = w.TryGetProperty("d", out var d) ? DateTimeOffset.Parse(d.GetString()!, CultureInfo.InvariantCulture) : null,
                    Fired = w.TryGetProperty("fi", out var fi) ? fi.GetInt32() : 0,
                });
        }
        return e;
    }

    public static Dictionary<string, object?> ReadMap(JsonElement element)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject()) map[property.Name] = ReadValue(property.Value);
        return map;
    }

    public static object? ReadValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        // (object) matters: without it the conditional's type is double and every integer came back as a double.
        JsonValueKind.Number => IsInteger(element) && element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(ReadValue).ToList(),
        JsonValueKind.Object when element.TryGetProperty("$d", out var date) && element.EnumerateObject().Count() == 1
            => DateTimeOffset.Parse(date.GetString()!, CultureInfo.InvariantCulture),
        JsonValueKind.Object when element.TryGetProperty("$m", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object
                                  && element.EnumerateObject().Count() == 1
            => ReadMap(wrapped),
        JsonValueKind.Object => ReadMap(element),
        _ => null,
    };

    private static bool IsInteger(JsonElement number)
    {
        var raw = number.GetRawText();
        return raw.IndexOfAny(['.', 'e', 'E']) < 0;
    }
}
