using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Investigation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StallReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportedStalls",
                columns: table => new
                {
                    InvestigationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportedStalls", x => x.InvestigationId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportedStalls");
        }
    }
}
