using Npgsql;

namespace CoBan.Workflow.Tests.Infrastructure;

public class PostgresAvailabilityTests
{
    [Fact]
    public async Task The_test_server_creates_uses_and_drops_a_database()
    {
        // Throws "COBAN_TEST_POSTGRES is not set ..." (with the reason tests/run.sh gave) when missing.
        var server = TestPostgres.ConnectionString;

        await using (var maintenance = new NpgsqlConnection(server))
        {
            await maintenance.OpenAsync();
            maintenance.PostgreSqlVersion.Major.ShouldBeGreaterThanOrEqualTo(13, "DROP DATABASE ... WITH (FORCE) needs PostgreSQL 13+");
        }

        var database = await TestPostgres.CreateDatabaseAsync(nameof(PostgresAvailabilityTests));
        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        try
        {
            (await TestPostgres.DatabaseExistsAsync(name)).ShouldBeTrue();

            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using (var create = new NpgsqlCommand("CREATE TABLE note (id int PRIMARY KEY, text text NOT NULL)", connection))
                await create.ExecuteNonQueryAsync();
            await using (var insert = new NpgsqlCommand("INSERT INTO note VALUES (1, @text)", connection))
            {
                insert.Parameters.AddWithValue("text", "承诺件办理时限提醒");
                await insert.ExecuteNonQueryAsync();
            }

            await using (var read = new NpgsqlCommand("SELECT current_database(), (SELECT text FROM note WHERE id = 1)", connection))
            await using (var reader = await read.ExecuteReaderAsync())
            {
                (await reader.ReadAsync()).ShouldBeTrue();
                reader.GetString(0).ShouldBe(name);
                reader.GetString(1).ShouldBe("承诺件办理时限提醒");
            }
        }
        finally
        {
            // Drops even while the connection above is still open in the pool.
            await TestPostgres.DropDatabaseAsync(database);
        }

        (await TestPostgres.DatabaseExistsAsync(name)).ShouldBeFalse();
    }
}
