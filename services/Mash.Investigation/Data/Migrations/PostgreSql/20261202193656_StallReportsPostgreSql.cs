using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Investigation.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StallReportsPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportedStalls",
                columns: table => new
                {
                    InvestigationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Fingerprint = table.Column<string>(type: "text", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
