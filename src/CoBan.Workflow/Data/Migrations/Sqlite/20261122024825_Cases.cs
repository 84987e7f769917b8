using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoBan.Workflow.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BureauId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    MatterId = table.Column<long>(type: "INTEGER", nullable: true),
                    MatterName = table.Column<string>(type: "TEXT", nullable: false),
                    ApplicantType = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", nullable: false),
                    ApplicantIdNumber = table.Column<string>(type: "TEXT", nullable: true),
                    ContactPerson = table.Column<string>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    Address = table.Column<string>(type: "TEXT", nullable: true),
                    ConsentSms = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    ServiceMode = table.Column<int>(type: "INTEGER", nullable: false),
                    Entrustment = table.Column<string>(type: "TEXT", nullable: true),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    MaterialsReceived = table.Column<string>(type: "TEXT", nullable: true),
                    MaterialsMissing = table.Column<string>(type: "TEXT", nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                    FirstContactId = table.Column<string>(type: "TEXT", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: true),
                    Paused = table.Column<bool>(type: "INTEGER", nullable: false),
                    PausedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Result = table.Column<string>(type: "TEXT", nullable: true),
                    ChainId = table.Column<long>(type: "INTEGER", nullable: true),
                    ChainPosition = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceCaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    InstanceId = table.Column<long>(type: "INTEGER", nullable: true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false)
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
                    BureauId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Next = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNumberSequence", x => new { x.BureauId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "CoordinationLogEntry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    CoordinatorId = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Handling = table.Column<string>(type: "TEXT", nullable: false),
                    ReplyMethod = table.Column<string>(type: "TEXT", nullable: false),
                    ReplyAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", nullable: true),
                    SignedOnPaper = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinationLogEntry", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DutyAssignment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BureauId = table.Column<long>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyAssignment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Evaluation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", nullable: true),
                    RealName = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    RectifyBy = table.Column<long>(type: "INTEGER", nullable: true),
                    RectifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Rectification = table.Column<string>(type: "TEXT", nullable: true),
                    ReturnVisitAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RectificationInstanceId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evaluation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JointChain",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MatterId = table.Column<long>(type: "INTEGER", nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", nullable: false),
                    FirstCaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Completed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointChain", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Matter",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BureauId = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", nullable: true),
                    LimitWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    InPersonSteps = table.Column<string>(type: "TEXT", nullable: true),
                    TolerantAcceptance = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsJoint = table.Column<bool>(type: "INTEGER", nullable: false),
                    RemindBeforeWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalateAfterWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Fees = table.Column<string>(type: "TEXT", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MatterId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    BureauId = table.Column<long>(type: "INTEGER", nullable: false),
                    Part = table.Column<string>(type: "TEXT", nullable: false),
                    PartMatterId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterChainLink", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MatterMaterial",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MatterId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterMaterial", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Transfer",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromCaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromBureauId = table.Column<long>(type: "INTEGER", nullable: false),
                    ToBureauId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", nullable: true),
                    CrossLevel = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivingCaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
