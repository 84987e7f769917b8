namespace CoBan.Workflow.Web;

public static class Url
{
    /// <summary>
    /// Only paths on this site ("/desk", not "//evil.example" or "https://…"): for return URLs after log-in.
    /// No control characters: browsers drop a tab or new line, so "/\t/evil.example" would become "//evil.example".
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);
}
