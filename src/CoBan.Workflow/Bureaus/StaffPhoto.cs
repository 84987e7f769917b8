namespace CoBan.Workflow.Bureaus;

/// <summary>A staff member's photo for the duty board (seed 001: 姓名、职务、照片…), optional.</summary>
public sealed class StaffPhoto
{
    public required string UserId { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Data { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
