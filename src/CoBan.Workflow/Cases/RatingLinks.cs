using QRCoder;

namespace CoBan.Workflow.Cases;

/// <summary>
/// The way from a receipt, a completion reply or an SMS to the applicant's 好差评 page of that case: a
/// short link (/r/{number}, short enough for one SMS) and a QR code of it drawn here, never by an
/// outside service. The page still asks for the phone, so the link alone reveals nothing of the case.
/// </summary>
public static class RatingLinks
{
    public const string Route = "/r/{number}";

    /// <summary>The absolute short link; null without a public base URL (a relative link is of no use on paper or in an SMS).</summary>
    public static string? Url(string? publicBaseUrl, string number) =>
        string.IsNullOrWhiteSpace(publicBaseUrl) ? null : $"{publicBaseUrl.Trim().TrimEnd('/')}/r/{Uri.EscapeDataString(number)}";

    /// <summary>Where the short link leads: the public lookup with the number filled in.</summary>
    public static string Target(string number) => $"/public/lookup?number={Uri.EscapeDataString(number)}";

    /// <summary>A PNG data URI (prints everywhere; mail clients show it inline).</summary>
    public static string QrPngDataUri(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(4));
    }
}
