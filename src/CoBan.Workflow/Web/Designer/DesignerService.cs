using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using CoBan.Workflow.Procedures;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Web.Designer;

/// <summary>A model to start a procedure from: the blank model or one of the shipped procedures in workflows/.</summary>
public sealed record ProcedureTemplate(string Id, string Name, string? ProcessId, string? File);

/// <summary>What the designer pages need beyond <see cref="ProcedureService"/>: templates for a new procedure.</summary>
public sealed partial class DesignerService(ProcedureService procedures, IOptions<CoBanOptions> options)
{
    public const string BlankTemplate = "blank";
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    public List<ProcedureTemplate> Templates()
    {
        var list = new List<ProcedureTemplate> { new(BlankTemplate, "空白流程（开始 → 办理 → 办结）", null, null) };
        var folder = WorkflowsFolder();
        if (folder is null) return list;
        foreach (var file in Directory.GetFiles(folder, "*.bpmn").Order())
        {
            try
            {
                var process = ExecutableProcess(Load(File.ReadAllText(file)));
                list.Add(new(Path.GetFileNameWithoutExtension(file), (string?)process.Attribute("name") ?? Path.GetFileName(file), (string?)process.Attribute("id"), file));
            }
            catch (Exception e) when (e is XmlException or InvalidOperationException) { /* not a usable template */ }
        }
        return list;
    }

    /// <summary>Creates the procedure from a template (or an imported file), with the process id set to the chosen key.</summary>
    public async Task<Procedure> CreateAsync(string? bureauCode, string key, string name, string? templateId, string? importedXml, CancellationToken ct)
    {
        key = key.Trim();
        name = name.Trim();
        if (!ValidKey().IsMatch(key))
            throw CoBanException.Invalid("bad-key", "流程标识须以字母开头，只含字母、数字、- 和 _", "the key must start with a letter and hold only letters, digits, - and _",
                new Dictionary<string, string[]> { ["key"] = ["格式 / format"] });
        if (name.Length == 0)
            throw CoBanException.Invalid("name-required", "请填写流程名称", "the procedure needs a name", new Dictionary<string, string[]> { ["name"] = ["必填 / required"] });
        string xml;
        if (importedXml is not null) xml = importedXml;
        else if (templateId is null or BlankTemplate) xml = ProcedureService.NewModel(name);
        else
        {
            var template = Templates().FirstOrDefault(t => t.Id == templateId) ?? throw CoBanException.NotFound($"模板 {templateId}", $"template {templateId}");
            xml = await File.ReadAllTextAsync(template.File!, ct);
        }
        return await procedures.CreateAsync(new CreateProcedureRequest(bureauCode, name, Rekey(xml, key, name)), ct);
    }

    /// <summary>Sets the executable process's id (and every diagram or pool reference to it) and name.</summary>
    public static string Rekey(string xml, string key, string name)
    {
        XDocument document;
        try { document = Load(xml); }
        catch (XmlException e) { throw CoBanException.Invalid("unreadable-model", $"文件不是有效的 BPMN XML：{e.Message}", $"the file is not valid BPMN XML: {e.Message}"); }
        var process = ExecutableProcess(document);
        var old = (string?)process.Attribute("id");
        process.SetAttributeValue("id", key);
        process.SetAttributeValue("name", name);
        if (old is not null)
            foreach (var attribute in document.Descendants().Attributes().Where(a => a.Value == old && a.Name.LocalName is "bpmnElement" or "processRef").ToList())
                attribute.Value = key;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + document.Root!.ToString();
    }

    private string? WorkflowsFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, options.Value.WorkflowsFolder);
        if (Directory.Exists(folder)) return folder;
        return Directory.Exists(options.Value.WorkflowsFolder) ? options.Value.WorkflowsFolder : null;
    }

    private static XDocument Load(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        return XDocument.Load(reader);
    }

    private static XElement ExecutableProcess(XDocument document)
    {
        var processes = document.Root?.Elements(Bpmn + "process").ToList() ?? [];
        return processes.FirstOrDefault(p => (string?)p.Attribute("isExecutable") == "true") ?? processes.FirstOrDefault()
            ?? throw CoBanException.Invalid("no-process", "模型中没有流程", "the model has no process");
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_\-]{0,99}$")]
    private static partial Regex ValidKey();
}
