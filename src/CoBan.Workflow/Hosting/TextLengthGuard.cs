using System.Text.Json;

namespace CoBan.Workflow.Hosting;

/// <summary>
/// Refuses, before any binding or writing, a JSON or form body with a string longer than its field's
/// <see cref="TextLimits"/>: 422 "text-too-long" naming each field at fault by its path. Without it a 10 MB
/// description would be stored and then served to every list and to the anonymous progress lookup.
/// A body that is not valid JSON passes through untouched so the binder answers 400 as before.
/// </summary>
public static class TextLengthGuard
{
    public static IApplicationBuilder UseTextLengthGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsDelete(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            await next(http);
            return;
        }
        Dictionary<string, string[]>? errors = null;
        if (request.HasJsonContentType())
        {
            // Kestrel's body limit (12 MB) bounds this copy; reading past it throws the usual 413.
            var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, http.RequestAborted);
            buffer.Position = 0;
            request.Body = buffer;
            errors = CheckJson(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(http.RequestAborted);
            foreach (var (key, values) in form)
                foreach (var value in values)
                    if (value is not null && value.Length > TextLimits.For(key, value))
                        Add(ref errors, key, TextLimits.For(key, value));
        }
        if (errors is null)
        {
            await next(http);
            return;
        }
        throw CoBanException.Invalid("text-too-long", "输入内容过长：" + string.Join("、", errors.Keys), "text too long: " + string.Join(", ", errors.Keys), errors);
    });

    private static void Add(ref Dictionary<string, string[]>? errors, string path, int limit)
    {
        errors ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
        errors[path] = [$"不能超过 {limit} 字 / may not be longer than {limit} characters"];
    }

    /// <summary>Walks the body once, keeping the path of property names ("applicant.name"; array items keep their parent's name).</summary>
    internal static Dictionary<string, string[]>? CheckJson(ReadOnlySpan<byte> json)
    {
        Dictionary<string, string[]>? errors = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<string>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Add(property ?? (path.Count > 0 ? path[^1] : ""));
                        property = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        if (path.Count > 0) path.RemoveAt(path.Count - 1);
                        property = null;
                        break;
                    case JsonTokenType.String:
                        // UTF-8 bytes (escaped or not) are never fewer than the UTF-16 characters they decode to.
                        var name = Join(path, property);
                        property = null;
                        if (reader.ValueSpan.Length <= TextLimits.For(name, "")) break;
                        var value = reader.GetString() ?? "";
                        var limit = TextLimits.For(name, value);
                        if (value.Length > limit) Add(ref errors, name, limit);
                        break;
                    default:
                        property = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON is the binder's to refuse (400 bad-json), with its own message.
        }
        return errors;
    }

    private static string Join(List<string> path, string? property)
    {
        var parts = path.Where(p => p.Length > 0).ToList();
        if (property is not null) parts.Add(property);
        // Array items carry the array's name as the last segment; drop the repeat ("materialsReceived.materialsReceived").
        return string.Join('.', parts.Where((p, i) => i == 0 || p != parts[i - 1]));
    }
}
