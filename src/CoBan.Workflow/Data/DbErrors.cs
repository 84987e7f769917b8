using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoBan.Workflow.Data;

/// <summary>
/// What a database error means for the caller, on either provider. A step that lost a race to a concurrent one
/// fails on whatever the winner wrote first: the instance's version, or a unique key the winner's rows took
/// (its next task, its notice's idempotency key). A deadlock or a serialization failure is nobody's fault:
/// run again, it succeeds.
/// </summary>
public static class DbErrors
{
    public enum Kind { Other, LostRace, Transient }

    public static Kind Classify(Exception error)
    {
        if (error is DbUpdateConcurrencyException) return Kind.LostRace;
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 40P01 deadlock_detected, 40001 serialization_failure; 23505 unique_violation.
                case PostgresException { SqlState: "40P01" or "40001" }: return Kind.Transient;
                case PostgresException { SqlState: "23505" }: return Kind.LostRace;
                // SQLITE_BUSY / SQLITE_LOCKED; SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY.
                case SqliteException { SqliteErrorCode: 5 or 6 }: return Kind.Transient;
                case SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }: return Kind.LostRace;
            }
        }
        return Kind.Other;
    }

    public static bool IsLostRace(Exception error) => Classify(error) == Kind.LostRace;

    public static bool IsTransient(Exception error) => Classify(error) == Kind.Transient;
}
