namespace CoBan.Workflow.Procedures;

/// <summary>Told after a version of a procedure was published or retired (and committed): the timers feature reschedules timer start events.</summary>
public interface IProcedureVersionObserver
{
    Task VersionsChangedAsync(long procedureId, CancellationToken ct);
}
