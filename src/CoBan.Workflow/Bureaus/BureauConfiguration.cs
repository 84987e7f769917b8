using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Bureaus;

internal sealed class BureauConfiguration : IEntityTypeConfiguration<Bureau>
{
    public void Configure(EntityTypeBuilder<Bureau> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasOne<Bureau>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
