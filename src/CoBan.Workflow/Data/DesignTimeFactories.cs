using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoBan.Workflow.Data;

/// <summary>Used by `dotnet ef migrations add X --context SqliteCoBanDbContext --output-dir Data/Migrations/Sqlite`.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCoBanDbContext>
{
    public SqliteCoBanDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCoBanDbContext>().UseCoBanSqlite("Data Source=design.db").Options);
}

/// <summary>Used by `dotnet ef migrations add X --context PostgresCoBanDbContext --output-dir Data/Migrations/Postgres`.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCoBanDbContext>
{
    public PostgresCoBanDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCoBanDbContext>().UseNpgsql("Host=localhost;Database=coban_design").Options);
}
