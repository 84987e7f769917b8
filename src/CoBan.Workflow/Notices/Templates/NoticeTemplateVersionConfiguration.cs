using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Notices;

internal sealed class NoticeTemplateVersionConfiguration : IEntityTypeConfiguration<NoticeTemplateVersion>
{
    public void Configure(EntityTypeBuilder<NoticeTemplateVersion> b)
    {
        b.HasIndex(x => new { x.BureauId, x.Template, x.Part, x.Version }).IsUnique();
        b.Property(x => x.Template).HasMaxLength(80);
        b.Property(x => x.Part).HasMaxLength(20);
        b.Property(x => x.Syntax).HasMaxLength(20);
        b.Property(x => x.ReviewNote).HasMaxLength(1000);
        b.HasOne<Bureaus.Bureau>().WithMany().HasForeignKey(x => x.BureauId).OnDelete(DeleteBehavior.Restrict);
    }
}
