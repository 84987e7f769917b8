using Microsoft.AspNetCore.Identity;

namespace CoBan.Workflow.Identity;

/// <summary>A member of staff. Every user belongs to one bureau; their roles say what they may do there.</summary>
public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public long BureauId { get; set; }
    /// <summary>职务, shown on the duty board and the quarterly schedule.</summary>
    public string? Title { get; set; }
    /// <summary>办公地点 (room).</summary>
    public string? Office { get; set; }
    /// <summary>办公电话 (the mobile is IdentityUser.PhoneNumber).</summary>
    public string? OfficePhone { get; set; }
    public bool Active { get; set; } = true;
}
