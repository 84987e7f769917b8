using System.Xml.Linq;

namespace CoBan.Workflow.Engine.Parsing;

/// <summary>
/// Extension namespaces read as another's. Camunda 7 reads the legacy Activiti namespace
/// (<c>http://activiti.org/bpmn</c>) as its own, and half of its demo models bind the <c>camunda</c>
/// prefix to it; so does CoBan, by renaming those elements and attributes once after loading.
/// </summary>
internal static class VendorNamespaces
{
    internal const string ActivitiUri = "http://activiti.org/bpmn";
    internal const string ZeebeUri = "http://camunda.org/schema/zeebe/1.0";

    private static readonly XNamespace Activiti = ActivitiUri;

    internal static void AliasActiviti(XDocument doc)
    {
        foreach (var el in doc.Descendants())
        {
            if (el.Name.Namespace == Activiti) el.Name = BpmnCompiler.Camunda + el.Name.LocalName;
            if (!el.HasAttributes) continue;
            List<XAttribute>? renamed = null;
            foreach (var a in el.Attributes())
                if (a.Name.Namespace == Activiti) (renamed ??= []).Add(a);
            if (renamed is null) continue;
            foreach (var a in renamed)
            {
                a.Remove();
                el.SetAttributeValue(BpmnCompiler.Camunda + a.Name.LocalName, a.Value);
            }
        }
    }
}
