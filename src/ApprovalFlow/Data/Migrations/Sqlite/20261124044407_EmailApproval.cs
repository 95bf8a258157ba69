using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalFlow.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ProposalId",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "QueuedAtUtcTicks",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "SentTo",
                table: "Notifications",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApprovalLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApproverUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectRevision = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RevokedReason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApprovalLinks_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MailTemplates",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailTemplates", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_QueuedAtUtcTicks",
                table: "Notifications",
                column: "QueuedAtUtcTicks");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalLinks_TokenHash",
                table: "ApprovalLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalLinks_WorkItemId",
                table: "ApprovalLinks",
                column: "WorkItemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovalLinks");

            migrationBuilder.DropTable(
                name: "MailTemplates");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_QueuedAtUtcTicks",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "ProposalId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "QueuedAtUtcTicks",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "SentTo",
                table: "Notifications");
        }
    }
}
