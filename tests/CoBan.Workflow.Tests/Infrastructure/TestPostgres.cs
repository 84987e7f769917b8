using System.Text;
using Npgsql;

namespace CoBan.Workflow.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the test script (tests/run.sh) starts for the tests. Its connection string
/// (to the maintenance database) comes from COBAN_TEST_POSTGRES; every test creates its own database.
/// Tests that need PostgreSQL fail, never skip, when the variable is missing.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "COBAN_TEST_POSTGRES";

    /// <summary>Set by tests/run.sh with the reason when its private cluster could not start.</summary>
    public const string UnavailableVariable = "COBAN_TEST_POSTGRES_UNAVAILABLE";

    /// <summary>Connection string of the server's maintenance database; throws a clear error when not configured.</summary>
    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrWhiteSpace(value))
                return value;

            var why = Environment.GetEnvironmentVariable(UnavailableVariable);
            throw new InvalidOperationException(
                $"{Variable} is not set, so this PostgreSQL test cannot run. " +
                (string.IsNullOrWhiteSpace(why)
                    ? "Run the tests with tests/run.sh (it starts a private PostgreSQL 15 cluster), or set " +
                      $"{Variable}=\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\" for a server where that user may create databases."
                    : $"tests/run.sh could not start PostgreSQL: {why}"));
        }
    }

    /// <summary>Creates an empty database named after <paramref name="prefix"/> and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var name = NewDatabaseName(prefix);
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)} ENCODING 'UTF8' TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="databaseConnectionString"/> (as returned by <see cref="CreateDatabaseAsync"/>), closing its open connections.</summary>
    public static async Task DropDatabaseAsync(string databaseConnectionString, CancellationToken cancellationToken = default)
    {
        var name = new NpgsqlConnectionStringBuilder(databaseConnectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(databaseConnectionString));
        var maintenance = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        if (string.Equals(name, maintenance, StringComparison.Ordinal) || name is "postgres" or "template0" or "template1")
            throw new ArgumentException($"Refusing to drop the maintenance database '{name}'.", nameof(databaseConnectionString));

        // Pooled idle connections would otherwise keep the database busy.
        await using (var pooled = new NpgsqlConnection(databaseConnectionString))
            NpgsqlConnection.ClearPool(pooled);

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {QuoteIdentifier(name)} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whether a database of that name exists on the server.</summary>
    public static async Task<bool> DatabaseExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", connection);
        command.Parameters.AddWithValue("name", name);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A lower-case identifier: the prefix's letters, digits and underscores, then a unique suffix (at most 63 bytes).</summary>
    internal static string NewDatabaseName(string prefix)
    {
        var clean = new StringBuilder("coban_test_");
        foreach (var c in prefix.ToLowerInvariant())
        {
            if (clean.Length >= 30) break;
            clean.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '_');
        }

        return $"{clean}_{Guid.NewGuid():N}";
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
