using System.Diagnostics;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Engine;
using CoBan.Workflow.Engine.Time;
using Microsoft.Data.Sqlite;

namespace CoBan.Workflow.Benchmarks.Supervision;

/// <summary>What the generator wrote.</summary>
public sealed record GeneratedCity(int Cases, int Bureaus, int Coordinators, int Matters, DateOnly FirstDay, DateOnly LastDay, long Rows, double Seconds, long FileBytes);

/// <summary>
/// Writes a synthetic city straight into the service's SQLite file (one transaction, prepared
/// statements, explicit ids): 81 bureaus on three levels, 222 coordinators, 430 matters, and cases at a
/// steady ~240 per working day going back from "now" as far as the size asks — so 10,000 cases are the
/// last two months and 1,000,000 about seventeen years, and any one month holds the same cases at both
/// sizes. Each case gets the related rows the figures read: its duration, the one-time notice and its
/// supplement lines, a transfer, a joint chain, the coordination log, an evaluation and its rectification.
/// The randomness is seeded: the same size gives the same city.
/// </summary>
public sealed class CityGenerator(string databaseFile, DateTimeOffset now, int seed = 20261120)
{
    public const int PerWorkingDay = 240;
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private readonly Random _random = new(seed);
    private readonly DayCalendar _calendar = new();

    private sealed record BureauRow(long Id, string Code, int Level, List<string> Coordinators, List<long> Matters, int[] MatterLimits);

    public GeneratedCity Generate(int cases, Action<string> log)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new SqliteConnection($"Data Source={databaseFile}");
        connection.Open();
        Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-200000;");
        using var tx = connection.BeginTransaction();
        long rows = 0;
        var bureaus = Reference(connection, tx, ref rows);
        var days = Days(cases);
        log($"generating {cases:N0} cases over {days.Count:N0} days ({days[0]:yyyy-MM-dd} … {days[^1]:yyyy-MM-dd})");

        var insertCase = Prepare(connection, tx, """
            INSERT INTO "Case" ("Id","BureauId","Number","Year","Sequence","MatterId","MatterName","ApplicantType","ApplicantName","ConsentSms","ConsentEmail",
              "ServiceMode","Category","Kind","Status","MaterialsMissing","MissingNoticeAt","Tolerant","OwnerId","FirstContactId","RegisteredAt","AcceptedAt",
              "CommittedWorkingDays","Deadline","Paused","CompletedAt","ChainId","ChainPosition","RowVersion")
            VALUES ($id,$bureau,$number,$year,$seq,$matter,'基准事项',1,'基准申请人',0,0,3,$category,$kind,$status,$missing,$notice,0,$owner,$owner,$registered,$accepted,
              $committed,$deadline,$paused,$completed,$chain,$position,1)
            """);
        var insertDuration = Prepare(connection, tx, """INSERT INTO "CaseDuration" ("CaseId","WorkingDays","PausedWorkingDays","ComputedAt") VALUES ($case,$days,0,$at)""");
        var insertJournal = Prepare(connection, tx, """INSERT INTO "JournalEntry" ("At","CaseId","BureauId","UserId","Action","Detail") VALUES ($at,$case,$bureau,$user,$action,$detail)""");
        var insertTransfer = Prepare(connection, tx, """
            INSERT INTO "Transfer" ("FromCaseId","FromBureauId","ToBureauId","Reasons","CrossLevel","Status","SentAt","SentBy","RespondedAt","RespondedBy")
            VALUES ($case,$from,$to,'不属于本单位职责',0,$status,$sent,$by,$responded,$responder)
            """);
        var insertChain = Prepare(connection, tx, """
            INSERT INTO "JointChain" ("Id","MatterId","ApplicantName","FirstCaseId","Completed","CreatedAt","CompletedAt") VALUES ($id,$matter,'基准申请人',$case,$completed,$created,$at)
            """);
        var insertLog = Prepare(connection, tx, """
            INSERT INTO "CoordinationLogEntry" ("CaseId","CoordinatorId","At","Handling","ReplyMethod","ReplyAt","SignedOnPaper") VALUES ($case,$user,$at,'已办结',$method,$at,1)
            """);
        var insertEvaluation = Prepare(connection, tx, """
            INSERT INTO "Evaluation" ("CaseId","Level","RealName","Source","At","RectifyBy","RectifiedAt") VALUES ($case,$level,0,'public',$at,$by,$rectified)
            """);

