using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoBan.Workflow.Data.Migrations.Sqlite
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

            migrationBuilder.AddColumn<long>(
                name: "ReceivingEndedAt",
                table: "Transfer",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RespondedBy",
                table: "Transfer",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SentBy",
                table: "Transfer",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StopReason",
                table: "JointChain",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StoppedAt",
                table: "JointChain",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Answer",
                table: "Evaluation",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnVisitNote",
                table: "Evaluation",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Evaluation",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Substantiated",
                table: "Evaluation",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CommittedWorkingDays",
                table: "Case",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Case",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ForwardedToBureauId",
                table: "Case",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HomeVisitAt",
                table: "Case",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MissingNoticeAt",
                table: "Case",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OverdueAt",
                table: "Case",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneDigits",
                table: "Case",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionLegalBasis",
                table: "Case",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionReasons",
                table: "Case",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SupplementBy",
                table: "Case",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToleranceCommitment",
                table: "Case",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Tolerant",
                table: "Case",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RectificationWorkingDays",
                table: "Bureau",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ServiceHours",
                table: "Bureau",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseSpecialProcedure",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WorkingDaysGivenBack = table.Column<int>(type: "INTEGER", nullable: true),
                    Result = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseSpecialProcedure", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffPhoto",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
