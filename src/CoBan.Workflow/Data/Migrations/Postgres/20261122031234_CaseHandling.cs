using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoBan.Workflow.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseHandling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Evaluation_CaseId",
                table: "Evaluation");

            migrationBuilder.DropIndex(
                name: "IX_DutyAssignment_BureauId_Date_Role",
                table: "DutyAssignment");

            migrationBuilder.AlterColumn<string>(
                name: "Reasons",
                table: "Transfer",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReceivingEndedAt",
                table: "Transfer",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RespondedBy",
                table: "Transfer",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SentBy",
                table: "Transfer",
                type: "text",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "MatterMaterial",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Matter",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Matter",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "StopReason",
                table: "JointChain",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StoppedAt",
                table: "JointChain",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Comment",
                table: "Evaluation",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Answer",
                table: "Evaluation",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnVisitNote",
                table: "Evaluation",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Evaluation",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Substantiated",
                table: "Evaluation",
                type: "boolean",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ReplyMethod",
                table: "CoordinationLogEntry",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Result",
                table: "Case",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Phone",
                table: "Case",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "MatterName",
                table: "Case",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "Case",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ContactPerson",
                table: "Case",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ApplicantName",
                table: "Case",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "ApplicantIdNumber",
                table: "Case",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CommittedWorkingDays",
                table: "Case",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Case",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ForwardedToBureauId",
                table: "Case",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HomeVisitAt",
                table: "Case",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MissingNoticeAt",
                table: "Case",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OverdueAt",
                table: "Case",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneDigits",
                table: "Case",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionLegalBasis",
                table: "Case",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionReasons",
                table: "Case",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SupplementBy",
                table: "Case",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToleranceCommitment",
                table: "Case",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Tolerant",
                table: "Case",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RectificationWorkingDays",
                table: "Bureau",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ServiceHours",
                table: "Bureau",
                type: "text",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Transfer_ReceivingCaseId",
                table: "Transfer",
                column: "ReceivingCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_MatterChainLink_BureauId",
                table: "MatterChainLink",
                column: "BureauId");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluation_CaseId",
                table: "Evaluation",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DutyAssignment_BureauId_Date_Role_UserId",
                table: "DutyAssignment",
                columns: new[] { "BureauId", "Date", "Role", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationLogEntry_At",
                table: "CoordinationLogEntry",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Case_ForwardedToBureauId",
                table: "Case",
                column: "ForwardedToBureauId");

            migrationBuilder.CreateIndex(
                name: "IX_Case_SourceCaseId",
                table: "Case",
                column: "SourceCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseSpecialProcedure_CaseId",
                table: "CaseSpecialProcedure",
                column: "CaseId");

            migrationBuilder.AddForeignKey(
                name: "FK_Case_AspNetUsers_OwnerId",
                table: "Case",
                column: "OwnerId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Case_Matter_MatterId",
                table: "Case",
                column: "MatterId",
                principalTable: "Matter",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DutyAssignment_AspNetUsers_UserId",
                table: "DutyAssignment",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_DutyAssignment_Bureau_BureauId",
                table: "DutyAssignment",
                column: "BureauId",
                principalTable: "Bureau",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MatterChainLink_Bureau_BureauId",
                table: "MatterChainLink",
                column: "BureauId",
                principalTable: "Bureau",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MatterChainLink_Matter_MatterId",
                table: "MatterChainLink",
                column: "MatterId",
                principalTable: "Matter",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MatterMaterial_Matter_MatterId",
                table: "MatterMaterial",
                column: "MatterId",
                principalTable: "Matter",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Case_AspNetUsers_OwnerId",
                table: "Case");

            migrationBuilder.DropForeignKey(
                name: "FK_Case_Matter_MatterId",
                table: "Case");

            migrationBuilder.DropForeignKey(
                name: "FK_DutyAssignment_AspNetUsers_UserId",
                table: "DutyAssignment");

            migrationBuilder.DropForeignKey(
                name: "FK_DutyAssignment_Bureau_BureauId",
                table: "DutyAssignment");

            migrationBuilder.DropForeignKey(
                name: "FK_MatterChainLink_Bureau_BureauId",
                table: "MatterChainLink");

            migrationBuilder.DropForeignKey(
                name: "FK_MatterChainLink_Matter_MatterId",
                table: "MatterChainLink");

            migrationBuilder.DropForeignKey(
                name: "FK_MatterMaterial_Matter_MatterId",
                table: "MatterMaterial");

            migrationBuilder.DropTable(
                name: "CaseSpecialProcedure");

            migrationBuilder.DropTable(
                name: "StaffPhoto");

            migrationBuilder.DropIndex(
                name: "IX_Transfer_ReceivingCaseId",
                table: "Transfer");

            migrationBuilder.DropIndex(
                name: "IX_MatterChainLink_BureauId",
                table: "MatterChainLink");

            migrationBuilder.DropIndex(
                name: "IX_Evaluation_CaseId",
                table: "Evaluation");

            migrationBuilder.DropIndex(
                name: "IX_DutyAssignment_BureauId_Date_Role_UserId",
                table: "DutyAssignment");

            migrationBuilder.DropIndex(
                name: "IX_CoordinationLogEntry_At",
                table: "CoordinationLogEntry");

            migrationBuilder.DropIndex(
                name: "IX_Case_ForwardedToBureauId",
                table: "Case");

            migrationBuilder.DropIndex(
                name: "IX_Case_SourceCaseId",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "ReceivingEndedAt",
                table: "Transfer");

            migrationBuilder.DropColumn(
                name: "RespondedBy",
                table: "Transfer");

            migrationBuilder.DropColumn(
                name: "SentBy",
                table: "Transfer");

            migrationBuilder.DropColumn(
                name: "StopReason",
                table: "JointChain");

            migrationBuilder.DropColumn(
                name: "StoppedAt",
                table: "JointChain");

            migrationBuilder.DropColumn(
                name: "Answer",
                table: "Evaluation");

            migrationBuilder.DropColumn(
                name: "ReturnVisitNote",
                table: "Evaluation");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Evaluation");

            migrationBuilder.DropColumn(
                name: "Substantiated",
                table: "Evaluation");

            migrationBuilder.DropColumn(
                name: "CommittedWorkingDays",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "ForwardedToBureauId",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "HomeVisitAt",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "MissingNoticeAt",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "OverdueAt",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "PhoneDigits",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "RejectionLegalBasis",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "RejectionReasons",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "SupplementBy",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "ToleranceCommitment",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "Tolerant",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "RectificationWorkingDays",
                table: "Bureau");

            migrationBuilder.DropColumn(
                name: "ServiceHours",
                table: "Bureau");

            migrationBuilder.AlterColumn<string>(
                name: "Reasons",
                table: "Transfer",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "MatterMaterial",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Matter",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Matter",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);

            migrationBuilder.AlterColumn<string>(
                name: "Comment",
                table: "Evaluation",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ReplyMethod",
                table: "CoordinationLogEntry",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<string>(
                name: "Result",
                table: "Case",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Phone",
                table: "Case",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "MatterName",
                table: "Case",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "Case",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ContactPerson",
                table: "Case",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ApplicantName",
                table: "Case",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "ApplicantIdNumber",
                table: "Case",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Evaluation_CaseId",
                table: "Evaluation",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_DutyAssignment_BureauId_Date_Role",
                table: "DutyAssignment",
                columns: new[] { "BureauId", "Date", "Role" });
        }
    }
}
