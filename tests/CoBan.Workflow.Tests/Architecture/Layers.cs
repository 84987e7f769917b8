namespace CoBan.Workflow.Tests.Architecture;

/// <summary>
/// The host's layers, lowest first (docs/architecture.md draws them). A namespace may use its own
/// layer and those below; a reference upwards, or a cycle between namespaces, fails the tests here
/// unless it is one of the <see cref="Allowed"/> edges, each named with the reason it is still there.
/// </summary>
public static class Layers
{
    public static readonly (string Name, string[] Namespaces)[] Order =
    [
        ("Kernel", ["Kernel"]),
        ("Platform", ["Data", "Journal", "Identity", "Bureaus", "Metrics", "Health"]),
        ("Runtime", ["Runtime", "Procedures", "Tasks", "Timers", "Calendar"]),
        ("Features", ["Matters", "Rosters", "Cases", "Notices", "Public", "Supervision", "Opinions", "Simulation", "Demo"]),
        ("Api/Web", ["Api", "Web"]),
        ("Hosting", ["Hosting"]),
    ];

    public static int Rank(string ns)
    {
        for (var i = 0; i < Order.Length; i++)
            if (Order[i].Namespaces.Contains(ns)) return i;
        throw new InvalidOperationException($"namespace CoBan.Workflow.{ns} is in no layer: add it to Layers.Order and docs/architecture.md");
    }

    /// <summary>
    /// Edges that break the rule today, each a known debt (docs/architecture.md lists them). The list may
    /// only shrink: a new upward reference or a new cycle fails <see cref="ArchitectureTests"/>.
    /// </summary>
    public static readonly HashSet<(string From, string To)> Allowed =
    [
        // Platform: the one DbContext is an IdentityDbContext<AppUser>, and identity's tables are in it.
        ("Data", "Identity"),
        // Platform: a user belongs to a bureau (AppUser's foreign key; BureauScope walks the bureau tree).
        ("Identity", "Bureaus"),
        // Runtime: instances, tasks, timers and procedures still call each other both ways (one unit today).
        ("Runtime", "Tasks"), ("Runtime", "Timers"), ("Runtime", "Procedures"),
        ("Tasks", "Timers"), ("Timers", "Calendar"), ("Calendar", "Runtime"), ("Calendar", "Timers"),
        // Runtime → features: a step writes the case's status and the notice outbox in its one transaction.
        ("Runtime", "Cases"), ("Runtime", "Notices"),
        // Timers → Notices: a reminder is a notice, queued by the timer that fires it.
        ("Timers", "Notices"),
        // Calendar → Cases: a changed calendar recomputes the open cases' deadlines.
        ("Calendar", "Cases"),
        // Features: the notice model reads the case; case pages list the case's notices.
        ("Notices", "Cases"),
        // Features: the public catalogue shows matters; matters link to the public catalogue's DTOs.
        ("Matters", "Public"),
        // Bureaus → features: the user API checks e-mail addresses as notices do, and shows the duty-board photo.
        ("Bureaus", "Notices"), ("Bureaus", "Rosters"),
    ];
}
