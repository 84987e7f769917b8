using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoBan.Workflow.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Engine_TaskPriority : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "WorkTask",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Priority",
                table: "WorkTask");
        }
    }
}
