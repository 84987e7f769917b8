using System.Security.Cryptography;
using System.Text;

namespace CoBan.Workflow.Notices;

/// <summary>
/// Alibaba Cloud's RPC request signature (SignatureMethod HMAC-SHA1, SignatureVersion 1.0), from the
/// provider's public documentation ("HTTP协议及签名", help.aliyun.com/document_detail/101343): sort
/// the parameters by name, percent-encode names and values (RFC 3986: space as %20, * as %2A, ~ kept),
/// join them as name=value with &amp;, string-to-sign = METHOD&amp;%2F&amp;percentEncode(that),
/// signature = Base64(HMAC-SHA1(AccessKeySecret + "&amp;", string-to-sign)).
/// </summary>
public static class AliyunSignature
{
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("&", parameters.Where(p => p.Key != "Signature").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => PercentEncode(p.Key) + "=" + PercentEncode(p.Value)));

    public static string StringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters) =>
        method + "&" + PercentEncode("/") + "&" + PercentEncode(CanonicalQuery(parameters));

    public static string Sign(string method, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(StringToSign(method, parameters))));

    /// <summary>The full query string to send: the canonical parameters and the signature.</summary>
    public static string SignedQuery(string method, IReadOnlyDictionary<string, string> parameters, string accessKeySecret) =>
        "Signature=" + PercentEncode(Sign(method, parameters, accessKeySecret)) + "&" + CanonicalQuery(parameters);

    /// <summary>UTF-8 percent-encoding leaving only A-Z a-z 0-9 - _ . ~ unencoded (the provider's "special URL encoding").</summary>
    public static string PercentEncode(string value)
    {
        var builder = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~') builder.Append(c);
            else builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
