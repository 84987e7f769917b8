using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoBan.Workflow.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseDuration",
                columns: table => new
                {
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    PausedWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    BureauId = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedById = table.Column<string>(type: "TEXT", nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "ReportScheduleState",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Cron = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NextDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportScheduleState", x => x.Kind);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionReport",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ScopeBureauId = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    Csv = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: true),
                    GeneratedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    GeneratedById = table.Column<string>(type: "TEXT", nullable: true),
                    GeneratedByName = table.Column<string>(type: "TEXT", nullable: true),
                    Recipients = table.Column<string>(type: "TEXT", nullable: true),
                    EmailsQueued = table.Column<int>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_Transfer_SentAt",
                table: "Transfer",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_JointChain_CompletedAt",
                table: "JointChain",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluation_At",
                table: "Evaluation",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationLogEntry_ReplyAt",
                table: "CoordinationLogEntry",
                column: "ReplyAt");

            migrationBuilder.CreateIndex(
                name: "IX_Case_CompletedAt",
                table: "Case",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Case_Deadline",
                table: "Case",
                column: "Deadline");

            migrationBuilder.CreateIndex(
                name: "IX_Case_MissingNoticeAt",
                table: "Case",
                column: "MissingNoticeAt");

            migrationBuilder.CreateIndex(
                name: "IX_Case_RegisteredAt",
                table: "Case",
                column: "RegisteredAt");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUp_CaseId_Status",
                table: "FollowUp",
                columns: new[] { "CaseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUp_Status_DueOn",
                table: "FollowUp",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionReport_Kind_PeriodKey_ScopeBureauId_Revision",
                table: "SupervisionReport",
                columns: new[] { "Kind", "PeriodKey", "ScopeBureauId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionReport_ScopeBureauId_GeneratedAt",
                table: "SupervisionReport",
                columns: new[] { "ScopeBureauId", "GeneratedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseDuration");

            migrationBuilder.DropTable(
                name: "FollowUp");

            migrationBuilder.DropTable(
                name: "ReportScheduleState");

            migrationBuilder.DropTable(
                name: "SupervisionReport");

            migrationBuilder.DropIndex(
                name: "IX_Transfer_SentAt",
                table: "Transfer");

            migrationBuilder.DropIndex(
                name: "IX_JointChain_CompletedAt",
                table: "JointChain");

            migrationBuilder.DropIndex(
                name: "IX_Evaluation_At",
                table: "Evaluation");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationLogEntry_ReplyAt",
                table: "CoordinationLogEntry");

            migrationBuilder.DropIndex(
                name: "IX_Case_CompletedAt",
                table: "Case");

            migrationBuilder.DropIndex(
                name: "IX_Case_Deadline",
                table: "Case");

            migrationBuilder.DropIndex(
                name: "IX_Case_MissingNoticeAt",
                table: "Case");

            migrationBuilder.DropIndex(
                name: "IX_Case_RegisteredAt",
                table: "Case");
        }
    }
}
