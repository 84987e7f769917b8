using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Notices;

internal sealed class NoticeDeliveryConfiguration : IEntityTypeConfiguration<NoticeDelivery>
{
    public void Configure(EntityTypeBuilder<NoticeDelivery> b)
    {
        b.HasIndex(x => new { x.NoticeId, x.Channel }).IsUnique();
        b.HasIndex(x => x.IdempotencyKey).IsUnique();
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => x.ProviderMessageId);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Channel).HasMaxLength(10);
        b.Property(x => x.IdempotencyKey).HasMaxLength(160);
        b.Property(x => x.Provider).HasMaxLength(20);
        b.Property(x => x.ProviderMessageId).HasMaxLength(120);
        b.Property(x => x.LockedBy).HasMaxLength(120);
        b.HasOne<Notice>().WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}
