using CoBan.Workflow.Tasks;

namespace CoBan.Workflow.Runtime;

/// <summary>The collaborators a unit of work needs, resolved once per scope.</summary>
public sealed record RuntimeDependencies(
    ProcedureCatalog Catalog,
    ICalendarSource Calendars,
    ServiceActionRegistry Actions,
    WorkTaskFactory Tasks,
    CallActivities Calls,
    MessageCorrelation Messages,
    INoticeOutbox Outbox,
    IEnumerable<IStepObserver> Observers,
    Microsoft.Extensions.Options.IOptions<CaseNumberingOptions> CaseNumbering);
