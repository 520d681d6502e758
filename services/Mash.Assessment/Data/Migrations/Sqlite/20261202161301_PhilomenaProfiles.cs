using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Assessment.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PhilomenaProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PhilomenaProfiles",
                columns: table => new
                {
                    ChildKey = table.Column<string>(type: "TEXT", nullable: false),
                    Profile = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CareProviderClientId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhilomenaProfiles", x => x.ChildKey);
                });

            migrationBuilder.CreateTable(
                name: "ReleasedPhilomenaProfiles",
                columns: table => new
                {
                    EpisodeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChildKey = table.Column<string>(type: "TEXT", nullable: false),
                    OriginNode = table.Column<string>(type: "TEXT", nullable: false),
                    Profile = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ReleasedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReleasedPhilomenaProfiles", x => x.EpisodeId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PhilomenaProfiles");

            migrationBuilder.DropTable(
                name: "ReleasedPhilomenaProfiles");
        }
    }
}
