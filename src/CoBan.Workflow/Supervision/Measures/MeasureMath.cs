namespace CoBan.Workflow.Supervision;

/// <summary>Rates, averages and percentiles from the counts the queries return.</summary>
public static class MeasureMath
{
    public static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The 90th percentile by the nearest-rank method: the smallest value v such that at least 90% of
    /// the values are ≤ v (the ⌈0.9·n⌉-th smallest). Null for no values.
    /// </summary>
    public static int? P90(IReadOnlyDictionary<int, int> histogram)
    {
        var n = histogram.Values.Sum();
        if (n == 0) return null;
        var rank = (int)Math.Ceiling(0.9 * n);
        var seen = 0;
        foreach (var (value, count) in histogram.OrderBy(h => h.Key))
        {
            seen += count;
            if (seen >= rank) return value;
        }
        return histogram.Keys.Max();
    }

    public static double? Average(IReadOnlyDictionary<int, int> histogram)
    {
        var n = histogram.Values.Sum();
        return n == 0 ? null : Math.Round(histogram.Sum(h => (double)h.Key * h.Value) / n, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Fills the derived numbers (rates, average, percentile, score) from the counts.</summary>
    public static void Finish(Figures f)
    {
        f.OnTimeRate = Rate(f.OnTime, f.OnTime + f.OverdueAtCompletion);
        f.WorkingDays.Count = f.DaysHistogram.Values.Sum();
        f.WorkingDays.Average = Average(f.DaysHistogram);
        f.WorkingDays.P90 = P90(f.DaysHistogram);
        var n = f.OneTimeNotice;
        n.Rate = Rate(n.SecondVisit, n.SecondVisit + n.Later);
        var s = f.Satisfaction;
        s.GoodRate = Rate(s.Good, s.Total);
        s.AverageLevel = s.Total == 0 ? null : Math.Round(Enumerable.Range(0, 5).Sum(i => (i + 1) * (double)s.Levels[i]) / s.Total, 2, MidpointRounding.AwayFromZero);
        f.BadReviews.OnTimeRate = Rate(f.BadReviews.RectifiedOnTime, f.BadReviews.Total);
        f.Score = Ranking.Score(f);
    }

    /// <summary>Adds one row's counts into a total (the rates are computed again by <see cref="Finish"/>).</summary>
    public static void Accumulate(Figures total, Figures row)
    {
        total.Registered.Add(row.Registered);
        total.Completed += row.Completed;
        total.Withdrawn += row.Withdrawn;
        total.OnTime += row.OnTime;
        total.OverdueAtCompletion += row.OverdueAtCompletion;
        total.NoDeadline += row.NoDeadline;
        total.OverdueNow += row.OverdueNow;
        total.WorkingDays.Unknown += row.WorkingDays.Unknown;
        foreach (var (days, count) in row.DaysHistogram) total.DaysHistogram[days] = total.DaysHistogram.GetValueOrDefault(days) + count;
        total.OneTimeNotice.Add(row.OneTimeNotice);
        total.Transfers.Add(row.Transfers);
        total.Replies.Add(row.Replies);
        total.Satisfaction.Add(row.Satisfaction);
        total.BadReviews.Add(row.BadReviews);
    }
}
