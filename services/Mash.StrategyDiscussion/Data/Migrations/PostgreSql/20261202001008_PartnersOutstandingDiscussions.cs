using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.StrategyDiscussion.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PartnersOutstandingDiscussions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Discussions_ChildKey_Open",
                table: "Discussions");

            migrationBuilder.CreateIndex(
                name: "IX_Discussions_ChildKey_Open",
                table: "Discussions",
                column: "ChildKey",
                unique: true,
                filter: "\"Status\" IN (1, 2) AND NOT \"Received\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Discussions_ChildKey_Open",
                table: "Discussions");

            migrationBuilder.CreateIndex(
                name: "IX_Discussions_ChildKey_Open",
                table: "Discussions",
                column: "ChildKey",
                unique: true,
                filter: "\"Status\" IN (1, 2)");
        }
    }
}
