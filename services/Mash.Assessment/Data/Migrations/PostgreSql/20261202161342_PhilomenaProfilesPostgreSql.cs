using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Assessment.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PhilomenaProfilesPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PhilomenaProfiles",
                columns: table => new
                {
                    ChildKey = table.Column<string>(type: "text", nullable: false),
                    Profile = table.Column<byte[]>(type: "bytea", nullable: false),
                    CareProviderClientId = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhilomenaProfiles", x => x.ChildKey);
                });

            migrationBuilder.CreateTable(
                name: "ReleasedPhilomenaProfiles",
                columns: table => new
                {
                    EpisodeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChildKey = table.Column<string>(type: "text", nullable: false),
                    OriginNode = table.Column<string>(type: "text", nullable: false),
                    Profile = table.Column<byte[]>(type: "bytea", nullable: false),
                    ReleasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
