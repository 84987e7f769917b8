using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoBan.Workflow.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Notice_ScribanTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "NoticeTemplateVersion",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Syntax",
                table: "NoticeTemplateVersion",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "NoticeTemplateVersion");

            migrationBuilder.DropColumn(
                name: "Syntax",
                table: "NoticeTemplateVersion");
        }
    }
}
