using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Procedures;

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> b)
    {
        b.HasIndex(x => new { x.BureauId, x.Key }).IsUnique();
        b.Property(x => x.Key).HasMaxLength(200);
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasOne<Bureaus.Bureau>().WithMany().HasForeignKey(x => x.BureauId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcedureVersionConfiguration : IEntityTypeConfiguration<ProcedureVersion>
{
    public void Configure(EntityTypeBuilder<ProcedureVersion> b)
    {
        b.HasIndex(x => new { x.ProcedureId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.ProcedureId, x.Status });
        b.Property(x => x.XmlHash).HasMaxLength(64);
        b.HasOne<Procedure>().WithMany().HasForeignKey(x => x.ProcedureId).OnDelete(DeleteBehavior.Cascade);
    }
}
