namespace CoBan.Workflow.Kernel;

/// <summary>Who causes a step: a signed-in user (with the IP they came from) or the system itself.</summary>
public sealed record Actor(string? UserId, string Name, string? Ip, long? BureauId = null)
{
    public static readonly Actor System = new(null, "系统", null);
    public bool IsSystem => UserId is null;
}
