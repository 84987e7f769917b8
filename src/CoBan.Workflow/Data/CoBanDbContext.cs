using CoBan.Workflow.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Data;

/// <summary>
/// The one model for both providers. Feature folders contribute entities through
/// IEntityTypeConfiguration classes, found by assembly scan, so a feature never edits this file.
/// </summary>
public abstract class CoBanDbContext(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CoBanDbContext).Assembly);
    }
}

/// <summary>SQLite, the embedded default. Times are stored as sortable integers (SQLite has no timestamp type).</summary>
public sealed class SqliteCoBanDbContext(DbContextOptions<SqliteCoBanDbContext> options) : CoBanDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        (acceptAllChangesOnSuccess ? SqliteRowWriter.TrySave(this) : null) ?? base.SaveChanges(acceptAllChangesOnSuccess);

    // Microsoft.Data.Sqlite does its I/O synchronously either way.
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        (acceptAllChangesOnSuccess ? SqliteRowWriter.TrySave(this) : null) is { } written ? Task.FromResult(written) : base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
}

/// <summary>PostgreSQL, for several nodes. timestamptz requires UTC values, so they are normalised on write.</summary>
public sealed class PostgresCoBanDbContext(DbContextOptions<PostgresCoBanDbContext> options) : CoBanDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
    }
}
