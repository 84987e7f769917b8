using CoBan.Workflow.Cases;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Supervision.SupervisionFacts;

namespace CoBan.Workflow.Tests.Supervision;

/// <summary>
/// October 2026 in two bureaus of the demo city, written as facts; the figures the tests expect are
/// worked out by hand in <see cref="MeasureTests"/>. "Now" is 2026-11-10 09:00.
/// Calendar (State Council 2026): 10-01…10-07 off (National Day), Saturday 10-10 worked (调休), 10-31 a Saturday.
///
///   market regulation (BZ-SCJG; coordinators 张伟 zhang.wei, 李娜 li.na; matters SCJG-002, SCJG-001)
///   A1  zhang  own commitment  reg 10-08 09:00  due 10-13 09:00  done 10-12 15:00   on time, 3 wd (10-09, 10-10 调休, 10-12)
///   A2  zhang  own commitment  reg 10-09 10:00  due 10-14 10:00  done 10-16 11:00   late, 6 wd (10-10, 12, 13, 14, 15, 16)
///   A3  li     own immediate   reg 10-31 10:00  due 10-31 23:59  done 10-31 23:30   on time, 0 wd — ends 15:30 UTC, still October
///   A4  li     own immediate   reg 09-30 16:00  due 09-30 17:30  done 10-08 09:30   late, 1 wd (holidays skipped) — registered in September
///   A5  zhang  own commitment  reg 11-01 00:10  due 11-05 17:00  open              registered in November (10-31 16:10 UTC); overdue now
///   A6  zhang  own commitment  reg 10-20 09:00  due 10-23 09:00  open (handling)   overdue now
///   A7  li     own commitment  reg 10-21 09:00  due 10-22 09:00  open, paused      not overdue: a special procedure stops the clock
///   A8  li     notice          reg 10-12, notice 10-12, 1 supplement, complete, accepted (due 11-20)        second visit
///   A9  zhang  notice → immediate, reg 10-13, notice 10-13, 2 supplements, done 10-20 10:00 (due 10-20 17:30) later; on time, 5 wd
///   A10 zhang  notice          reg 10-14, notice 10-14, still missing, waiting
///   A11 li     notice          reg 10-15, notice 10-15, still missing, withdrawn 10-19                   gave up; withdrawn
///   A12 zhang  transfer        reg 10-16 09:00, sent to BZ-RSJ 10-16 09:30 (accepted by chen.jing), 已移交 10-16 10:00, no deadline, 0 wd
///   A13 li     joint, link 1   reg 10-26 09:00  due 10-26 17:30  handed over 10-26 16:00   on time, 0 wd
///
///   HR and social security (BZ-RSJ; 陈静 chen.jing, 孙悦 sun.yue; matter RSJ-002)
///   B1  chen   own commitment  reg 10-16 10:00 (A12 received)  due 10-23 10:00  done 10-22 16:00   on time, 4 wd
///   B2  chen   own returned    reg 10-19 09:00  不予受理 10-19 11:00  no deadline, 0 wd
///   B3  sun    transfer        reg 10-26 09:00, sent to BZ-SCJG 10-26 10:00, refused by zhang.wei; open, no deadline
///   B4  chen   joint, link 2   reg 10-26 16:00  due 10-28 16:00  done 10-28 10:00   on time, 2 wd; the chain J1 (A13, B4) completes 10-28
///
///   replies: A1 inPerson 10-12 (zhang), A2 phone 10-16 (zhang), A9 sms 10-20 (zhang), A4 letter 10-08 (li), B1 email 10-22 (chen),
///            A3 inPerson 11-01 00:05 (li: November)
///   evaluations: A1 5 (10-13); A2 2 (10-17, rectify by 10-24 17:00, rectified 10-23); A9 1 (10-21, by 10-28, not rectified);
///                A13 3 (10-27); B1 4 (10-23); B4 1 (10-29, by 11-05 17:00, rectified 11-06)
/// </summary>
public static class OctoberCity
{
    public static readonly DateTimeOffset Now = Bj(11, 10, 9, 0);

