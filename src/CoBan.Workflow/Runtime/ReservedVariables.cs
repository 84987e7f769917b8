namespace CoBan.Workflow.Runtime;

/// <summary>
/// Process variables the service itself sets when a case starts: who owns the case, which case and
/// bureau it is. Tasks are assigned and notices addressed by them, so changing one by hand would
/// hand a colleague's case to someone else; only the case actions (the duty leader's reassignment)
/// change them.
/// </summary>
public static class ReservedVariables
{
    /// <summary>The case's identity and owner: dropped from task forms, refused by the variables route.</summary>
    public static readonly string[] CaseIdentity = [Tasks.WorkTaskFactory.CaseOwnerVariable, "caseId", "caseNumber", "bureauCode"];

    /// <summary>Everything the case start sets (<c>Cases/CaseFactory</c>): the variables route refuses all of them.</summary>
    public static readonly string[] SetByCase = [.. CaseIdentity, "bureauName", "matterName", "applicantName", "serviceMode"];

    public static bool IsReserved(string name) => SetByCase.Contains(name, StringComparer.OrdinalIgnoreCase);
}
