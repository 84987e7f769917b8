namespace CoBan.Workflow.Kernel;

public sealed class CoBanOptions
{
    public const string Section = "CoBan";

    /// <summary>Seeds the demo city and its accounts on an empty database. Never on in production.</summary>
    public bool Demo { get; set; }

    /// <summary>
    /// Lets the demo city (with its published passwords) run in the Production environment. Off by
    /// default: the service then refuses to start; when on, the log-in page shows a warning banner.
    /// </summary>
    public bool DemoInProduction { get; set; }

    /// <summary>Where the shipped procedures (BPMN) are read from for seeding.</summary>
    public string WorkflowsFolder { get; set; } = "workflows";

    /// <summary>Where notice templates are read from.</summary>
    public string TemplatesFolder { get; set; } = "templates";

    /// <summary>
    /// Run the background dispatchers (service jobs, notices, timers). Tests that drive them by hand
    /// turn this off so that no background loop races them.
    /// </summary>
    public bool BackgroundWorkers { get; set; } = true;

    /// <summary>Folder for logs, mail pickup and other files (relative to the working directory).</summary>
    public string DataFolder { get; set; } = "data";
}
