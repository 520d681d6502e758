using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Assessment.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CseFlagSuspect : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactPlace",
                table: "CseFlags",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ContactPlatform",
                table: "CseFlags",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "SuspectAgeBand",
                table: "CseFlags",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SuspectAgeYears",
                table: "CseFlags",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SuspectDescription",
                table: "CseFlags",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SuspectOffenderId",
                table: "CseFlags",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "SuspectRelationship",
                table: "CseFlags",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContactPlace",
                table: "CseFlags");

            migrationBuilder.DropColumn(
                name: "ContactPlatform",
                table: "CseFlags");

            migrationBuilder.DropColumn(
                name: "SuspectAgeBand",
                table: "CseFlags");

            migrationBuilder.DropColumn(
                name: "SuspectAgeYears",
                table: "CseFlags");

            migrationBuilder.DropColumn(
                name: "SuspectDescription",
                table: "CseFlags");

            migrationBuilder.DropColumn(
                name: "SuspectOffenderId",
                table: "CseFlags");

            migrationBuilder.DropColumn(
                name: "SuspectRelationship",
                table: "CseFlags");
        }
    }
}
