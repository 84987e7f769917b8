using System.Xml;
using System.Xml.Linq;

namespace CoBan.Workflow.Procedures;

/// <summary>
/// Compares two versions element by element (by id): added, removed, changed. Diagram layout
/// (BPMN DI) is ignored: moving a shape is not a change in the procedure.
/// </summary>
public static class VersionDiff
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    public static VersionComparison Compare(string fromLabel, string fromXml, string toLabel, string toXml)
    {
        var before = Elements(fromXml);
        var after = Elements(toXml);
        var added = after.Keys.Except(before.Keys).Select(id => Change(id, after[id])).ToList();
        var removed = before.Keys.Except(after.Keys).Select(id => Change(id, before[id])).ToList();
        var changed = before.Keys.Intersect(after.Keys)
            .Where(id => Canonical(before[id]) != Canonical(after[id]))
            .Select(id => Change(id, after[id])).ToList();
        return new VersionComparison(fromLabel, toLabel, added, removed, changed);
    }

    private static ElementChange Change(string id, XElement e) => new(id, e.Name.LocalName, (string?)e.Attribute("name"));

    private static Dictionary<string, XElement> Elements(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var doc = XDocument.Load(reader);
        var result = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var process in doc.Root?.Elements(Bpmn + "process") ?? [])
            foreach (var e in process.Descendants().Where(e => e.Name.Namespace == Bpmn && e.Attribute("id") is not null))
                result.TryAdd((string)e.Attribute("id")!, e);
        return result;
    }

    /// <summary>The element's own meaning: name, attributes and content, without nested elements that have ids of their own.</summary>
    private static string Canonical(XElement e)
    {
        var copy = new XElement(e.Name, e.Attributes().OrderBy(a => a.Name.ToString()));
        foreach (var child in e.Elements())
        {
            if (child.Attribute("id") is not null && child.Name.Namespace == Bpmn && !child.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)) continue;
            if (child.Name == Bpmn + "incoming" || child.Name == Bpmn + "outgoing") continue;
            copy.Add(Strip(child));
        }
        if (!e.HasElements) copy.Value = e.Value.Trim();
        return copy.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Strip(XElement e)
    {
        var copy = new XElement(e.Name, e.Attributes().Where(a => a.Name.LocalName != "id").OrderBy(a => a.Name.ToString()));
        foreach (var child in e.Elements()) copy.Add(Strip(child));
        if (!e.HasElements) copy.Value = e.Value.Trim();
        return copy;
    }
}
