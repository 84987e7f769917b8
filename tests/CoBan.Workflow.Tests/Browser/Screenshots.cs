using Microsoft.Playwright;

namespace CoBan.Workflow.Tests.Browser;

/// <summary>
/// Screenshots of the main screens go to TestResults/screenshots/ at the repository root (git-ignored).
/// With COBAN_DOC_SCREENSHOTS=1 the representative ones (<see cref="ForDocs"/>) are also copied into
/// docs/screenshots/, which README.md and docs/ui.md show.
/// </summary>
public static class Screenshots
{
    public static readonly HashSet<string> ForDocs =
    [
        "login", "desk", "task", "desk-en", "designer", "designer-validation", "designer-test-run", "designer-history",
        "designer-compare", "instance-incident", "instance-migration", "admin-users", "forbidden", "template-error", "notice-settings", "intake", "case", "receipt", "signature", "public-duty", "public-lookup", "calendar-warning", "reminder",
        "supervision-dashboard", "supervision-drill", "supervision-follow-ups", "supervision-reports",
    ];

    public static string Folder => Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    public static async Task<byte[]> SaveAsync(IPage page, string name, bool fullPage = false)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        if (Environment.GetEnvironmentVariable("COBAN_DOC_SCREENSHOTS") == "1" && ForDocs.Contains(name))
        {
            var docs = Path.Combine(RepositoryRoot(), "docs", "screenshots");
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, name + ".png"), overwrite: true);
        }
        return bytes;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CoBan.Workflow.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
