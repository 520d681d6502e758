using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Assessment.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Governance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Disclosures_ChildKey",
                table: "Disclosures");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ChildKey",
                table: "AuditEntries");

            migrationBuilder.AddColumn<string>(
                name: "AgreementId",
                table: "Disclosures",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RecipientAgency",
                table: "Disclosures",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AccessedAtNode",
                table: "AuditEntries",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PractitionerId",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PractitionerName",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PractitionerRole",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "PractitionerSource",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_ChildKey_DecidedAt_Id",
                table: "Disclosures",
                columns: new[] { "ChildKey", "DecidedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_DecidedAt_Id",
                table: "Disclosures",
                columns: new[] { "DecidedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ChildKey_OccurredAt_Sequence",
                table: "AuditEntries",
                columns: new[] { "ChildKey", "OccurredAt", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Disclosures_ChildKey_DecidedAt_Id",
                table: "Disclosures");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_DecidedAt_Id",
                table: "Disclosures");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ChildKey_OccurredAt_Sequence",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "AgreementId",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "RecipientAgency",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "AccessedAtNode",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PractitionerId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PractitionerName",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PractitionerRole",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PractitionerSource",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_ChildKey",
                table: "Disclosures",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ChildKey",
                table: "AuditEntries",
                column: "ChildKey");
        }
    }
}
