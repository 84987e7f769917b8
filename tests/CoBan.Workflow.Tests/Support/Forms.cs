using System.Text.RegularExpressions;

namespace CoBan.Workflow.Tests.Support;

/// <summary>Posts a server-rendered form as a browser would: its handler name, the page's antiforgery token, same origin.</summary>
public static partial class Forms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string page, string handler, Dictionary<string, string> fields)
    {
        var token = Token().Match(page).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty("the page has no antiforgery token");
        var form = new Dictionary<string, string>(fields) { ["_handler"] = handler, ["__RequestVerificationToken"] = token };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Origin", "http://localhost");
        return await client.SendAsync(request);
    }
}
