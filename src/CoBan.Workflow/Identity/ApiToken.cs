namespace CoBan.Workflow.Identity;

/// <summary>
/// A bearer token for system-to-system calls. It acts as a user (whose bureau and roles apply).
/// Only a SHA-256 hash is stored; the token itself is shown once when created.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string UserId { get; set; }
    /// <summary>First characters of the token, to recognise it in lists.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
