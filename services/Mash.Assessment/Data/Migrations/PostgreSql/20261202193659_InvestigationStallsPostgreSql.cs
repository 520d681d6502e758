using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Assessment.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InvestigationStallsPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InvestigationStalls",
                columns: table => new
                {
                    InvestigationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChildKey = table.Column<string>(type: "text", nullable: false),
                    Change = table.Column<byte[]>(type: "bytea", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvestigationStalls", x => new { x.InvestigationId, x.ChildKey });
                });

            migrationBuilder.CreateIndex(
                name: "IX_InvestigationStalls_ChildKey",
                table: "InvestigationStalls",
                column: "ChildKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InvestigationStalls");
        }
    }
}
