using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using static CoBan.Workflow.Benchmarks.Supervision.BulkSql;

namespace CoBan.Workflow.Benchmarks.Supervision;

/// <summary>What the generator wrote.</summary>
public sealed record GeneratedCity(int Cases, int Bureaus, int Coordinators, int Matters, DateOnly FirstDay, DateOnly LastDay, long Rows, double Seconds, long FileBytes);

/// <summary>
/// Writes a synthetic city straight into the service's SQLite file (one transaction, prepared
/// statements, explicit case ids): 81 bureaus on three levels, 222 coordinators, 450 matters, and cases
/// at a steady ~240 per working day going back from "now" as far as the size asks — so 10,000 cases
/// are the last two months and 1,000,000 about seventeen years, and any one month holds about the same
/// cases at both sizes. Each case is written as the service would have left it (<see cref="CityCases"/>).
/// The randomness is seeded: the same size gives the same city.
/// </summary>
public sealed class CityGenerator(string databaseFile, DateTimeOffset now, int seed = 20261120)
{
    public const int PerWorkingDay = 240;

    private readonly Random _random = new(seed);
    private readonly CityCalendar _calendar = new();

    public GeneratedCity Generate(int cases, Action<string> log)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new SqliteConnection($"Data Source={databaseFile}");
        connection.Open();
        // A bulk load into a file nobody else uses yet: no fsync, no foreign-key checks (the generator writes children first at times).
        Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-400000;");
        using var tx = connection.BeginTransaction();
        long rows = 0;
        var bureaus = CityReference.Write(connection, tx, ref rows);
        var days = Days(cases);
        log($"generating {cases:N0} cases over {days.Count:N0} days ({days[0].Date:yyyy-MM-dd} … {days[^1].Date:yyyy-MM-dd})");

        using var statements = new CityStatements(connection, tx);
        var writer = new CityCases(statements, _calendar, _random, now);
        var departments = bureaus.Where(b => b.Level == 1 && b.Coordinators.Count > 2).ToList();
        var towns = bureaus.Where(b => b.Level == 2).ToList();
        var villages = bureaus.Where(b => b.Level == 3).ToList();
        var nextReport = 100_000;
        foreach (var day in days)
        {
            // The day's visits in time order, so case ids follow registration as in the service.
            var times = Enumerable.Range(0, day.Count).Select(_ => 510 + _random.Next(540)).Order().ToList();
            var written = 0;
            foreach (var minute in times)
            {
                if (written >= day.Count || writer.LastId >= cases) break;
                var roll = _random.NextDouble();
                var bureau = roll < 0.7 ? Pick(departments) : roll < 0.9 ? Pick(towns) : Pick(villages);
                var registered = CityCalendar.At(day.Date, TimeSpan.FromMinutes(minute));
                if (registered > now) break;
                written += writer.WalkIn(bureau, registered, departments, single: writer.LastId == cases - 1);
            }
            if (writer.LastId >= nextReport)
            {
                log($"… {writer.LastId:N0} cases ({watch.Elapsed.TotalSeconds:N0} s)");
                nextReport += 100_000;
            }
        }
        writer.WriteSequences();
        rows += writer.Rows;
        tx.Commit();
        Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        connection.Close();
        SqliteConnection.ClearAllPools();
        return new GeneratedCity((int)writer.LastId, bureaus.Count, bureaus.Sum(b => b.Coordinators.Count), bureaus.Sum(b => b.Matters.Count + (b.JointMatter is null ? 0 : 1)),
            days[0].Date, days[^1].Date, rows, watch.Elapsed.TotalSeconds, new FileInfo(databaseFile).Length);
    }

    /// <summary>What a database generated earlier holds (its generation time unknown: 0).</summary>
    public static GeneratedCity Describe(string databaseFile)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile}");
        connection.Open();
        long Count(string table, string what = "COUNT(*)") =>
            Convert.ToInt64(Scalar(connection, null, $"SELECT {what} FROM \"{table}\""), CultureInfo.InvariantCulture);
        static DateOnly Day(long ticks) => CityCalendar.LocalDate(new DateTimeOffset(ticks, TimeSpan.Zero));
        var cases = Count("Case");
        var city = new GeneratedCity((int)cases, (int)Count("Bureau"), (int)Count("AspNetUsers"), (int)Count("Matter"),
            Day(Count("Case", "MIN(\"RegisteredAt\")")), Day(Count("Case", "MAX(\"RegisteredAt\")")), cases, 0, new FileInfo(databaseFile).Length);
        connection.Close();
        SqliteConnection.ClearPool(connection);
        return city;
    }

    private sealed record Day(DateOnly Date, int Count);

    /// <summary>Days back from "now" until the size is reached: ~240 cases on a working day, a few on a day off.</summary>
    private List<Day> Days(int cases)
    {
        var days = new List<Day>();
        var total = 0;
        for (var date = CityCalendar.LocalDate(now); total < cases; date = date.AddDays(-1))
        {
            var count = _calendar.IsWorking(date) ? PerWorkingDay - 24 + _random.Next(49) : _random.Next(12);
            days.Add(new Day(date, count));
            total += count;
        }
        days.Reverse();
        return days;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
