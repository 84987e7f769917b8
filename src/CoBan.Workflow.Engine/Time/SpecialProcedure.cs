namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// A period that does not count toward a case's time limit (特别程序: hearing, inspection, testing,
/// expert review; 行政许可法 Art. 45). <see cref="EndedAt"/> is null while it is still running.
/// </summary>
public sealed record SpecialProcedure(DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? Reason = null);
