using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoBan.Workflow.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Case_Obligations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ApplicantIdType",
                table: "Case",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PublishDutyMobiles",
                table: "Bureau",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApplicantIdType",
                table: "Case");

            migrationBuilder.DropColumn(
                name: "PublishDutyMobiles",
                table: "Bureau");
        }
    }
}
