using System.Text;
using System.Text.RegularExpressions;

namespace CoBan.Workflow.Tests.Infrastructure;

/// <summary>
/// One message as received by <see cref="TestSmtpServer"/>, with just enough MIME decoding to assert
/// Chinese text: RFC 2047 encoded words in headers, multipart bodies, base64 / quoted-printable parts
/// in any charset .NET knows (code pages registered, so GB2312/GBK work too). The BCL has no MIME parser.
/// </summary>
public sealed class ReceivedMail
{
    static ReceivedMail() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private ReceivedMail(string raw, MimeEntity root)
    {
        Raw = raw;
        Root = root;
    }

    /// <summary>The stored message text (read as UTF-8; transfer-encoded parts stay encoded).</summary>
    public string Raw { get; }

    public MimeEntity Root { get; }

    public string? Subject => Header("Subject");
    public string? From => Header("From");
    public string? To => Header("To");

    /// <summary>The first header of that name, unfolded and RFC 2047-decoded.</summary>
    public string? Header(string name) => Root.Header(name);

    /// <summary>Every leaf part in document order (depth first).</summary>
    public IReadOnlyList<MimeEntity> Leaves => Root.Leaves().ToList();

    /// <summary>The decoded text of the first text/plain part.</summary>
    public string? PlainText => Leaves.FirstOrDefault(p => p.MediaType == "text/plain")?.DecodedText;

    /// <summary>The decoded text of the first text/html part.</summary>
    public string? Html => Leaves.FirstOrDefault(p => p.MediaType == "text/html")?.DecodedText;

    public static ReceivedMail Parse(byte[] bytes)
    {
        // Latin-1 keeps every byte as one char, so 8-bit parts can be turned back into bytes for their charset.
        var octets = Encoding.Latin1.GetString(bytes).Replace("\r\n", "\n");
        return new ReceivedMail(Encoding.UTF8.GetString(bytes), MimeEntity.Parse(octets));
    }

    public override string ToString() => Raw;

    internal static Encoding EncodingFor(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return Encoding.UTF8; // us-ascii is a subset
        var name = charset.Trim().Trim('"');
        var star = name.IndexOf('*'); // RFC 2231 language suffix: utf-8*zh-cn
        if (star >= 0) name = name[..star];
        try { return Encoding.GetEncoding(name); }
        catch (ArgumentException) { return Encoding.UTF8; }
    }
}

/// <summary>A MIME entity: headers, then either a leaf body or child parts (multipart).</summary>
public sealed class MimeEntity
{
    private static readonly Regex EncodedWord = new(@"=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=", RegexOptions.Compiled);
    private static readonly Regex Parameter = new(""";\s*([^=\s;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]+)""", RegexOptions.Compiled);

    private MimeEntity(IReadOnlyList<KeyValuePair<string, string>> headers, string body, IReadOnlyList<MimeEntity> children)
    {
        RawHeaders = headers;
        Body = body;
        Children = children;
        var contentType = RawHeader("Content-Type") ?? "text/plain; charset=us-ascii";
        var semicolon = contentType.IndexOf(';');
        MediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
        Parameters = ParseParameters(contentType);
        TransferEncoding = (RawHeader("Content-Transfer-Encoding") ?? "7bit").Trim().ToLowerInvariant();
    }

    /// <summary>Unfolded header lines, values not decoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RawHeaders { get; }

    /// <summary>The body as stored (still transfer-encoded), one char per byte.</summary>
    public string Body { get; }

    public IReadOnlyList<MimeEntity> Children { get; }

    /// <summary>Lower-case media type, e.g. <c>text/plain</c>, <c>multipart/alternative</c>.</summary>
    public string MediaType { get; }

    /// <summary>Content-Type parameters (keys lower-case, values unquoted).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public string TransferEncoding { get; }

    public string? Charset => Parameters.GetValueOrDefault("charset");

    /// <summary>The body bytes after base64 / quoted-printable decoding.</summary>
    public byte[] DecodedBytes => TransferEncoding switch
    {
        "base64" => Convert.FromBase64String(new string(Body.Where(c => !char.IsWhiteSpace(c)).ToArray())),
        "quoted-printable" => DecodeQuotedPrintable(Body, underscoreIsSpace: false),
        _ => Encoding.Latin1.GetBytes(Body),
    };

