using System.Collections.Concurrent;

namespace CoBan.Workflow.Identity;

/// <summary>
/// Slows password guessing without letting anyone lock an account. Failures are counted per address,
/// per account from one address, and per account from everywhere; past a few free failures each
/// further one doubles the wait before that key may try again. The per-account wait for all sources
/// is capped at <see cref="AccountCap"/>, so a stranger hammering "admin" slows guessing to a crawl
/// but the real administrator, from their own address, still logs in. Success clears the address's
/// counts for that account. Kept in memory per node (a restart forgets it; each node counts alone).
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int FreeFailuresPerAddress = 20;
    public const int FreeFailuresPerAccountAndAddress = 3;
    public const int FreeFailuresPerAccount = 10;
    public static readonly TimeSpan AddressCap = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan AccountCap = TimeSpan.FromSeconds(30);
    /// <summary>Counts older than this are forgotten.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private const int MaxEntries = 100_000;

    private sealed record Entry(int Failures, DateTimeOffset Last, DateTimeOffset NotBefore);

    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    private static string Address(string? ip) => "a:" + (ip ?? "?");
    private static string Pair(string account, string? ip) => $"p:{account}\n{ip ?? "?"}";
    private static string Account(string account) => "u:" + account;

    private static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    /// <summary>How long the caller must still wait before this attempt is even checked; zero when it may go ahead.</summary>
    public TimeSpan WaitFor(string userName, string? ip)
    {
        var account = Normalize(userName);
        var now = clock.GetUtcNow();
        var wait = TimeSpan.Zero;
        foreach (var key in new[] { Address(ip), Pair(account, ip), Account(account) })
            if (_entries.TryGetValue(key, out var e) && now - e.Last < Window && e.NotBefore - now > wait) wait = e.NotBefore - now;
        return wait;
    }

    public void Failed(string userName, string? ip)
    {
        var account = Normalize(userName);
        var now = clock.GetUtcNow();
        if (_entries.Count > MaxEntries) Prune(now);
        Count(Address(ip), FreeFailuresPerAddress, AddressCap, now);
        Count(Pair(account, ip), FreeFailuresPerAccountAndAddress, AddressCap, now);
        Count(Account(account), FreeFailuresPerAccount, AccountCap, now);
    }

    public void Succeeded(string userName, string? ip) => _entries.TryRemove(Pair(Normalize(userName), ip), out _);

    private void Count(string key, int free, TimeSpan cap, DateTimeOffset now) =>
        _entries.AddOrUpdate(key, _ => new Entry(1, now, now), (_, e) =>
        {
            var failures = now - e.Last < Window ? e.Failures + 1 : 1;
            var over = failures - free;
            var delay = over <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(cap.TotalSeconds, Math.Pow(2, Math.Min(over - 1, 20))));
            return new Entry(failures, now, now + delay);
        });

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, e) in _entries)
            if (now - e.Last >= Window) _entries.TryRemove(key, out _);
    }
}
