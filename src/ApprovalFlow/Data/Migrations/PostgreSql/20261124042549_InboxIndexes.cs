using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalFlow.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_AssigneeUserId_Status",
                table: "WorkItems",
                columns: new[] { "AssigneeUserId", "Status" },
                filter: "\"AssigneeUserId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_ClaimedByUserId_Status",
                table: "WorkItems",
                columns: new[] { "ClaimedByUserId", "Status" },
                filter: "\"ClaimedByUserId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_AssigneeUserId_Status",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_ClaimedByUserId_Status",
                table: "WorkItems");
        }
    }
}
