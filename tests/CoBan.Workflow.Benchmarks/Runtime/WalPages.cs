using Microsoft.Data.Sqlite;

namespace CoBan.Workflow.Benchmarks.Runtime;

/// <summary>
/// Pages a batch of transactions appends to a database's write-ahead log: what each commit has to get onto the disk
/// before it returns (synchronous=FULL), and the main reason a workflow step costs more than a one-row transaction.
/// The log is emptied first and the batch kept under SQLite's automatic checkpoint (1,000 pages), so nothing moves
/// it back to the database file in between.
/// </summary>
public static class WalPages
{
    public static async Task<double> PerTransactionAsync(string databaseFile, int transactions, Func<Task> batch)
    {
        Truncate(databaseFile);
        await batch();
        var pageSize = PageSize(databaseFile);
        var wal = new FileInfo(databaseFile + "-wal");
        var frames = wal.Exists && wal.Length > 32 ? (wal.Length - 32) / (pageSize + 24) : 0;
        return (double)frames / transactions;
    }

    private static void Truncate(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        using var reader = command.ExecuteReader();
        if (reader.Read() && reader.GetInt32(0) != 0) throw new InvalidOperationException($"the log of {file} could not be emptied (a reader or writer is still open)");
    }

    private static long PageSize(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return (long)command.ExecuteScalar()!;
    }
}
