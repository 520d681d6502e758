using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mash.Offender.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PartnerReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DestinationNode",
                table: "Disclosures",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RecordId",
                table: "Disclosures",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "DeliveryReceipts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<string>(type: "text", nullable: false),
                    ReceivingNode = table.Column<string>(type: "text", nullable: false),
                    ReceivingAgency = table.Column<int>(type: "integer", nullable: false),
                    StoredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryReceipts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_EventId",
                table: "Disclosures",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_RecordId",
                table: "Disclosures",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_Shared_DecidedAt_Id",
                table: "Disclosures",
                columns: new[] { "Shared", "DecidedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryReceipts_EventId_ReceivingNode",
                table: "DeliveryReceipts",
                columns: new[] { "EventId", "ReceivingNode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliveryReceipts");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_EventId",
                table: "Disclosures");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_RecordId",
                table: "Disclosures");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_Shared_DecidedAt_Id",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "DestinationNode",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "RecordId",
                table: "Disclosures");
        }
    }
}
