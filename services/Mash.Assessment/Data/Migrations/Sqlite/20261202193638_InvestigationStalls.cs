using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Assessment.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InvestigationStalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InvestigationStalls",
                columns: table => new
                {
                    InvestigationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChildKey = table.Column<string>(type: "TEXT", nullable: false),
                    Change = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
