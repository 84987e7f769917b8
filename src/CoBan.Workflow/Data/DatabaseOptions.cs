namespace CoBan.Workflow.Data;

public sealed class DatabaseOptions
{
    public const string Section = "CoBan:Database";

    /// <summary>"Sqlite" (default) or "Postgres".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Default: an SQLite file under data/ in the working directory.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/coban.db";

    public bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);
}
