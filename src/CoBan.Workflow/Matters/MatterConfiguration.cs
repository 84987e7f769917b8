using CoBan.Workflow.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Matters;

internal sealed class MatterConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> b)
    {
        b.HasIndex(x => new { x.BureauId, x.Code }).IsUnique();
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasOne<Bureaus.Bureau>().WithMany().HasForeignKey(x => x.BureauId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MatterMaterialConfiguration : IEntityTypeConfiguration<MatterMaterial>
{
    public void Configure(EntityTypeBuilder<MatterMaterial> b)
    {
        b.HasIndex(x => new { x.MatterId, x.Position });
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasOne<Matter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MatterChainLinkConfiguration : IEntityTypeConfiguration<MatterChainLink>
{
    public void Configure(EntityTypeBuilder<MatterChainLink> b)
    {
        b.HasIndex(x => new { x.MatterId, x.Position }).IsUnique();
        b.HasOne<Matter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Bureaus.Bureau>().WithMany().HasForeignKey(x => x.BureauId).OnDelete(DeleteBehavior.Restrict);
    }
}
