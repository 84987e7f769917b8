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

    /// <summary>The row with this key (tracked), as Find gives it; SQLite reads the rows every step reads more cheaply.</summary>
    public virtual ValueTask<T?> FindRowAsync<T>(long id, CancellationToken ct) where T : class => Set<T>().FindAsync([id], ct);
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

    public override ValueTask<T?> FindRowAsync<T>(long id, CancellationToken ct) where T : class =>
        SqliteRowReader.TryFind<T>(this, id, out var row) ? ValueTask.FromResult(row) : base.FindRowAsync<T>(id, ct);

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
