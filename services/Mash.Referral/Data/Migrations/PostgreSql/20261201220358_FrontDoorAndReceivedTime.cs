using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Referral.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FrontDoorAndReceivedTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_ClientId_IdempotencyKey",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_Status_DueAt_ReceivedAt_DecisionDueAt",
                table: "Referrals");

            migrationBuilder.AddColumn<DateTime>(
                name: "AcknowledgedAt",
                table: "Referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedByAgency",
                table: "Referrals",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "DueDeadline",
                table: "Referrals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "EnteredAt",
                table: "Referrals",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "FrontDoorNode",
                table: "Referrals",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "NextStepsPending",
                table: "Referrals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OriginNode",
                table: "Referrals",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Role",
                table: "Referrals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ScreenedByAgency",
                table: "Referrals",
                type: "text",
                nullable: false,
                defaultValue: "");

            // Every referral so far was screened and decided where it was submitted, its clocks counted from
            // entry; a decision already made has not yet been announced to the Assessment service (DecisionBackfill).
            migrationBuilder.Sql("""
                UPDATE "Referrals" SET
                    "Role" = 1,
                    "EnteredAt" = "ReceivedAt",
                    "DueDeadline" = CASE WHEN "RagDueAt" IS NOT NULL AND "RagDueAt" < "DecisionDueAt" THEN 2 ELSE 1 END,
                    "NextStepsPending" = CASE WHEN "Status" = 3 THEN TRUE ELSE FALSE END
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_NextStepsPending",
                table: "Referrals",
                column: "NextStepsPending",
                filter: "\"NextStepsPending\"");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_OriginNode_ClientId_IdempotencyKey",
                table: "Referrals",
                columns: new[] { "OriginNode", "ClientId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Role_Status_DueAt_ReceivedAt_DecisionDueAt",
                table: "Referrals",
                columns: new[] { "Role", "Status", "DueAt", "ReceivedAt", "DecisionDueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_NextStepsPending",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_OriginNode_ClientId_IdempotencyKey",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_Role_Status_DueAt_ReceivedAt_DecisionDueAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "DecidedByAgency",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "DueDeadline",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "EnteredAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "FrontDoorNode",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "NextStepsPending",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "OriginNode",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ScreenedByAgency",
                table: "Referrals");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ClientId_IdempotencyKey",
                table: "Referrals",
                columns: new[] { "ClientId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_DueAt_ReceivedAt_DecisionDueAt",
                table: "Referrals",
                columns: new[] { "Status", "DueAt", "ReceivedAt", "DecisionDueAt" });
        }
    }
}
