using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Identity;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(100);
        b.HasIndex(x => x.BureauId);
        b.HasOne<Bureaus.Bureau>().WithMany().HasForeignKey(x => x.BureauId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.HasIndex(x => x.Hash).IsUnique();
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.Prefix).HasMaxLength(16);
    }
}