    public static async Task SeedAsync(TestHost host)
    {
        await host.WithDbAsync(async db =>
        {
            var f = await new SupervisionFacts(db).LoadAsync();
            const string sc = "BZ-SCJG", rs = "BZ-RSJ", m1 = "SCJG-002", m2 = "SCJG-001", m3 = "RSJ-002";
            var a1 = f.Case(sc, "zhang.wei", m1, Bj(10, 8), kind: CaseKind.Commitment, status: CaseStatus.CompletedApproved, deadline: Bj(10, 13), completed: Bj(10, 12, 15));
            var a2 = f.Case(sc, "zhang.wei", m1, Bj(10, 9, 10), kind: CaseKind.Commitment, status: CaseStatus.CompletedApproved, deadline: Bj(10, 14, 10), completed: Bj(10, 16, 11));
            var a3 = f.Case(sc, "li.na", m2, Bj(10, 31, 10), kind: CaseKind.Immediate, status: CaseStatus.CompletedApproved, deadline: Bj(10, 31, 23, 59), completed: Bj(10, 31, 23, 30));
            var a4 = f.Case(sc, "li.na", m2, Bj(9, 30, 16), kind: CaseKind.Immediate, status: CaseStatus.CompletedRejected, deadline: Bj(9, 30, 17, 30), completed: Bj(10, 8, 9, 30));
            f.Case(sc, "zhang.wei", m1, Bj(11, 1, 0, 10), kind: CaseKind.Commitment, status: CaseStatus.Handling, deadline: Bj(11, 5, 17));
            f.Case(sc, "zhang.wei", m1, Bj(10, 20), kind: CaseKind.Commitment, status: CaseStatus.Handling, deadline: Bj(10, 23));
            f.Case(sc, "li.na", m1, Bj(10, 21), kind: CaseKind.Commitment, status: CaseStatus.SpecialStarted, deadline: Bj(10, 22), paused: true);
            await f.SaveAsync();
            await f.NoticeCaseAsync(sc, "li.na", m2, Bj(10, 12), Bj(10, 12, 9, 5), 1, [], CaseKind.Commitment, CaseStatus.Accepted, deadline: Bj(11, 20));
            var a9 = await f.NoticeCaseAsync(sc, "zhang.wei", m2, Bj(10, 13), Bj(10, 13, 9, 5), 2, [], CaseKind.Immediate, CaseStatus.CompletedApproved, Bj(10, 20, 17, 30), Bj(10, 20, 10));
            await f.NoticeCaseAsync(sc, "zhang.wei", m1, Bj(10, 14), Bj(10, 14, 9, 5), 0, ["经营场所平面图及设备布局图"]);
            await f.NoticeCaseAsync(sc, "li.na", m2, Bj(10, 15), Bj(10, 15, 9, 5), 0, ["经营场所使用证明"], CaseKind.Notice, CaseStatus.Withdrawn, completed: Bj(10, 19));
            var a12 = f.Case(sc, "zhang.wei", m1, Bj(10, 16), CaseCategory.Transfer, null, CaseStatus.Transferred, completed: Bj(10, 16, 10));
            var a13 = f.Case(sc, "li.na", m2, Bj(10, 26), CaseCategory.Joint, CaseKind.Immediate, CaseStatus.HandedOver, Bj(10, 26, 17, 30), Bj(10, 26, 16));
            var b1 = f.Case(rs, "chen.jing", m3, Bj(10, 16, 10), kind: CaseKind.Commitment, status: CaseStatus.CompletedApproved, deadline: Bj(10, 23, 10), completed: Bj(10, 22, 16));
            f.Case(rs, "chen.jing", m3, Bj(10, 19), kind: CaseKind.Returned, status: CaseStatus.NotAccepted, completed: Bj(10, 19, 11));
            var b3 = f.Case(rs, "sun.yue", m3, Bj(10, 26), CaseCategory.Transfer, null, CaseStatus.Received);
            var b4 = f.Case(rs, "chen.jing", m3, Bj(10, 26, 16), CaseCategory.Joint, CaseKind.Commitment, CaseStatus.CompletedApproved, Bj(10, 28, 16), Bj(10, 28, 10));
            await f.SaveAsync();

            f.Transfer(a12, rs, Bj(10, 16, 9, 30), TransferStatus.Accepted, "chen.jing", b1);
            f.Transfer(b3, sc, Bj(10, 26, 10), TransferStatus.Refused, "zhang.wei");
            var chain = f.Add(new JointChain { MatterId = f.Matter(m2), ApplicantName = "联办申请人", FirstCaseId = a13.Id, Completed = true, CreatedAt = Bj(10, 26).ToUniversalTime(), CompletedAt = Bj(10, 28, 10).ToUniversalTime() });
            await f.SaveAsync();
            (a13.ChainId, a13.ChainPosition, b4.ChainId, b4.ChainPosition) = (chain.Id, 1, chain.Id, 2);

            f.Reply(a1, "zhang.wei", "inPerson", Bj(10, 12, 15, 10));
            f.Reply(a2, "zhang.wei", "phone", Bj(10, 16, 11, 30));
            f.Reply(a9, "zhang.wei", "sms", Bj(10, 20, 10, 30));
            f.Reply(a4, "li.na", "letter", Bj(10, 8, 10));
            f.Reply(b1, "chen.jing", "email", Bj(10, 22, 16, 30));
            f.Reply(a3, "li.na", "inPerson", Bj(11, 1, 0, 5));
            f.Evaluate(a1, 5, Bj(10, 13));
            f.Evaluate(a2, 2, Bj(10, 17), Bj(10, 24, 17), Bj(10, 23));
            f.Evaluate(a9, 1, Bj(10, 21), Bj(10, 28, 17));
            f.Evaluate(a13, 3, Bj(10, 27));
            f.Evaluate(b1, 4, Bj(10, 23));
            f.Evaluate(b4, 1, Bj(10, 29), Bj(11, 5, 17), Bj(11, 6));
            await f.SaveAsync();
            return 0;
        });
    }
}
