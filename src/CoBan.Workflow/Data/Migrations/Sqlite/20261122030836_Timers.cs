using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoBan.Workflow.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Timers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Action",
                table: "ScheduledTimer",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "ScheduledTimer",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "BasisDueAt",
                table: "ScheduledTimer",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "BureauId",
                table: "ScheduledTimer",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CaseId",
                table: "ScheduledTimer",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeadlineId",
                table: "ScheduledTimer",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "ScheduledTimer",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Occurrence",
                table: "ScheduledTimer",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ProcedureVersionId",
                table: "ScheduledTimer",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RetryAt",
                table: "ScheduledTimer",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarOverrideEntry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BureauId = table.Column<long>(type: "INTEGER", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsWorkingDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", nullable: true),
                    RevokeReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarOverrideEntry", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarRevision",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarRevision", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Deadline",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HolderKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HolderId = table.Column<long>(type: "INTEGER", nullable: false),
                    BureauId = table.Column<long>(type: "INTEGER", nullable: false),
                    InstanceId = table.Column<long>(type: "INTEGER", nullable: true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    WorkTaskId = table.Column<long>(type: "INTEGER", nullable: true),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LimitWorkingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OriginalDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PausedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PauseReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PausedWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RemindBeforeWorkingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    EscalateAfterWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingCalendarYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deadline", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeadlinePause",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeadlineId = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    WorkingDaysGivenBack = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlinePause", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredCalendarYear",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LoadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LoadedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredCalendarYear", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledTimer_CaseId",
                table: "ScheduledTimer",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledTimer_DeadlineId",
                table: "ScheduledTimer",
                column: "DeadlineId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledTimer_ProcedureVersionId_ElementId_Occurrence",
                table: "ScheduledTimer",
                columns: new[] { "ProcedureVersionId", "ElementId", "Occurrence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarOverrideEntry_BureauId_Date",
                table: "CalendarOverrideEntry",
                columns: new[] { "BureauId", "Date" });

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
                name: "IX_StoredCalendarYear_Year",
                table: "StoredCalendarYear",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarOverrideEntry");

            migrationBuilder.DropTable(
                name: "CalendarRevision");

            migrationBuilder.DropTable(
                name: "Deadline");

            migrationBuilder.DropTable(
                name: "DeadlinePause");

            migrationBuilder.DropTable(
                name: "StoredCalendarYear");

            migrationBuilder.DropIndex(
                name: "IX_ScheduledTimer_CaseId",
                table: "ScheduledTimer");

            migrationBuilder.DropIndex(
                name: "IX_ScheduledTimer_DeadlineId",
                table: "ScheduledTimer");

            migrationBuilder.DropIndex(
                name: "IX_ScheduledTimer_ProcedureVersionId_ElementId_Occurrence",
                table: "ScheduledTimer");

            migrationBuilder.DropColumn(
                name: "Action",
                table: "ScheduledTimer");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "ScheduledTimer");

            migrationBuilder.DropColumn(
                name: "BasisDueAt",
                table: "ScheduledTimer");

            migrationBuilder.DropColumn(
                name: "BureauId",
                table: "ScheduledTimer");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "ScheduledTimer");

            migrationBuilder.DropColumn(
                name: "DeadlineId",
                table: "ScheduledTimer");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "ScheduledTimer");

            migrationBuilder.DropColumn(
                name: "Occurrence",
                table: "ScheduledTimer");

            migrationBuilder.DropColumn(
                name: "ProcedureVersionId",
                table: "ScheduledTimer");

            migrationBuilder.DropColumn(
                name: "RetryAt",
                table: "ScheduledTimer");
        }
    }
}
