using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalFlow.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MailDocumentsAndInbox : Migration
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
                name: "DocumentVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SignedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Pdf = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Docx = table.Column<byte[]>(type: "BLOB", nullable: false),
                    PdfSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DocxSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentVersions", x => x.Id);
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
                name: "IX_WorkItems_AssigneeUserId_Status",
                table: "WorkItems",
                columns: new[] { "AssigneeUserId", "Status" },
                filter: "\"AssigneeUserId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_ClaimedByUserId_Status",
                table: "WorkItems",
                columns: new[] { "ClaimedByUserId", "Status" },
                filter: "\"ClaimedByUserId\" IS NOT NULL");

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

            migrationBuilder.CreateIndex(
                name: "IX_DocumentVersions_Kind_SubjectId_Version",
                table: "DocumentVersions",
                columns: new[] { "Kind", "SubjectId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovalLinks");

            migrationBuilder.DropTable(
                name: "DocumentVersions");

            migrationBuilder.DropTable(
                name: "MailTemplates");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_AssigneeUserId_Status",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_ClaimedByUserId_Status",
                table: "WorkItems");

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