    /// <summary>The body as text in its charset, line ends normalised to <c>\n</c>.</summary>
    public string DecodedText => ReceivedMail.EncodingFor(Charset).GetString(DecodedBytes).Replace("\r\n", "\n");

    public string? RawHeader(string name) =>
        RawHeaders.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? Header(string name) => RawHeader(name) is { } value ? DecodeHeaderValue(value) : null;

    public IEnumerable<MimeEntity> Leaves()
    {
        if (Children.Count == 0)
        {
            yield return this;
            yield break;
        }

        foreach (var child in Children)
        foreach (var leaf in child.Leaves())
            yield return leaf;
    }

    /// <summary>Parses an entity from text with <c>\n</c> line ends and one char per byte.</summary>
    public static MimeEntity Parse(string octets)
    {
        var split = octets.IndexOf("\n\n", StringComparison.Ordinal);
        var headerText = split < 0 ? octets : octets[..split];
        var body = split < 0 ? "" : octets[(split + 2)..];

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in headerText.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + line); // unfold: drop the line break, keep the blank
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon > 0) headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        var entity = new MimeEntity(headers, body, []);
        if (!entity.MediaType.StartsWith("multipart/", StringComparison.Ordinal) ||
            !entity.Parameters.TryGetValue("boundary", out var boundary))
            return entity;

        return new MimeEntity(headers, body, SplitMultipart(body, boundary).Select(Parse).ToList());
    }

    /// <summary>Decodes RFC 2047 encoded words; adjacent words are joined (whitespace between them dropped) and decoded together.</summary>
    public static string DecodeHeaderValue(string value)
    {
        var result = new StringBuilder();
        var pending = new List<byte>();
        string? pendingCharset = null;
        var position = 0;

        void Flush()
        {
            if (pending.Count == 0) return;
            result.Append(ReceivedMail.EncodingFor(pendingCharset).GetString(pending.ToArray()));
            pending.Clear();
            pendingCharset = null;
        }

        foreach (Match word in EncodedWord.Matches(value))
        {
            var between = value[position..word.Index];
            if (between.Length > 0 && (pending.Count == 0 || !string.IsNullOrWhiteSpace(between)))
            {
                Flush();
                result.Append(between);
            }

            var charset = word.Groups[1].Value;
            if (pendingCharset is not null && !string.Equals(pendingCharset, charset, StringComparison.OrdinalIgnoreCase))
                Flush();
            pendingCharset = charset;
            var text = word.Groups[3].Value;
            pending.AddRange(word.Groups[2].Value is "B" or "b"
                ? Convert.FromBase64String(text)
                : DecodeQuotedPrintable(text, underscoreIsSpace: true));
            position = word.Index + word.Length;
        }

        Flush();
        result.Append(value[position..]);
        return result.ToString();
    }

    private static byte[] DecodeQuotedPrintable(string text, bool underscoreIsSpace)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '=')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') { i += 1; continue; } // soft line break
                if (i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
                {
                    bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                    i += 2;
                    continue;
                }
            }

            bytes.Add(underscoreIsSpace && c == '_' ? (byte)' ' : (byte)c);
        }

        return bytes.ToArray();
    }

    private static IEnumerable<string> SplitMultipart(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        StringBuilder? current = null;
        foreach (var line in body.Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed == delimiter || trimmed == delimiter + "--")
            {
                if (current is not null)
                {
                    // The line break before a delimiter belongs to the delimiter.
                    if (current.Length > 0 && current[^1] == '\n') current.Length--;
                    yield return current.ToString();
                }

                if (trimmed != delimiter) yield break; // the close delimiter "--boundary--"
                current = new StringBuilder();
                continue;
            }

            current?.Append(line).Append('\n');
        }

        if (current is not null) yield return current.ToString(); // unterminated multipart
    }

    private static Dictionary<string, string> ParseParameters(string contentType)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Parameter.Matches(contentType))
        {
            var v = m.Groups[2].Value;
            if (v.Length >= 2 && v[0] == '"' && v[^1] == '"') v = v[1..^1].Replace("\\\"", "\"").Replace("\\\\", "\\");
            result[m.Groups[1].Value.ToLowerInvariant()] = v;
        }

        return result;
    }
}
