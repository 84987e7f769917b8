using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoBan.Workflow.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Timers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "ElementId",
                table: "ScheduledTimer",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "ScheduledTimer",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Action",
                table: "ScheduledTimer",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "ScheduledTimer",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BasisDueAt",
                table: "ScheduledTimer",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "BureauId",
                table: "ScheduledTimer",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CaseId",
                table: "ScheduledTimer",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeadlineId",
                table: "ScheduledTimer",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "ScheduledTimer",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Occurrence",
                table: "ScheduledTimer",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ProcedureVersionId",
                table: "ScheduledTimer",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetryAt",
                table: "ScheduledTimer",
                type: "timestamp with time zone",
                nullable: true);

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

            migrationBuilder.AlterColumn<string>(
                name: "ElementId",
                table: "ScheduledTimer",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "ScheduledTimer",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300,
                oldNullable: true);
        }
    }
}
