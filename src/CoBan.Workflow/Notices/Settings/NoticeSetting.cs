using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Notices;

/// <summary>
/// A channel setting saved by an administrator over the configuration (CoBan:Notices:*), e.g.
/// "Email:Host". Secrets are stored encrypted with the service's data-protection keys and never
/// returned by the API.
/// </summary>
public sealed class NoticeSetting
{
    public required string Key { get; set; }
    public string? Value { get; set; }
    public bool Secret { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

internal sealed class NoticeSettingConfiguration : IEntityTypeConfiguration<NoticeSetting>
{
    public void Configure(EntityTypeBuilder<NoticeSetting> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(80);
    }
}
