using CoBan.Workflow.Data;
using CoBan.Workflow.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Data;

/// <summary>A model change without its migration must fail here, for both providers.</summary>
public class MigrationsTests
{
    [Fact]
    public async Task The_SQLite_migrations_match_the_model_and_apply_to_an_empty_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"coban-migrations-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = new SqliteCoBanDbContext(new DbContextOptionsBuilder<SqliteCoBanDbContext>().UseCoBanSqlite($"Data Source={file}").Options);
            db.Database.HasPendingModelChanges().ShouldBeFalse("the model changed without a migration: run src/CoBan.Workflow/Data/add-migration.sh <Name>");
            await db.Database.MigrateAsync();
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_PostgreSQL_migrations_match_the_model_and_apply_to_an_empty_database()
    {
        var connection = await TestPostgres.CreateDatabaseAsync("coban_migrations");
        try
        {
            await using var db = new PostgresCoBanDbContext(new DbContextOptionsBuilder<PostgresCoBanDbContext>().UseNpgsql(connection).Options);
            db.Database.HasPendingModelChanges().ShouldBeFalse("the model changed without a migration: run src/CoBan.Workflow/Data/add-migration.sh <Name>");
            await db.Database.MigrateAsync();
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connection);
        }
    }
}
