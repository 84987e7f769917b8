namespace CoBan.Workflow.Supervision;

/// <summary>
/// The score that ranks bureaus and coordinators in the monthly evaluation (月考评) and the quarterly
/// ranking (季评比). Shown with the report, and in docs/supervision.md:
///
///   score = 100 × (40·按时办结率 + 30·好评率 + 15·一次性告知率 + 15·差评按期整改率) ÷ (the weights of the rates that have data)
///           − 2 × 当前超期未办结件数, never below 0, one decimal.
///
/// A rate without data (no completed case with a deadline, no evaluation, no notice case that came
/// back, no bad review) is left out and the others are re-weighted, so a bureau is neither rewarded
/// nor punished for what did not happen. Ties are broken by more completed cases, then by name.
/// </summary>
public static class Ranking
{
    public const double OnTimeWeight = 40, GoodWeight = 30, NoticeWeight = 15, RectifyWeight = 15, OverduePenalty = 2;

    public const string FormulaZh =
        "综合得分 = 100 × (40×按时办结率 + 30×好评率 + 15×一次性告知率 + 15×差评按期整改率) ÷ 有数据指标的权重之和 − 2 × 当前超期未办结件数（最低 0 分）。" +
        "某项指标本期没有数据（无带期限的办结件、无评价、无办结的提示件、无差评）时不计入，其余指标按权重折算；得分相同按办结件数多者在前。";

    public static double? Score(Figures f)
    {
        double weighted = 0, weights = 0;
        void Add(double? rate, double weight)
        {
            if (rate is not { } r) return;
            weighted += weight * r;
            weights += weight;
        }
        Add(f.OnTimeRate, OnTimeWeight);
        Add(f.Satisfaction.GoodRate, GoodWeight);
        Add(f.OneTimeNotice.Rate, NoticeWeight);
        Add(f.BadReviews.OnTimeRate, RectifyWeight);
        if (weights == 0) return null;
        return Math.Round(Math.Max(0, 100 * weighted / weights - OverduePenalty * f.OverdueNow), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Scored rows first (best first), then the rows without a score.</summary>
    public static List<Figures> Order(IEnumerable<Figures> rows) => rows
        .OrderBy(r => r.Score is null ? 1 : 0).ThenByDescending(r => r.Score ?? 0).ThenByDescending(r => r.Completed).ThenBy(r => r.Subject.Name, StringComparer.Ordinal)
        .ToList();
}
