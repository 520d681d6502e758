using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Offender.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RiskChangeInternalNote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InternalNote",
                table: "RiskChanges",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InternalNote",
                table: "RiskChanges");
        }
    }
}
