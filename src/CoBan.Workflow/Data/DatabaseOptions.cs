namespace CoBan.Workflow.Data;

public sealed class DatabaseOptions
{
    public const string Section = "CoBan:Database";

    /// <summary>"Sqlite" (default) or "Postgres".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Default: an SQLite file under data/ in the working directory.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/coban.db";

    /// <summary>
    /// SQLite synchronous level in WAL mode. FULL (default): an acknowledged step survives a crash of
    /// the process and a power loss. NORMAL: faster; survives a process crash, a power loss may lose
    /// the last steps.
    /// </summary>
    public string SqliteSynchronous { get; set; } = SqlitePragmas.DefaultSynchronous;

    public bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);
}
