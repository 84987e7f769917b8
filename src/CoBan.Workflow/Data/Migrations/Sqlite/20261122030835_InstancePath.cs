using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoBan.Workflow.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InstancePath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Path",
                table: "ProcessInstance",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Path",
                table: "ProcessInstance");
        }
    }
}
