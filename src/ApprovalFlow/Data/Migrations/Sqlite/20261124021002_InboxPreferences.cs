using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalFlow.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AwayUntil",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InboxView",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubstituteUserId",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SubstituteUserId",
                table: "AspNetUsers",
                column: "SubstituteUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_AspNetUsers_SubstituteUserId",
                table: "AspNetUsers",
                column: "SubstituteUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_AspNetUsers_SubstituteUserId",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_SubstituteUserId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "AwayUntil",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "InboxView",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SubstituteUserId",
                table: "AspNetUsers");
        }
    }
}