        var sequences = new Dictionary<(long, int), int>();
        var departments = bureaus.Where(b => b.Level == 1 && b.Coordinators.Count > 2).ToList();
        var towns = bureaus.Where(b => b.Level == 2).ToList();
        var villages = bureaus.Where(b => b.Level == 3).ToList();
        string[] methods = ["inPerson", "inPerson", "inPerson", "phone", "phone", "sms", "email", "letter"];
        var nowTicks = now.UtcTicks;
        long id = 0;
        long chains = 0;
        foreach (var day in days)
        {
            var count = day.Count;
            for (var i = 0; i < count && id < cases; i++)
            {
                id++;
                var roll = _random.NextDouble();
                var bureau = roll < 0.7 ? Pick(departments) : roll < 0.9 ? Pick(towns) : Pick(villages);
                var owner = Pick(bureau.Coordinators);
                var matterIndex = _random.Next(bureau.Matters.Count);
                var registered = At(day.Date, TimeSpan.FromMinutes(510 + _random.Next(540)));
                var key = (bureau.Id, day.Date.Year);
                var seq = sequences[key] = sequences.GetValueOrDefault(key) + 1;

                var c = _random.NextDouble();
                var category = bureau.Level == 1 && c < 0.07 ? CaseCategory.Joint : c < 0.15 ? CaseCategory.Transfer : CaseCategory.Own;
                CaseKind? kind = null;
                var notice = false;
                var visits = 0;
                if (category != CaseCategory.Transfer)
                {
                    var k = _random.NextDouble();
                    notice = k < 0.15;
                    kind = k < 0.05 ? CaseKind.Returned : k < 0.45 ? CaseKind.Immediate : CaseKind.Commitment;
                    if (notice)
                    {
                        var v = _random.NextDouble();
                        visits = v < 0.7 ? 1 : v < 0.9 ? 2 : 0; // 0: still waiting, or gave up
                        if (kind == CaseKind.Returned) kind = CaseKind.Immediate;
                    }
                }
                var limit = Math.Max(1, bureau.MatterLimits[matterIndex]);
                var committed = kind == CaseKind.Commitment ? 1 + _random.Next(limit) : (int?)null;
                // The handling starts when the materials are complete: the last supplement, a couple of days after the notice.
                var start = registered;
                if (notice && visits > 0) start = AddWorkingDays(registered, 2 * visits);
                DateTimeOffset? deadline = kind switch
                {
                    CaseKind.Immediate => At(LocalDate(start), TimeSpan.FromHours(17.5)),
                    CaseKind.Commitment => AddWorkingDays(start, committed!.Value),
                    _ => null,
                };
                DateTimeOffset? completed;
                CaseStatus status;
                var withdrawn = _random.NextDouble() < 0.04;
                if (notice && visits == 0)
                {
                    // Never came back: gave up (withdrawn) after ten working days, or still waiting.
                    completed = AddWorkingDays(registered, 10);
                    status = CaseStatus.Withdrawn;
                }
                else if (category == CaseCategory.Transfer)
                {
                    completed = registered.AddMinutes(30 + _random.Next(120));
                    status = CaseStatus.Transferred;
                }
                else if (kind == CaseKind.Returned)
                {
                    completed = registered.AddMinutes(20 + _random.Next(60));
                    status = CaseStatus.NotAccepted;
                }
                else if (kind == CaseKind.Immediate)
                {
                    completed = _random.NextDouble() < 0.93 ? start.AddMinutes(10 + _random.Next(90)) : AddWorkingDays(start, 1);
                    status = CaseStatus.CompletedApproved;
                }
                else
                {
                    // Most commitment cases end before their deadline; about one in six overruns by a few days.
                    var taken = _random.NextDouble() < 0.84 ? Math.Max(1, (int)Math.Round(committed!.Value * (0.3 + 0.7 * _random.NextDouble()))) : committed!.Value + 1 + _random.Next(4);
                    completed = AddWorkingDays(start, taken).AddHours(_random.Next(-3, 3));
                    status = _random.NextDouble() < 0.9 ? CaseStatus.CompletedApproved : CaseStatus.CompletedRejected;
                }
                if (withdrawn && status is CaseStatus.CompletedApproved or CaseStatus.CompletedRejected) status = CaseStatus.Recalled;
                if (completed!.Value.UtcTicks > nowTicks)
                {
                    completed = null;
                    status = notice && visits == 0 ? CaseStatus.SupplementStarted : kind is null ? CaseStatus.Received : CaseStatus.Handling;
                }
                var paused = status == CaseStatus.Handling && _random.NextDouble() < 0.02;
                if (paused) status = CaseStatus.SpecialStarted;
                var missing = notice && (visits == 0 || (completed is null && start.UtcTicks > nowTicks)) ? "[\"经营场所使用证明\"]" : null;
                long? chain = null;
                if (category == CaseCategory.Joint)
                {
                    chain = ++chains;
                    Run(insertChain, ("$id", chain), ("$matter", bureau.Matters[matterIndex]), ("$case", id), ("$completed", completed is null ? 0 : 1),
                        ("$created", registered.UtcTicks), ("$at", completed?.UtcTicks));
                    rows++;
                }
                Run(insertCase, ("$id", id), ("$bureau", bureau.Id), ("$number", $"{bureau.Code}-{day.Date.Year}-{seq:000000}"), ("$year", day.Date.Year), ("$seq", seq),
                    ("$matter", bureau.Matters[matterIndex]), ("$category", (int)category), ("$kind", (int?)kind), ("$status", (int)status), ("$missing", missing),
                    ("$notice", notice ? registered.AddMinutes(5).UtcTicks : null), ("$owner", owner), ("$registered", registered.UtcTicks),
                    ("$accepted", kind is CaseKind.Immediate or CaseKind.Commitment ? start.UtcTicks : null), ("$committed", committed),
                    ("$deadline", deadline?.UtcTicks), ("$paused", paused ? 1 : 0), ("$completed", completed?.UtcTicks), ("$chain", chain), ("$position", chain is null ? null : 1));
                rows++;
                for (var v = 1; v <= visits && registered.AddDays(2 * v).UtcTicks <= nowTicks; v++)
                {
                    Run(insertJournal, ("$at", AddWorkingDays(registered, 2 * v).UtcTicks), ("$case", id), ("$bureau", bureau.Id), ("$user", owner),
                        ("$action", "case.supplement"), ("$detail", "补交材料"));
                    rows++;
                }
                if (category == CaseCategory.Transfer)
                {
                    var to = Pick(bureaus.Where(b => b.Id != bureau.Id && b.Coordinators.Count > 0).ToList());
                    var refused = _random.NextDouble() < 0.15;
                    Run(insertTransfer, ("$case", id), ("$from", bureau.Id), ("$to", to.Id), ("$status", refused ? 3 : 2), ("$sent", registered.AddMinutes(10).UtcTicks), ("$by", owner),
                        ("$responded", registered.AddMinutes(25).UtcTicks), ("$responder", Pick(to.Coordinators)));
                    rows++;
                }
                if (completed is { } end)
                {
                    var elapsed = Math.Max(0, _calendar.Between(LocalDate(registered), LocalDate(end)));
                    Run(insertDuration, ("$case", id), ("$days", elapsed), ("$at", end.UtcTicks));
                    rows++;
                    if (status is not (CaseStatus.Withdrawn or CaseStatus.Recalled))
                    {
                        Run(insertLog, ("$case", id), ("$user", owner), ("$at", end.AddMinutes(5 + _random.Next(60)).UtcTicks), ("$method", Pick(methods)));
                        rows++;
                        if (_random.NextDouble() < 0.3)
                        {
                            var e = _random.NextDouble();
                            var level = e < 0.5 ? 5 : e < 0.8 ? 4 : e < 0.92 ? 3 : e < 0.97 ? 2 : 1;
                            var at = end.AddHours(1 + _random.Next(48));
                            DateTimeOffset? by = level <= 2 ? AddWorkingDays(at, 5) : null;
                            var r = _random.NextDouble();
                            DateTimeOffset? rectified = by is { } b ? (r < 0.8 ? AddWorkingDays(at, 1 + _random.Next(4)) : r < 0.9 ? AddWorkingDays(b, 2) : null) : null;
                            if (at.UtcTicks <= nowTicks)
                            {
                                if (rectified is { } x && x.UtcTicks > nowTicks) rectified = null;
                                Run(insertEvaluation, ("$case", id), ("$level", level), ("$at", at.UtcTicks), ("$by", by?.UtcTicks), ("$rectified", rectified?.UtcTicks));
                                rows++;
                            }
                        }
                    }
                }
            }
            if (id % 100_000 < count && id >= 100_000) log($"… {id:N0} cases ({watch.Elapsed.TotalSeconds:N0} s)");
        }
        tx.Commit();
        Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        connection.Close();
        SqliteConnection.ClearAllPools();
        var coordinators = bureaus.Sum(b => b.Coordinators.Count);
        return new GeneratedCity((int)id, bureaus.Count, coordinators, bureaus.Sum(b => b.Matters.Count), days[0].Date, days[^1].Date, rows, watch.Elapsed.TotalSeconds,
            new FileInfo(databaseFile).Length);
    }

    /// <summary>What a database generated earlier holds (its generation time unknown: 0).</summary>
    public static GeneratedCity Describe(string databaseFile)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile}");
        connection.Open();
        long Count(string table, string what = "COUNT(*)")
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {what} FROM \"{table}\"";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        static DateOnly Day(long ticks) => DateOnly.FromDateTime(new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(China).DateTime);
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
        for (var date = DateOnly.FromDateTime(now.ToOffset(China).DateTime); total < cases; date = date.AddDays(-1))
        {
            var count = _calendar.IsWorking(date) ? PerWorkingDay - 24 + _random.Next(49) : _random.Next(12);
            days.Add(new Day(date, count));
            total += count;
        }
        days.Reverse();
        return days;
    }

    /// <summary>The root centre, 40 departments (4 coordinators and a duty leader each), 10 towns (3 and 1), 30 villages (1), and a supervisor at the root.</summary>
    private List<BureauRow> Reference(SqliteConnection connection, SqliteTransaction tx, ref long rows)
    {
        var role = (string name) => Scalar(connection, tx, $"SELECT \"Id\" FROM \"AspNetRoles\" WHERE \"Name\" = '{name}'") as string
            ?? throw new InvalidOperationException($"role {name} is missing: the host creates the roles at start-up");
        var coordinatorRole = role("coordinator");
        var leaderRole = role("dutyLeader");
        var supervisorRole = role("supervisor");
        var bureau = Prepare(connection, tx, """
            INSERT INTO "Bureau" ("Id","Code","Name","Level","ParentId","RectificationWorkingDays","Active") VALUES ($id,$code,$name,$level,$parent,5,1)
            """);
        var user = Prepare(connection, tx, """
            INSERT INTO "AspNetUsers" ("Id","DisplayName","BureauId","Active","UserName","NormalizedUserName","Email","NormalizedEmail","EmailConfirmed",
              "PhoneNumberConfirmed","TwoFactorEnabled","LockoutEnabled","AccessFailedCount") VALUES ($id,$name,$bureau,1,$user,$norm,$email,$normEmail,1,0,0,0,0)
            """);
        var userRole = Prepare(connection, tx, """INSERT INTO "AspNetUserRoles" ("UserId","RoleId") VALUES ($user,$role)""");
        var matter = Prepare(connection, tx, """
            INSERT INTO "Matter" ("Id","BureauId","Code","Name","LimitWorkingDays","TolerantAcceptance","IsJoint","RemindBeforeWorkingDays","EscalateAfterWorkingDays","Active")
            VALUES ($id,$bureau,$code,$name,$limit,0,0,1,2,1)
            """);
        var result = new List<BureauRow>();
        long userCount = 0, matterId = 0;
        string AddUser(long bureauId, string roleId, string prefix)
        {
            var id = $"bench-user-{++userCount:00000}";
            var name = $"{prefix}{userCount:0000}";
            Run(user, ("$id", id), ("$name", name), ("$bureau", bureauId), ("$user", name), ("$norm", name.ToUpperInvariant()), ("$email", $"{name}@bench.example"),
                ("$normEmail", $"{name}@BENCH.EXAMPLE"));
            Run(userRole, ("$user", id), ("$role", roleId));
            return id;
        }
        BureauRow Add(long id, string code, int level, long? parent, int coordinators, int leaders, int matters)
        {
            Run(bureau, ("$id", id), ("$code", code), ("$name", $"基准{code}"), ("$level", level), ("$parent", parent));
            var row = new BureauRow(id, code, level, [], [], new int[matters]);
            for (var i = 0; i < coordinators; i++) row.Coordinators.Add(AddUser(id, coordinatorRole, "xb"));
            for (var i = 0; i < leaders; i++) AddUser(id, leaderRole, "ld");
            for (var i = 0; i < matters; i++)
            {
                var limit = i % 4 == 0 ? 0 : new[] { 1, 3, 5, 10, 15, 20 }[(int)(matterId % 6)];
                row.Matters.Add(++matterId);
                row.MatterLimits[i] = limit;
                Run(matter, ("$id", matterId), ("$bureau", id), ("$code", $"{code}-{i + 1:000}"), ("$name", $"基准事项{matterId}"), ("$limit", limit));
            }
            result.Add(row);
            return row;
        }
        var root = Add(1, "BM-ZX", 1, null, 2, 1, 2);
        AddUser(root.Id, supervisorRole, "zf");
        long next = 2;
        for (var d = 1; d <= 40; d++) Add(next++, $"BM-D{d:00}", 1, root.Id, 4, 1, 8);
        for (var t = 1; t <= 10; t++)
        {
            var town = Add(next++, $"BM-T{t:00}", 2, root.Id, 3, 1, 5);
            for (var v = 1; v <= 3; v++) Add(next++, $"BM-T{t:00}-V{v}", 3, town.Id, 1, 0, 2);
        }
        rows += result.Count + userCount * 2 + matterId;
        return result;
    }

    // ------------------------------------------------------------------ time

    private DateTimeOffset At(DateOnly date, TimeSpan time) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), China).Add(time);

    private static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(China).DateTime);

    private DateTimeOffset AddWorkingDays(DateTimeOffset from, int days) => At(_calendar.Add(LocalDate(from), days), from.ToOffset(China).TimeOfDay);

    /// <summary>
    /// The official calendar where it has data (2025, 2026); plain weekdays for the synthetic history
    /// before it. Working-day numbers are precomputed, so counting is a subtraction.
    /// </summary>
    private sealed class DayCalendar
    {
        private static readonly DateOnly First = new(2000, 1, 1);
        private static readonly DateOnly Last = new(2028, 12, 31);
        private readonly int[] _ordinal;
        private readonly bool[] _working;

        public DayCalendar()
        {
            var n = Last.DayNumber - First.DayNumber + 1;
            _ordinal = new int[n];
            _working = new bool[n];
            var count = 0;
            for (var i = 0; i < n; i++)
            {
                var date = First.AddDays(i);
                bool working;
                try { working = WorkingCalendar.ChinaNational.IsWorkingDay(date); }
                catch (CalendarYearUnknownException) { working = date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday); }
                _working[i] = working;
                if (working) count++;
                _ordinal[i] = count;
            }
        }

        public bool IsWorking(DateOnly date) => _working[date.DayNumber - First.DayNumber];

        /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
        public int Between(DateOnly from, DateOnly to) => _ordinal[to.DayNumber - First.DayNumber] - _ordinal[from.DayNumber - First.DayNumber];

        public DateOnly Add(DateOnly from, int days)
        {
            var date = from;
            for (var added = 0; added < days;)
            {
                date = date.AddDays(1);
                if (IsWorking(date)) added++;
            }
            return date;
        }
    }

    // ------------------------------------------------------------------ SQLite

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$\w+").Select(m => m.Value).Distinct())
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values) command.Parameters[name].Value = value ?? DBNull.Value;
        command.ExecuteNonQuery();
    }
}
