using System.Text;
using System.Xml;
using System.Xml.Linq;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Parsing;

public sealed record ParseOptions
{
    /// <summary>Documents larger than this are refused before any parsing (bpmn-js files are rarely over 1 MB).</summary>
    public int MaxBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>How deep sub-processes may nest.</summary>
    public int MaxNesting { get; init; } = 32;

    /// <summary>
    /// How deep XML elements may nest. Real BPMN stays far below (32 sub-process levels plus a dozen for
    /// extensions); the limit exists because building an XDocument costs time in the square of the depth.
    /// </summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>
    /// How many flow nodes one process may have. Real procedures have a few hundred; some checks
    /// (inclusive-join reachability) cost time and memory in the square of the count.
    /// </summary>
    public int MaxElements { get; init; } = 5_000;

    public static ParseOptions Default { get; } = new();
}

/// <summary>
/// Entry point: BPMN XML in, a compiled <see cref="BpmnDocument"/> with every problem out.
/// Reads XML defensively: no DTD (so no billion laughs, no external entities), no resolver, a size
/// limit, and declared legacy encodings (ISO-8859-1, GB18030, windows-1252) decoded explicitly.
/// Never throws for bad input: every failure becomes a <see cref="BpmnProblem"/>.
/// </summary>
public static class BpmnReader
{
    public static BpmnDocument Parse(string xml, ParseOptions? options = null)
    {
        options ??= ParseOptions.Default;
        if (xml.Length > options.MaxBytes)
            return TooLarge(xml.Length, options);
        return Load(xml, options);
    }

    public static BpmnDocument Parse(byte[] bytes, ParseOptions? options = null)
    {
        options ??= ParseOptions.Default;
        if (bytes.Length > options.MaxBytes)
            return TooLarge(bytes.Length, options);
        var (text, problem) = Decode(bytes);
        return problem is not null ? Failed(problem) : Load(text!, options);
    }

    public static BpmnDocument Parse(Stream stream, ParseOptions? options = null)
    {
        options ??= ParseOptions.Default;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > options.MaxBytes)
                return TooLarge(buffer.Length + read, options);
            buffer.Write(chunk, 0, read);
        }
        return Parse(buffer.ToArray(), options);
    }

    private static BpmnDocument Load(string text, ParseOptions options)
    {
        // A byte-order mark that survived decoding (text pasted or read by a caller as a string) is not content.
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxBytes,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        XDocument doc;
        try
        {
            // A streaming pass first: XDocument.Load checks each new element against all its ancestors,
            // so 100,000 nested elements would take minutes before any limit could be applied.
            using (var scan = XmlReader.Create(new StringReader(text), settings))
                while (scan.Read())
                    if (scan.Depth > options.MaxDepth)
                        return TooDeep(options, ((IXmlLineInfo)scan).LineNumber);
            using var reader = XmlReader.Create(new StringReader(text), settings);
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return Failed(BpmnProblem.Error(null, null,
                "文档含有 DTD 声明，出于安全原因拒绝读取（可防止实体膨胀和外部实体攻击）",
                "the document declares a DTD, which is refused for safety (entity expansion and external entities)", LineOf(e)));
        }
        catch (XmlException e)
        {
            return Failed(BpmnProblem.Error(null, null, $"XML 格式错误：{e.Message}", $"malformed XML: {e.Message}", LineOf(e)));
        }
        if (text.Contains(VendorNamespaces.ActivitiUri, StringComparison.Ordinal)) VendorNamespaces.AliasActiviti(doc);
        return new BpmnCompiler(doc, options).Compile();
    }

    /// <summary>Decodes by BOM or by the encoding declared in the XML prolog.</summary>
    private static (string? Text, BpmnProblem? Problem) Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return (Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), null);
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            return (new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd(), null);

        var declared = DeclaredEncoding(bytes);
        if (declared is null || declared.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || declared.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            return StrictUtf8(bytes);
        var encoding = FindEncoding(declared);
        if (encoding is null)
            return (null, BpmnProblem.Error(null, null, $"不支持的字符编码 '{declared}'，请另存为 UTF-8",
                $"unsupported character encoding '{declared}'; save the file as UTF-8", 1));
        return (encoding.GetString(bytes), null);
    }

    private static (string?, BpmnProblem?) StrictUtf8(byte[] bytes)
    {
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, BpmnProblem.Error(null, null, "文档不是有效的 UTF-8 文本，请检查 XML 声明中的编码",
                "the document is not valid UTF-8; check the encoding in the XML declaration", 1));
        }
    }

    private static Encoding? FindEncoding(string name)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? DeclaredEncoding(byte[] bytes)
    {
        // The prolog is ASCII in every encoding we accept, so a byte scan of its first line is enough.
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 256));
        if (!head.StartsWith("<?xml", StringComparison.Ordinal)) return null;
        var end = head.IndexOf("?>", StringComparison.Ordinal);
        if (end < 0) return null;
        var prolog = head[..end];
        var at = prolog.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = prolog[(at + 8)..].TrimStart().TrimStart('=').TrimStart();
        if (rest.Length == 0 || (rest[0] != '"' && rest[0] != '\'')) return null;
        var close = rest.IndexOf(rest[0], 1);
        return close < 0 ? null : rest[1..close];
    }

    private static BpmnDocument TooLarge(long size, ParseOptions options) => Failed(BpmnProblem.Error(null, null,
        $"文档过大（{size / 1024} KB），上限为 {options.MaxBytes / 1024} KB",
        $"the document is too large ({size / 1024} KB); the limit is {options.MaxBytes / 1024} KB"));

    /// <summary>The exception's line; none rather than "line 0" when it has no position (the DTD refusal).</summary>
    private static int? LineOf(XmlException e) => e.LineNumber > 0 ? e.LineNumber : null;

    private static BpmnDocument TooDeep(ParseOptions options, int line) => Failed(BpmnProblem.Error(null, null,
        $"XML 元素嵌套过深（超过 {options.MaxDepth} 层），拒绝读取",
        $"XML elements nest too deep (more than {options.MaxDepth} levels); the document is refused", line));

    internal static BpmnDocument Failed(BpmnProblem problem) => new(null, [], [problem]);
}
