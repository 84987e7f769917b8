using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoBan.Workflow.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                    MatterName = table.Column<string>(type: "text", nullable: false),
                    ApplicantType = table.Column<int>(type: "integer", nullable: false),
                    ApplicantName = table.Column<string>(type: "text", nullable: false),
                    ApplicantIdNumber = table.Column<string>(type: "text", nullable: true),
                    ContactPerson = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    Email = table.Column<string>(type: "text", nullable: true),
                    Address = table.Column<string>(type: "text", nullable: true),
                    ConsentSms = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentEmail = table.Column<bool>(type: "boolean", nullable: false),
                    ServiceMode = table.Column<int>(type: "integer", nullable: false),
                    Entrustment = table.Column<string>(type: "text", nullable: true),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    MaterialsReceived = table.Column<string>(type: "text", nullable: true),
                    MaterialsMissing = table.Column<string>(type: "text", nullable: true),
                    OwnerId = table.Column<string>(type: "text", nullable: false),
                    FirstContactId = table.Column<string>(type: "text", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    PausedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Result = table.Column<string>(type: "text", nullable: true),
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
                        name: "FK_Case_Bureau_BureauId",
                        column: x => x.BureauId,
                        principalTable: "Bureau",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "CoordinationLogEntry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    CoordinatorId = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Handling = table.Column<string>(type: "text", nullable: false),
                    ReplyMethod = table.Column<string>(type: "text", nullable: false),
                    ReplyAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Signature = table.Column<string>(type: "text", nullable: true),
                    SignedOnPaper = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinationLogEntry", x => x.Id);
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
                });

            migrationBuilder.CreateTable(
                name: "Evaluation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "text", nullable: true),
                    RealName = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RectifyBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RectifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Rectification = table.Column<string>(type: "text", nullable: true),
                    ReturnVisitAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RectificationInstanceId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evaluation", x => x.Id);
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
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointChain", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Matter",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BureauId = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
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
                });

            migrationBuilder.CreateTable(
                name: "MatterMaterial",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatterId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterMaterial", x => x.Id);
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
                    Reasons = table.Column<string>(type: "text", nullable: false),
                    LegalBasis = table.Column<string>(type: "text", nullable: true),
                    CrossLevel = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReceivingCaseId = table.Column<long>(type: "bigint", nullable: true),
                    RefusalReason = table.Column<string>(type: "text", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Transfer", x => x.Id);
                });

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
                name: "IX_Case_InstanceId",
                table: "Case",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_Case_MatterId",
                table: "Case",
                column: "MatterId");

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
                name: "IX_Case_Status_Deadline",
                table: "Case",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationLogEntry_CaseId",
                table: "CoordinationLogEntry",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_DutyAssignment_BureauId_Date_Role",
                table: "DutyAssignment",
                columns: new[] { "BureauId", "Date", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyAssignment_UserId_Date",
                table: "DutyAssignment",
                columns: new[] { "UserId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluation_CaseId",
                table: "Evaluation",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluation_Level_At",
                table: "Evaluation",
                columns: new[] { "Level", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_JointChain_FirstCaseId",
                table: "JointChain",
                column: "FirstCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Matter_BureauId_Code",
                table: "Matter",
                columns: new[] { "BureauId", "Code" },
                unique: true);

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
                name: "IX_Transfer_FromCaseId",
                table: "Transfer",
                column: "FromCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfer_ToBureauId_Status",
                table: "Transfer",
                columns: new[] { "ToBureauId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Case");

            migrationBuilder.DropTable(
                name: "CaseNumberSequence");

            migrationBuilder.DropTable(
                name: "CoordinationLogEntry");

            migrationBuilder.DropTable(
                name: "DutyAssignment");

            migrationBuilder.DropTable(
                name: "Evaluation");

            migrationBuilder.DropTable(
                name: "JointChain");

            migrationBuilder.DropTable(
                name: "Matter");

            migrationBuilder.DropTable(
                name: "MatterChainLink");

            migrationBuilder.DropTable(
                name: "MatterMaterial");

            migrationBuilder.DropTable(
                name: "Transfer");
        }
    }
}
