namespace CoBan.Workflow.Notices;

/// <summary>
/// Where an applicant goes, said once: a bureau's address and its windows often repeat the building
/// ("…8 号政务服务中心" + "政务服务中心 8 号窗口"), which a plain join prints twice in an SMS.
/// </summary>
public static class Places
{
    public static string? Join(string? address, string? windows)
    {
        if (string.IsNullOrWhiteSpace(address)) return string.IsNullOrWhiteSpace(windows) ? null : windows.Trim();
        if (string.IsNullOrWhiteSpace(windows)) return address.Trim();
        var (a, w) = (address.Trim(), windows.Trim());
        if (a.Contains(w, StringComparison.Ordinal)) return a;
        if (w.Contains(a, StringComparison.Ordinal)) return w;
        // The longest end of the address that starts the windows (at least two characters: "中心", "大厅").
        for (var n = Math.Min(a.Length, w.Length); n >= 2; n--)
            if (a.EndsWith(w[..n], StringComparison.Ordinal))
                return a + w[n..];
        return a + " " + w;
    }
}
