using Microsoft.Data.Sqlite;
using static CoBan.Workflow.Benchmarks.Supervision.BulkSql;

namespace CoBan.Workflow.Benchmarks.Supervision;

/// <summary>The generator's prepared inserts, one per table it fills with cases and what hangs off them.</summary>
internal sealed class CityStatements(SqliteConnection connection, SqliteTransaction tx) : IDisposable
{
    public SqliteCommand Case { get; } = Prepare(connection, tx, """
        INSERT INTO "Case" ("Id","BureauId","Number","Year","Sequence","MatterId","MatterName","ApplicantType","ApplicantName","ConsentSms","ConsentEmail",
          "ServiceMode","Category","Kind","Status","MaterialsMissing","MissingNoticeAt","Tolerant","ToleranceCommitment","SupplementBy","RejectionReasons",
          "RejectionLegalBasis","OwnerId","FirstContactId","RegisteredAt","AcceptedAt","CommittedWorkingDays","Deadline","OverdueAt","Paused","PausedAt",
          "CompletedAt","Result","ChainId","ChainPosition","SourceCaseId","RowVersion")
        VALUES ($id,$bureau,$number,$year,$seq,$matter,$matterName,$applicantType,$applicant,0,0,$mode,$category,$kind,$status,$missing,$notice,$tolerant,
          $toleranceCommitment,$supplementBy,$reasons,$basis,$owner,$firstContact,$registered,$accepted,$committed,$deadline,$overdue,$paused,$pausedAt,
          $completed,$result,$chain,$position,$source,$version)
        """);

    public SqliteCommand Duration { get; } = Prepare(connection, tx,
        """INSERT INTO "CaseDuration" ("CaseId","WorkingDays","PausedWorkingDays","ComputedAt") VALUES ($case,$days,0,$at)""");

    public SqliteCommand Journal { get; } = Prepare(connection, tx,
        """INSERT INTO "JournalEntry" ("At","CaseId","BureauId","UserId","UserName","Action","Detail") VALUES ($at,$case,$bureau,$user,$userName,$action,$detail)""");

    public SqliteCommand Transfer { get; } = Prepare(connection, tx, """
        INSERT INTO "Transfer" ("FromCaseId","FromBureauId","ToBureauId","Reasons","CrossLevel","Status","ReceivingCaseId","RefusalReason","SentAt","SentBy","RespondedAt","RespondedBy")
        VALUES ($case,$from,$to,'不属于本单位职责',0,$status,$receiving,$refusal,$sent,$by,$responded,$responder)
        """);

    public SqliteCommand Chain { get; } = Prepare(connection, tx, """
        INSERT INTO "JointChain" ("Id","MatterId","ApplicantName","FirstCaseId","Completed","CreatedAt","CompletedAt","StoppedAt","StopReason")
        VALUES ($id,$matter,$applicant,$case,$completed,$created,$at,$stopped,$reason)
        """);

    public SqliteCommand Log { get; } = Prepare(connection, tx, """
        INSERT INTO "CoordinationLogEntry" ("CaseId","CoordinatorId","At","Handling","ReplyMethod","ReplyAt","SignedOnPaper") VALUES ($case,$user,$at,$handling,$method,$at,1)
        """);

    public SqliteCommand Evaluation { get; } = Prepare(connection, tx, """
        INSERT INTO "Evaluation" ("CaseId","Level","RealName","Source","At","RectifyBy","RectifiedAt") VALUES ($case,$level,0,$source,$at,$by,$rectified)
        """);

    public SqliteCommand Special { get; } = Prepare(connection, tx, """
        INSERT INTO "CaseSpecialProcedure" ("CaseId","Kind","Reason","StartedAt") VALUES ($case,'inspection','现场核查',$at)
        """);

    public SqliteCommand Sequence { get; } = Prepare(connection, tx, """INSERT INTO "CaseNumberSequence" ("BureauId","Year","Next") VALUES ($bureau,$year,$next)""");

    public void Dispose()
    {
        foreach (var command in new[] { Case, Duration, Journal, Transfer, Chain, Log, Evaluation, Special, Sequence }) command.Dispose();
    }
}
