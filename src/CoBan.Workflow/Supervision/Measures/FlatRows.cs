using CoBan.Workflow.Cases;

namespace CoBan.Workflow.Supervision;

// The rows each measure query projects to before it groups (see Grouping). Public setters: EF
// builds them in SQL projections, nothing else writes them.

public sealed class RegisteredRow : Flat
{
    public CaseCategory Category { get; set; }
    public CaseKind? Kind { get; set; }
    public bool Notice { get; set; }
    public DateTimeOffset At { get; set; }
    public int Bucket { get; set; }
}

public sealed class EndedRow : Flat
{
    public bool Done { get; set; }
    public bool OnTime { get; set; }
    public bool Late { get; set; }
    public int? Days { get; set; }
    public DateTimeOffset? At { get; set; }
    public int Bucket { get; set; }
}

public sealed class CaseRow : Flat;

public sealed class NoticeRow : Flat
{
    public bool Complete { get; set; }
    public bool Ended { get; set; }
    public int Visits { get; set; }
}

public sealed class TransferRow : Flat
{
    public TransferStatus Status { get; set; }
}

public sealed class ChainRow : Flat
{
    public long Chain { get; set; }
}

public sealed class ReplyRow : Flat
{
    public string Method { get; set; } = "";
}

public sealed class EvaluationRow : Flat
{
    public int Level { get; set; }
    public bool OnTime { get; set; }
    public bool Late { get; set; }
    public bool Open { get; set; }
    public bool OpenOverdue { get; set; }
    public DateTimeOffset At { get; set; }
    public int Bucket { get; set; }
}
