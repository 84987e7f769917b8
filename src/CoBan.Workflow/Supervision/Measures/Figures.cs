namespace CoBan.Workflow.Supervision;

/// <summary>Who a row of figures is about: a bureau, a coordinator or a matter (docs/supervision.md).</summary>
public sealed record Subject(string Type, string Key, string? Code, string Name, string? BureauCode, string? BureauName, string? Level);

/// <summary>登记: cases registered in the period, by category and by how they were handled.</summary>
public sealed class Registered
{
    public int Total { get; set; }
    public int Own { get; set; }
    public int Joint { get; set; }
    public int Transfer { get; set; }
    /// <summary>提示件: the one-time notice of missing materials was given (whatever the case became after).</summary>
    public int Notice { get; set; }
    public int Immediate { get; set; }
    public int Commitment { get; set; }
    public int Returned { get; set; }
    /// <summary>No kind (yet): transfer cases, joint cases guided to the first link, cases not reviewed yet.</summary>
    public int Unclassified { get; set; }

    public void Add(Registered o)
    {
        Total += o.Total; Own += o.Own; Joint += o.Joint; Transfer += o.Transfer; Notice += o.Notice;
        Immediate += o.Immediate; Commitment += o.Commitment; Returned += o.Returned; Unclassified += o.Unclassified;
    }
}

/// <summary>办结用时: working days from registration to the end (<see cref="CaseDuration"/>), over completed cases.</summary>
public sealed class Duration
{
    public int Count { get; set; }
    public double? Average { get; set; }
    public int? P90 { get; set; }
    /// <summary>Completed cases whose calendar year is not loaded (not counted above).</summary>
    public int Unknown { get; set; }
}

/// <summary>一次性告知: notice cases whose notice was given in the period, and how they came back.</summary>
public sealed class OneTimeNotice
{
    public int Notices { get; set; }
    /// <summary>Materials complete on the first return (the second visit).</summary>
    public int SecondVisit { get; set; }
    /// <summary>Materials complete, but only after two or more returns.</summary>
    public int Later { get; set; }
    /// <summary>Still missing materials, case open.</summary>
    public int Waiting { get; set; }
    /// <summary>Still missing materials, case ended (withdrawn, closed).</summary>
    public int GaveUp { get; set; }
    /// <summary>SecondVisit / (SecondVisit + Later); null without completed notices.</summary>
    public double? Rate { get; set; }

    public void Add(OneTimeNotice o) { Notices += o.Notices; SecondVisit += o.SecondVisit; Later += o.Later; Waiting += o.Waiting; GaveUp += o.GaveUp; }
}

public sealed class Transfers
{
    /// <summary>移办/转办 sent by the bureau (the coordinator's cases) in the period.</summary>
    public int Sent { get; set; }
    /// <summary>Sent to the bureau in the period (for a coordinator: those they answered).</summary>
    public int Received { get; set; }
    public int Accepted { get; set; }
    public int Refused { get; set; }

    public void Add(Transfers o) { Sent += o.Sent; Received += o.Received; Accepted += o.Accepted; Refused += o.Refused; }
}

/// <summary>办结回复: coordination log entries with their reply time in the period, by method.</summary>
public sealed class Replies
{
    public int Total { get; set; }
    public int InPerson { get; set; }
    public int Phone { get; set; }
    public int Sms { get; set; }
    public int Email { get; set; }
    public int Letter { get; set; }
    public int Other { get; set; }

    public void Add(string method, int count)
    {
        Total += count;
        switch (method)
        {
            case "inPerson": InPerson += count; break;
            case "phone": Phone += count; break;
            case "sms": Sms += count; break;
            case "email": Email += count; break;
            case "letter": Letter += count; break;
            default: Other += count; break;
        }
    }

    public void Add(Replies o) { Total += o.Total; InPerson += o.InPerson; Phone += o.Phone; Sms += o.Sms; Email += o.Email; Letter += o.Letter; Other += o.Other; }
}

/// <summary>好差评 given in the period: the five levels, 好评 (3–5) and 差评 (1–2).</summary>
public sealed class Satisfaction
{
    public int Total { get; set; }
    /// <summary>Counts for 非常不满意, 不满意, 基本满意, 满意, 非常满意 (levels 1 to 5).</summary>
    public int[] Levels { get; set; } = new int[5];
    public int Good { get; set; }
    public int Bad { get; set; }
    /// <summary>Good / Total.</summary>
    public double? GoodRate { get; set; }
    public double? AverageLevel { get; set; }

    public void Add(Satisfaction o)
    {
        Total += o.Total; Good += o.Good; Bad += o.Bad;
        for (var i = 0; i < 5; i++) Levels[i] += o.Levels[i];
    }
}

/// <summary>差评整改: the bad reviews given in the period and whether they were rectified by their rectify-by time.</summary>
public sealed class BadReviews
{
    public int Total { get; set; }
    public int RectifiedOnTime { get; set; }
    public int RectifiedLate { get; set; }
    /// <summary>Not rectified, still within the period allowed.</summary>
    public int Open { get; set; }
    /// <summary>Not rectified and past the rectify-by time.</summary>
    public int OpenOverdue { get; set; }
    /// <summary>RectifiedOnTime / Total.</summary>
    public double? OnTimeRate { get; set; }

    public void Add(BadReviews o) { Total += o.Total; RectifiedOnTime += o.RectifiedOnTime; RectifiedLate += o.RectifiedLate; Open += o.Open; OpenOverdue += o.OpenOverdue; }
}

/// <summary>One row of figures (docs/supervision.md has the exact definitions).</summary>
public sealed class Figures
{
    public required Subject Subject { get; set; }
    public Registered Registered { get; set; } = new();
    /// <summary>办结: ended in the period by the bureau's own work (decided, handed over, transferred, answered with a refusal).</summary>
    public int Completed { get; set; }
    /// <summary>Ended in the period without being handled to the end: withdrawn (已撤件, 撤回) or revoked (撤销).</summary>
    public int Withdrawn { get; set; }
    public int OnTime { get; set; }
    public int OverdueAtCompletion { get; set; }
    /// <summary>Completed without a committed deadline (transfers, joint entries, refusals before acceptance).</summary>
    public int NoDeadline { get; set; }
    /// <summary>OnTime / (OnTime + OverdueAtCompletion).</summary>
    public double? OnTimeRate { get; set; }
    /// <summary>Open cases past their deadline at <c>asOf</c> (挂账), whatever the period.</summary>
    public int OverdueNow { get; set; }
    public Duration WorkingDays { get; set; } = new();
    public OneTimeNotice OneTimeNotice { get; set; } = new();
    public Transfers Transfers { get; set; } = new();
    public int JointChainsCompleted { get; set; }
    public Replies Replies { get; set; } = new();
    public Satisfaction Satisfaction { get; set; } = new();
    public BadReviews BadReviews { get; set; } = new();
    /// <summary>The ranking score (<see cref="Ranking"/>); null when none of its rates has data.</summary>
    public double? Score { get; set; }

    /// <summary>Working days histogram (days → cases), kept to merge rows into a total; not serialised.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public SortedDictionary<int, int> DaysHistogram { get; } = [];
}

/// <summary>The answer of GET /api/v1/supervision/measures.</summary>
public sealed record MeasureReport(string Dimension, string Period, string PeriodLabel, DateOnly From, DateOnly To, DateTimeOffset AsOf,
    IReadOnlyList<string> Bureaus, IReadOnlyList<Figures> Rows, Figures Total);
