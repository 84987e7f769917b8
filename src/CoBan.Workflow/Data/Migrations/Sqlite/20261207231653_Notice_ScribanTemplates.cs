using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoBan.Workflow.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Syntax",
                table: "NoticeTemplateVersion",
                type: "TEXT",
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
