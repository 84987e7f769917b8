using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoBan.Workflow.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiToken",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "text", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastUsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiToken", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Bureau",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<long>(type: "bigint", nullable: true),
                    Address = table.Column<string>(type: "text", nullable: true),
                    Windows = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    SupervisionHotline = table.Column<string>(type: "text", nullable: true),
                    Website = table.Column<string>(type: "text", nullable: true),
                    ServiceHours = table.Column<string>(type: "text", nullable: true),
                    RectificationWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bureau", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bureau_Bureau_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Bureau",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalendarOverrideEntry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BureauId = table.Column<long>(type: "bigint", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    IsWorkingDay = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "text", nullable: true),
                    RevokeReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarOverrideEntry", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarRevision",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Revision = table.Column<long>(type: "bigint", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarRevision", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseNumberSequence",
                columns: table => new
                {
                    BureauId = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Next = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNumberSequence", x => new { x.BureauId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "CaseSpecialProcedure",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WorkingDaysGivenBack = table.Column<int>(type: "integer", nullable: true),
                    Result = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseSpecialProcedure", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoordinationLogEntry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    CoordinatorId = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Handling = table.Column<string>(type: "text", nullable: false),
                    ReplyMethod = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReplyAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Signature = table.Column<string>(type: "text", nullable: true),
                    SignedOnPaper = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinationLogEntry", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKey",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKey", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Deadline",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HolderKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HolderId = table.Column<long>(type: "bigint", nullable: false),
                    BureauId = table.Column<long>(type: "bigint", nullable: false),
                    InstanceId = table.Column<long>(type: "bigint", nullable: true),
                    CaseId = table.Column<long>(type: "bigint", nullable: true),
                    WorkTaskId = table.Column<long>(type: "bigint", nullable: true),
                    ElementId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LimitWorkingDays = table.Column<int>(type: "integer", nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OriginalDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PausedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PauseReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PausedWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    RemindBeforeWorkingDays = table.Column<int>(type: "integer", nullable: true),
                    EscalateAfterWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    MissingCalendarYear = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deadline", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeadlinePause",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeadlineId = table.Column<long>(type: "bigint", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    EndReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    WorkingDaysGivenBack = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlinePause", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Evaluation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RealName = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RectifyBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RectifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Rectification = table.Column<string>(type: "text", nullable: true),
                    Substantiated = table.Column<bool>(type: "boolean", nullable: true),
                    Answer = table.Column<string>(type: "text", nullable: true),
                    ReturnVisitAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnVisitNote = table.Column<string>(type: "text", nullable: true),
                    RectificationInstanceId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evaluation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Incident",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstanceId = table.Column<long>(type: "bigint", nullable: false),
                    ExecutionId = table.Column<int>(type: "integer", nullable: false),
                    ElementId = table.Column<string>(type: "text", nullable: false),
                    MessageZh = table.Column<string>(type: "text", nullable: false),
                    MessageEn = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incident", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JointChain",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatterId = table.Column<long>(type: "bigint", nullable: false),
                    ApplicantName = table.Column<string>(type: "text", nullable: false),
                    FirstCaseId = table.Column<long>(type: "bigint", nullable: false),
                    Completed = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StoppedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StopReason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointChain", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JournalEntry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InstanceId = table.Column<long>(type: "bigint", nullable: true),
                    CaseId = table.Column<long>(type: "bigint", nullable: true),
                    BureauId = table.Column<long>(type: "bigint", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    UserName = table.Column<string>(type: "text", nullable: true),
                    Ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ElementId = table.Column<string>(type: "text", nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalEntry", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notice",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IdempotencyKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    InstanceId = table.Column<long>(type: "bigint", nullable: true),
                    CaseId = table.Column<long>(type: "bigint", nullable: true),
                    BureauId = table.Column<long>(type: "bigint", nullable: true),
                    ElementId = table.Column<string>(type: "text", nullable: true),
                    Template = table.Column<string>(type: "text", nullable: false),
                    Channels = table.Column<string>(type: "text", nullable: true),
                    Recipient = table.Column<string>(type: "text", nullable: false),
                    Variables = table.Column<string>(type: "text", nullable: true),
                    Form = table.Column<string>(type: "text", nullable: true),
                    WorkTaskId = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PlannedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notice", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NoticeSetting",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true),
                    Secret = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeSetting", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "ReportScheduleState",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Cron = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NextDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastRunAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportScheduleState", x => x.Kind);
                });

            migrationBuilder.CreateTable(
                name: "ScheduledTimer",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstanceId = table.Column<long>(type: "bigint", nullable: true),
                    TimerId = table.Column<int>(type: "integer", nullable: true),
                    WorkTaskId = table.Column<long>(type: "bigint", nullable: true),
                    ElementId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BureauId = table.Column<long>(type: "bigint", nullable: true),
                    CaseId = table.Column<long>(type: "bigint", nullable: true),
                    DeadlineId = table.Column<long>(type: "bigint", nullable: true),
                    ProcedureVersionId = table.Column<long>(type: "bigint", nullable: true),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Occurrence = table.Column<int>(type: "integer", nullable: false),
                    BasisDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RetryAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledTimer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceJob",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstanceId = table.Column<long>(type: "bigint", nullable: false),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    ElementId = table.Column<string>(type: "text", nullable: false),
                    Implementation = table.Column<string>(type: "text", nullable: false),
                    Parameters = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    MaxAttempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockedBy = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceJob", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredCalendarYear",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LoadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LoadedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredCalendarYear", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Subscription",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstanceId = table.Column<long>(type: "bigint", nullable: false),
                    WaitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CorrelationKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ElementId = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subscription", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaskComment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkTaskId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    UserName = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskComment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Transfer",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FromCaseId = table.Column<long>(type: "bigint", nullable: false),
                    FromBureauId = table.Column<long>(type: "bigint", nullable: false),
                    ToBureauId = table.Column<long>(type: "bigint", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LegalBasis = table.Column<string>(type: "text", nullable: true),
                    CrossLevel = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReceivingCaseId = table.Column<long>(type: "bigint", nullable: true),
                    RefusalReason = table.Column<string>(type: "text", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentBy = table.Column<string>(type: "text", nullable: true),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RespondedBy = table.Column<string>(type: "text", nullable: true),
                    ReceivingEndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Transfer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkTask",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstanceId = table.Column<long>(type: "bigint", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    ElementId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true),
                    BureauId = table.Column<long>(type: "bigint", nullable: false),
                    CaseId = table.Column<long>(type: "bigint", nullable: true),
                    AssigneeId = table.Column<string>(type: "text", nullable: true),
                    OwnerId = table.Column<string>(type: "text", nullable: true),
                    Delegation = table.Column<int>(type: "integer", nullable: false),
                    CandidateRoles = table.Column<string>(type: "text", nullable: true),
                    CandidateUsers = table.Column<string>(type: "text", nullable: true),
                    CandidateBureauId = table.Column<long>(type: "bigint", nullable: true),
                    Due = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FollowUp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemindBefore = table.Column<string>(type: "text", nullable: true),
                    EscalateAfter = table.Column<string>(type: "text", nullable: true),
                    CaseAction = table.Column<string>(type: "text", nullable: true),
                    Manual = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkTask", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BureauId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: true),
                    Office = table.Column<string>(type: "text", nullable: true),
                    OfficePhone = table.Column<string>(type: "text", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Bureau_BureauId",
                        column: x => x.BureauId,
                        principalTable: "Bureau",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Matter",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BureauId = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "text", nullable: true),
                    LimitWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    InPersonSteps = table.Column<string>(type: "text", nullable: true),
                    TolerantAcceptance = table.Column<bool>(type: "boolean", nullable: false),
                    IsJoint = table.Column<bool>(type: "boolean", nullable: false),
                    RemindBeforeWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    EscalateAfterWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    Fees = table.Column<string>(type: "text", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Matter", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Matter_Bureau_BureauId",
                        column: x => x.BureauId,
                        principalTable: "Bureau",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NoticeTemplateVersion",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BureauId = table.Column<long>(type: "bigint", nullable: false),
                    Template = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Part = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: true),
                    SmsTemplateCode = table.Column<string>(type: "text", nullable: true),
                    Deleted = table.Column<bool>(type: "boolean", nullable: false),
                    Comment = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "text", nullable: true),
                    CreatedByName = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeTemplateVersion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeTemplateVersion_Bureau_BureauId",
                        column: x => x.BureauId,
                        principalTable: "Bureau",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Procedure",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BureauId = table.Column<long>(type: "bigint", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procedure", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procedure_Bureau_BureauId",
                        column: x => x.BureauId,
                        principalTable: "Bureau",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionReport",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    PeriodKey = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ScopeBureauId = table.Column<long>(type: "bigint", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Html = table.Column<string>(type: "text", nullable: false),
                    Csv = table.Column<string>(type: "text", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: true),
                    GeneratedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    GeneratedById = table.Column<string>(type: "text", nullable: true),
                    GeneratedByName = table.Column<string>(type: "text", nullable: true),
                    Recipients = table.Column<string>(type: "text", nullable: true),
                    EmailsQueued = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionReport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionReport_Bureau_ScopeBureauId",
                        column: x => x.ScopeBureauId,
                        principalTable: "Bureau",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NoticeDelivery",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NoticeId = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "text", nullable: true),
                    RecipientName = table.Column<string>(type: "text", nullable: true),
                    Subject = table.Column<string>(type: "text", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: true),
                    Html = table.Column<string>(type: "text", nullable: true),
                    SmsTemplateCode = table.Column<string>(type: "text", nullable: true),
                    SmsParams = table.Column<string>(type: "text", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    MaxAttempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockedBy = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Generation = table.Column<int>(type: "integer", nullable: false),
                    Provider = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ProviderMessageId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Receipt = table.Column<string>(type: "text", nullable: true),
                    ReceiptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PrintedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PrintedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeDelivery", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeDelivery_Notice_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notice",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DutyAssignment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BureauId = table.Column<long>(type: "bigint", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    End = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyAssignment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DutyAssignment_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DutyAssignment_Bureau_BureauId",
                        column: x => x.BureauId,
                        principalTable: "Bureau",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffPhoto",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffPhoto", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_StaffPhoto_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Case",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BureauId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    MatterId = table.Column<long>(type: "bigint", nullable: true),
                    MatterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ApplicantType = table.Column<int>(type: "integer", nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApplicantIdNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ContactPerson = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "text", nullable: true),
                    PhoneDigits = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ConsentSms = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentEmail = table.Column<bool>(type: "boolean", nullable: false),
                    ServiceMode = table.Column<int>(type: "integer", nullable: false),
                    Entrustment = table.Column<string>(type: "text", nullable: true),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    MaterialsReceived = table.Column<string>(type: "text", nullable: true),
                    MaterialsMissing = table.Column<string>(type: "text", nullable: true),
                    MissingNoticeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Tolerant = table.Column<bool>(type: "boolean", nullable: false),
                    ToleranceCommitment = table.Column<string>(type: "text", nullable: true),
                    SupplementBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RejectionReasons = table.Column<string>(type: "text", nullable: true),
                    RejectionLegalBasis = table.Column<string>(type: "text", nullable: true),
                    HomeVisitAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ForwardedToBureauId = table.Column<long>(type: "bigint", nullable: true),
                    OwnerId = table.Column<string>(type: "text", nullable: false),
                    FirstContactId = table.Column<string>(type: "text", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CommittedWorkingDays = table.Column<int>(type: "integer", nullable: true),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverdueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    PausedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Result = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ChainId = table.Column<long>(type: "bigint", nullable: true),
                    ChainPosition = table.Column<int>(type: "integer", nullable: true),
                    SourceCaseId = table.Column<long>(type: "bigint", nullable: true),
                    InstanceId = table.Column<long>(type: "bigint", nullable: true),
                    RowVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Case", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Case_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Case_Bureau_BureauId",
                        column: x => x.BureauId,
                        principalTable: "Bureau",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Case_Matter_MatterId",
                        column: x => x.MatterId,
                        principalTable: "Matter",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MatterChainLink",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatterId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    BureauId = table.Column<long>(type: "bigint", nullable: false),
                    Part = table.Column<string>(type: "text", nullable: false),
                    PartMatterId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterChainLink", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatterChainLink_Bureau_BureauId",
                        column: x => x.BureauId,
                        principalTable: "Bureau",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MatterChainLink_Matter_MatterId",
                        column: x => x.MatterId,
                        principalTable: "Matter",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatterMaterial",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatterId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterMaterial", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatterMaterial_Matter_MatterId",
                        column: x => x.MatterId,
                        principalTable: "Matter",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcedureVersion",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcedureId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Xml = table.Column<string>(type: "text", nullable: false),
                    XmlHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Comment = table.Column<string>(type: "text", nullable: true),
                    BasedOn = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "text", nullable: true),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RetiredBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureVersion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureVersion_Procedure_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "Procedure",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseDuration",
                columns: table => new
                {
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    WorkingDays = table.Column<int>(type: "integer", nullable: true),
                    PausedWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDuration", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_CaseDuration_Case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUp",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    BureauId = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "text", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedById = table.Column<string>(type: "text", nullable: true),
                    ClosedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Resolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RowVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUp", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUp_Case_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Case",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcessInstance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcedureId = table.Column<long>(type: "bigint", nullable: false),
                    ProcedureVersionId = table.Column<long>(type: "bigint", nullable: false),
                    BureauId = table.Column<long>(type: "bigint", nullable: false),
                    ProcessId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BusinessKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CaseId = table.Column<long>(type: "bigint", nullable: true),
                    ParentInstanceId = table.Column<long>(type: "bigint", nullable: true),
                    ParentCallId = table.Column<int>(type: "integer", nullable: true),
                    State = table.Column<string>(type: "text", nullable: false),
                    Path = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    HasIncident = table.Column<bool>(type: "boolean", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedBy = table.Column<string>(type: "text", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndErrorCode = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessInstance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessInstance_ProcedureVersion_ProcedureVersionId",
                        column: x => x.ProcedureVersionId,
                        principalTable: "ProcedureVersion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiToken_Hash",
                table: "ApiToken",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_BureauId",
                table: "AspNetUsers",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bureau_Code",
                table: "Bureau",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bureau_ParentId",
                table: "Bureau",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarOverrideEntry_BureauId_Date",
                table: "CalendarOverrideEntry",
                columns: new[] { "BureauId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Case_BureauId_RegisteredAt",
                table: "Case",
                columns: new[] { "BureauId", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Case_BureauId_Status",
                table: "Case",
                columns: new[] { "BureauId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Case_ChainId",
                table: "Case",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_Case_CompletedAt",
                table: "Case",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Case_Deadline",
                table: "Case",
                column: "Deadline");

            migrationBuilder.CreateIndex(
                name: "IX_Case_ForwardedToBureauId",
                table: "Case",
                column: "ForwardedToBureauId");

            migrationBuilder.CreateIndex(
                name: "IX_Case_InstanceId",
                table: "Case",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_Case_MatterId",
                table: "Case",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_Case_MissingNoticeAt",
                table: "Case",
                column: "MissingNoticeAt");

            migrationBuilder.CreateIndex(
                name: "IX_Case_Number",
                table: "Case",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Case_OwnerId_Status",
                table: "Case",
                columns: new[] { "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Case_RegisteredAt",
                table: "Case",
                column: "RegisteredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Case_SourceCaseId",
                table: "Case",
                column: "SourceCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Case_Status_Deadline",
                table: "Case",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseSpecialProcedure_CaseId",
                table: "CaseSpecialProcedure",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationLogEntry_At",
                table: "CoordinationLogEntry",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationLogEntry_CaseId",
                table: "CoordinationLogEntry",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationLogEntry_ReplyAt",
                table: "CoordinationLogEntry",
                column: "ReplyAt");

            migrationBuilder.CreateIndex(
                name: "IX_Deadline_CaseId",
                table: "Deadline",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Deadline_HolderKind_HolderId",
                table: "Deadline",
                columns: new[] { "HolderKind", "HolderId" });

            migrationBuilder.CreateIndex(
                name: "IX_Deadline_Status_BureauId",
                table: "Deadline",
                columns: new[] { "Status", "BureauId" });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlinePause_DeadlineId",
                table: "DeadlinePause",
                column: "DeadlineId");

            migrationBuilder.CreateIndex(
                name: "IX_DutyAssignment_BureauId_Date_Role_UserId",
                table: "DutyAssignment",
                columns: new[] { "BureauId", "Date", "Role", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DutyAssignment_UserId_Date",
                table: "DutyAssignment",
                columns: new[] { "UserId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluation_At",
                table: "Evaluation",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluation_CaseId",
                table: "Evaluation",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Evaluation_Level_At",
                table: "Evaluation",
                columns: new[] { "Level", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUp_CaseId_Status",
                table: "FollowUp",
                columns: new[] { "CaseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUp_Status_DueOn",
                table: "FollowUp",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Incident_InstanceId_ResolvedAt",
                table: "Incident",
                columns: new[] { "InstanceId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JointChain_CompletedAt",
                table: "JointChain",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_JointChain_FirstCaseId",
                table: "JointChain",
                column: "FirstCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntry_CaseId_Id",
                table: "JournalEntry",
                columns: new[] { "CaseId", "Id" },
                filter: "\"CaseId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntry_InstanceId_Id",
                table: "JournalEntry",
                columns: new[] { "InstanceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Matter_BureauId_Code",
                table: "Matter",
                columns: new[] { "BureauId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatterChainLink_BureauId",
                table: "MatterChainLink",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_MatterChainLink_MatterId_Position",
                table: "MatterChainLink",
                columns: new[] { "MatterId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatterMaterial_MatterId_Position",
                table: "MatterMaterial",
                columns: new[] { "MatterId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Notice_CaseId",
                table: "Notice",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Notice_IdempotencyKey",
                table: "Notice",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notice_InstanceId",
                table: "Notice",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_Notice_Status_CreatedAt",
                table: "Notice",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeDelivery_IdempotencyKey",
                table: "NoticeDelivery",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NoticeDelivery_NoticeId_Channel",
                table: "NoticeDelivery",
                columns: new[] { "NoticeId", "Channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NoticeDelivery_ProviderMessageId",
                table: "NoticeDelivery",
                column: "ProviderMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_NoticeDelivery_Status_NextAttemptAt",
                table: "NoticeDelivery",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeTemplateVersion_BureauId_Template_Part_Version",
                table: "NoticeTemplateVersion",
                columns: new[] { "BureauId", "Template", "Part", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procedure_BureauId_Key",
                table: "Procedure",
                columns: new[] { "BureauId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureVersion_ProcedureId_Number",
                table: "ProcedureVersion",
                columns: new[] { "ProcedureId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureVersion_ProcedureId_Status",
                table: "ProcedureVersion",
                columns: new[] { "ProcedureId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstance_BusinessKey",
                table: "ProcessInstance",
                column: "BusinessKey",
                filter: "\"BusinessKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstance_CaseId",
                table: "ProcessInstance",
                column: "CaseId",
                filter: "\"CaseId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstance_ParentInstanceId",
                table: "ProcessInstance",
                column: "ParentInstanceId",
                filter: "\"ParentInstanceId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstance_ProcedureVersionId",
                table: "ProcessInstance",
                column: "ProcedureVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledTimer_CaseId",
                table: "ScheduledTimer",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledTimer_DeadlineId",
                table: "ScheduledTimer",
                column: "DeadlineId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledTimer_InstanceId_TimerId",
                table: "ScheduledTimer",
                columns: new[] { "InstanceId", "TimerId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledTimer_ProcedureVersionId_ElementId_Occurrence",
                table: "ScheduledTimer",
                columns: new[] { "ProcedureVersionId", "ElementId", "Occurrence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledTimer_Status_DueAt",
                table: "ScheduledTimer",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledTimer_WorkTaskId",
                table: "ScheduledTimer",
                column: "WorkTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceJob_InstanceId_CallId",
                table: "ServiceJob",
                columns: new[] { "InstanceId", "CallId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceJob_Status_NextAttemptAt",
                table: "ServiceJob",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StoredCalendarYear_Year",
                table: "StoredCalendarYear",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subscription_InstanceId_WaitId",
                table: "Subscription",
                columns: new[] { "InstanceId", "WaitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subscription_Kind_Name_CorrelationKey",
                table: "Subscription",
                columns: new[] { "Kind", "Name", "CorrelationKey" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionReport_Kind_PeriodKey_ScopeBureauId_Revision",
                table: "SupervisionReport",
                columns: new[] { "Kind", "PeriodKey", "ScopeBureauId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionReport_ScopeBureauId_GeneratedAt",
                table: "SupervisionReport",
                columns: new[] { "ScopeBureauId", "GeneratedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskComment_WorkTaskId",
                table: "TaskComment",
                column: "WorkTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfer_FromCaseId",
                table: "Transfer",
                column: "FromCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfer_ReceivingCaseId",
                table: "Transfer",
                column: "ReceivingCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfer_SentAt",
                table: "Transfer",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_Transfer_ToBureauId_Status",
                table: "Transfer",
                columns: new[] { "ToBureauId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkTask_AssigneeId_Status",
                table: "WorkTask",
                columns: new[] { "AssigneeId", "Status" },
                filter: "\"AssigneeId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WorkTask_BureauQueue",
                table: "WorkTask",
                column: "BureauId",
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_WorkTask_CaseId",
                table: "WorkTask",
                column: "CaseId",
                filter: "\"CaseId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WorkTask_GroupQueue",
                table: "WorkTask",
                columns: new[] { "Status", "CandidateBureauId" },
                filter: "\"Status\" = 0 AND \"AssigneeId\" IS NULL AND (\"CandidateRoles\" IS NOT NULL OR \"CandidateUsers\" IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_WorkTask_InstanceId_TaskId",
                table: "WorkTask",
                columns: new[] { "InstanceId", "TaskId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiToken");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "CalendarOverrideEntry");

            migrationBuilder.DropTable(
                name: "CalendarRevision");

            migrationBuilder.DropTable(
                name: "CaseDuration");

            migrationBuilder.DropTable(
                name: "CaseNumberSequence");

            migrationBuilder.DropTable(
                name: "CaseSpecialProcedure");

            migrationBuilder.DropTable(
                name: "CoordinationLogEntry");

            migrationBuilder.DropTable(
                name: "DataProtectionKey");

            migrationBuilder.DropTable(
                name: "Deadline");

            migrationBuilder.DropTable(
                name: "DeadlinePause");

            migrationBuilder.DropTable(
                name: "DutyAssignment");

            migrationBuilder.DropTable(
                name: "Evaluation");

            migrationBuilder.DropTable(
                name: "FollowUp");

            migrationBuilder.DropTable(
                name: "Incident");

            migrationBuilder.DropTable(
                name: "JointChain");

            migrationBuilder.DropTable(
                name: "JournalEntry");

            migrationBuilder.DropTable(
                name: "MatterChainLink");

            migrationBuilder.DropTable(
                name: "MatterMaterial");

            migrationBuilder.DropTable(
                name: "NoticeDelivery");

            migrationBuilder.DropTable(
                name: "NoticeSetting");

            migrationBuilder.DropTable(
                name: "NoticeTemplateVersion");

            migrationBuilder.DropTable(
                name: "ProcessInstance");

            migrationBuilder.DropTable(
                name: "ReportScheduleState");

            migrationBuilder.DropTable(
                name: "ScheduledTimer");

            migrationBuilder.DropTable(
                name: "ServiceJob");

            migrationBuilder.DropTable(
                name: "StaffPhoto");

            migrationBuilder.DropTable(
                name: "StoredCalendarYear");

            migrationBuilder.DropTable(
                name: "Subscription");

            migrationBuilder.DropTable(
                name: "SupervisionReport");

            migrationBuilder.DropTable(
                name: "TaskComment");

            migrationBuilder.DropTable(
                name: "Transfer");

            migrationBuilder.DropTable(
                name: "WorkTask");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Case");

            migrationBuilder.DropTable(
                name: "Notice");

            migrationBuilder.DropTable(
                name: "ProcedureVersion");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Matter");

            migrationBuilder.DropTable(
                name: "Procedure");

            migrationBuilder.DropTable(
                name: "Bureau");
        }
    }
}
