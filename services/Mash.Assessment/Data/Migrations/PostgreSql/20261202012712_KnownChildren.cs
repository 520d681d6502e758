using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Assessment.Data.Migrations.PostgreSql
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
                    ChildKey = table.Column<string>(type: "text", nullable: false),
                    Child = table.Column<byte[]>(type: "bytea", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
