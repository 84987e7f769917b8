using Microsoft.Data.Sqlite;
using static CoBan.Workflow.Benchmarks.Supervision.BulkSql;

namespace CoBan.Workflow.Benchmarks.Supervision;

/// <summary>A matter of the synthetic city; <see cref="Limit"/> 0 means it is answered on the spot (即办事项).</summary>
internal sealed record CityMatter(long Id, long BureauId, int Limit);

/// <summary>
/// A bureau of the synthetic city, its coordinators and matters. Half of the departments have a joint
/// matter (联办): their own part first, then the next department's part (<see cref="Partner"/>, <see cref="PartMatter"/>).
/// </summary>
internal sealed class CityBureau(long id, string code, int level)
{
    public long Id { get; } = id;
    public string Code { get; } = code;
    public int Level { get; } = level;
    public List<string> Coordinators { get; } = [];
    public List<CityMatter> Matters { get; } = [];
    public CityMatter? JointMatter { get; set; }
    public CityBureau? Partner { get; set; }
    public CityMatter? PartMatter { get; set; }
}

/// <summary>
/// The root centre, 40 departments (4 coordinators and a duty leader each), 10 towns (3 and 1), 30
/// villages (1), a supervisor at the root; 430 matters, a quarter of them answered on the spot.
/// </summary>
internal static class CityReference
{
    public static List<CityBureau> Write(SqliteConnection connection, SqliteTransaction tx, ref long rows)
    {
        string Role(string name) => Scalar(connection, tx, $"SELECT \"Id\" FROM \"AspNetRoles\" WHERE \"Name\" = '{name}'") as string
            ?? throw new InvalidOperationException($"role {name} is missing: the host creates the roles at start-up");
        var coordinatorRole = Role("coordinator");
        var leaderRole = Role("dutyLeader");
        var supervisorRole = Role("supervisor");
        using var bureau = Prepare(connection, tx, """
            INSERT INTO "Bureau" ("Id","Code","Name","Level","ParentId","RectificationWorkingDays","Active") VALUES ($id,$code,$name,$level,$parent,5,1)
            """);
        using var user = Prepare(connection, tx, """
            INSERT INTO "AspNetUsers" ("Id","DisplayName","BureauId","Active","UserName","NormalizedUserName","Email","NormalizedEmail","EmailConfirmed",
              "PhoneNumberConfirmed","TwoFactorEnabled","LockoutEnabled","AccessFailedCount") VALUES ($id,$name,$bureau,1,$user,$norm,$email,$normEmail,1,0,0,0,0)
            """);
        using var userRole = Prepare(connection, tx, """INSERT INTO "AspNetUserRoles" ("UserId","RoleId") VALUES ($user,$role)""");
        using var matter = Prepare(connection, tx, """
            INSERT INTO "Matter" ("Id","BureauId","Code","Name","LimitWorkingDays","TolerantAcceptance","IsJoint","RemindBeforeWorkingDays","EscalateAfterWorkingDays","Active")
            VALUES ($id,$bureau,$code,$name,$limit,1,$joint,1,2,1)
            """);
        using var link = Prepare(connection, tx, """
            INSERT INTO "MatterChainLink" ("MatterId","Position","BureauId","Part","PartMatterId") VALUES ($matter,$position,$bureau,$part,$partMatter)
            """);

        var result = new List<CityBureau>();
        long userCount = 0, matterId = 0, written = 0;
        string AddUser(long bureauId, string roleId, string prefix)
        {
            var id = $"bench-user-{++userCount:00000}";
            var name = $"{prefix}{userCount:0000}";
            Run(user, ("$id", id), ("$name", name), ("$bureau", bureauId), ("$user", name), ("$norm", name.ToUpperInvariant()), ("$email", $"{name}@bench.example"),
                ("$normEmail", $"{name}@BENCH.EXAMPLE"));
            Run(userRole, ("$user", id), ("$role", roleId));
            written += 2;
            return id;
        }
        CityBureau Add(long id, string code, int level, long? parent, int coordinators, int leaders, int matters)
        {
            Run(bureau, ("$id", id), ("$code", code), ("$name", $"基准{code}"), ("$level", level), ("$parent", parent));
            written++;
            var row = new CityBureau(id, code, level);
            for (var i = 0; i < coordinators; i++) row.Coordinators.Add(AddUser(id, coordinatorRole, "xb"));
            for (var i = 0; i < leaders; i++) AddUser(id, leaderRole, "ld");
            for (var i = 0; i < matters; i++)
            {
                var limit = i % 4 == 0 ? 0 : new[] { 1, 3, 5, 10, 15, 20 }[(int)(matterId % 6)];
                var m = new CityMatter(++matterId, id, limit);
                row.Matters.Add(m);
                Run(matter, ("$id", m.Id), ("$bureau", id), ("$code", $"{code}-{i + 1:000}"), ("$name", $"基准事项{m.Id}"), ("$limit", limit), ("$joint", 0));
                written++;
            }
            result.Add(row);
            return row;
        }

        var root = Add(1, "BM-ZX", 1, null, 2, 1, 2);
        AddUser(root.Id, supervisorRole, "zf");
        long next = 2;
        var departments = new List<CityBureau>();
        for (var d = 1; d <= 40; d++) departments.Add(Add(next++, $"BM-D{d:00}", 1, root.Id, 4, 1, 8));
        for (var t = 1; t <= 10; t++)
        {
            var town = Add(next++, $"BM-T{t:00}", 2, root.Id, 3, 1, 5);
            for (var v = 1; v <= 3; v++) Add(next++, $"BM-T{t:00}-V{v}", 3, town.Id, 1, 0, 2);
        }

        // Joint matters: every other department's, its part then the next department's (a matter with a time limit there).
        for (var d = 0; d < departments.Count; d += 2)
        {
            var first = departments[d];
            var partner = departments[d + 1];
            var joint = new CityMatter(++matterId, first.Id, 20);
            Run(matter, ("$id", joint.Id), ("$bureau", first.Id), ("$code", $"{first.Code}-LB"), ("$name", $"基准联办事项{joint.Id}"), ("$limit", joint.Limit), ("$joint", 1));
            var part = partner.Matters.First(m => m.Limit > 0);
            Run(link, ("$matter", joint.Id), ("$position", 1), ("$bureau", first.Id), ("$part", "受理并初审"), ("$partMatter", null));
            Run(link, ("$matter", joint.Id), ("$position", 2), ("$bureau", partner.Id), ("$part", "审批发证"), ("$partMatter", part.Id));
            (first.JointMatter, first.Partner, first.PartMatter) = (joint, partner, part);
            written += 3;
        }
        rows += written;
        return result;
    }
}
