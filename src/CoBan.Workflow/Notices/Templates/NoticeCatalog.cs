using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Notices;

/// <summary>One notice of templates/catalog.json: its title, who it is for, its channels and its SMS.</summary>
public sealed class NoticeDefinition
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("title")] public string Title { get; set; } = "";
    /// <summary>applicant or staff.</summary>
    [JsonPropertyName("audience")] public string Audience { get; set; } = "applicant";
    [JsonPropertyName("channels")] public string[] Channels { get; set; } = [];
    [JsonPropertyName("description")] public string? Description { get; set; }
    /// <summary>Where the rule comes from (seed files, law).</summary>
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("sms")] public SmsTemplate? Sms { get; set; }

    public IEnumerable<string> Parts => Channels.SelectMany(NoticeParts.Of);
}

/// <summary>
/// The shipped templates: templates/catalog.json and the files beside it, read once at start-up.
/// A shipped template that does not pass the validator stops the service from starting: it is a bug
/// in the release, not something to find out when a citizen's notice fails.
/// </summary>
public sealed class NoticeCatalog
{
    private sealed class CatalogFile
    {
        [JsonPropertyName("notices")] public List<NoticeDefinition> Notices { get; set; } = [];
    }

    private readonly Dictionary<string, NoticeDefinition> _notices;
    private readonly Dictionary<(string Name, string Part), string> _content = [];

    public NoticeCatalog(IOptions<CoBanOptions> options) : this(FindFolder(options.Value.TemplatesFolder)) { }

    public NoticeCatalog(string folder)
    {
        Folder = folder;
        var json = File.ReadAllText(Path.Combine(folder, "catalog.json"));
        var file = JsonSerializer.Deserialize<CatalogFile>(json) ?? new CatalogFile();
        _notices = file.Notices.ToDictionary(n => n.Name, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var notice in file.Notices)
        {
            foreach (var channel in notice.Channels.Where(c => !NoticeParts.Channels.Contains(c)))
                problems.Add($"{notice.Name}: unknown channel '{channel}'");
            foreach (var part in notice.Parts)
            {
                string content;
                if (part == NoticeParts.Sms)
                {
                    if (notice.Sms is null) { problems.Add($"{notice.Name}: channel sms without an \"sms\" entry"); continue; }
                    content = notice.Sms.ToJson();
                }
                else
                {
                    var path = Path.Combine(folder, notice.Name, NoticeParts.FileName(part));
                    if (!File.Exists(path)) { problems.Add($"{notice.Name}: missing {Path.GetRelativePath(folder, path)}"); continue; }
                    content = File.ReadAllText(path);
                }
                _content[(notice.Name, part)] = content;
                problems.AddRange(NoticeTemplates.Validate(part, content).Select(p => $"{notice.Name}/{p}"));
            }
        }
        var css = Path.Combine(folder, "print.css");
        PrintCss = File.Exists(css) ? File.ReadAllText(css) : "";
        if (problems.Count > 0)
            throw new InvalidOperationException("The shipped notice templates have errors:\n" + string.Join("\n", problems));
        Hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json + string.Concat(_content.OrderBy(c => c.Key.Name + c.Key.Part).Select(c => c.Value)))))[..12];
    }

    public string Folder { get; }

    /// <summary>Changes when any shipped file changes (part of the compiled-template cache key).</summary>
    public string Hash { get; }

    /// <summary>The A4 print style sheet shared by every print form (templates/print.css).</summary>
    public string PrintCss { get; }

    public IReadOnlyCollection<NoticeDefinition> Notices => _notices.Values;

    public NoticeDefinition? Find(string name) => _notices.GetValueOrDefault(name);

    public NoticeDefinition Get(string name) => Find(name)
        ?? throw CoBanException.NotFound($"通知模板“{name}”", $"notice template '{name}'");

    public string? Shipped(string name, string part) => _content.GetValueOrDefault((name, part));

    private static string FindFolder(string configured)
    {
        foreach (var candidate in new[] { Path.Combine(AppContext.BaseDirectory, configured), configured })
            if (File.Exists(Path.Combine(candidate, "catalog.json"))) return Path.GetFullPath(candidate);
        throw new InvalidOperationException($"templates/catalog.json not found (CoBan:TemplatesFolder = '{configured}', looked next to the binaries and in the working directory)");
    }
}
