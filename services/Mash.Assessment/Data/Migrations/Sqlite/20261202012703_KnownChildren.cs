using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Assessment.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KnownChildren : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KnownChildren",
                columns: table => new
                {
                    ChildKey = table.Column<string>(type: "TEXT", nullable: false),
                    Child = table.Column<byte[]>(type: "BLOB", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnownChildren", x => x.ChildKey);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KnownChildren");
        }
    }
}
