namespace CoBan.Workflow.Web;

public static class Url
{
    /// <summary>Only paths on this site ("/desk", not "//evil.example" or "https://…"): for return URLs after log-in.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
