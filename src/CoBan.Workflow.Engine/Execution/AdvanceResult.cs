namespace CoBan.Workflow.Engine.Execution;

public enum TraceKind : byte { Entered, Left, Taken, Cancelled, Incident }

/// <summary>One step of the path: an element entered or left, a sequence flow taken, an element cancelled.</summary>
public readonly record struct TraceEntry(TraceKind Kind, string ElementId);

public enum AdvanceOutcome : byte
{
    /// <summary>The stimulus was applied; the state is new (version + 1).</summary>
    Applied,
    /// <summary>Nothing to do (a cancelled timer fired late, a signal nobody waits for): the state is unchanged.</summary>
    Ignored,
    /// <summary>The stimulus is wrong (no such task, invalid form values, no matching message): nothing changed.</summary>
    Rejected,
}

public sealed record AdvanceResult(
    AdvanceOutcome Outcome,
    InstanceState State,
    IReadOnlyList<Command> Commands,
    IReadOnlyList<TraceEntry> Trace,
    IReadOnlyList<Rejection> Rejections)
{
    public bool Applied => Outcome == AdvanceOutcome.Applied;
}

/// <summary>Why a stimulus was refused; <see cref="Field"/> names a form field when one is at fault.</summary>
public sealed record Rejection(string Code, string MessageZh, string MessageEn, string? Field = null)
{
    public override string ToString() => $"{MessageZh} / {MessageEn}";
}
