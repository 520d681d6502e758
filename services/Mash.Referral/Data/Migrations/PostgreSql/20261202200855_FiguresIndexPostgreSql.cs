using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Referral.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FiguresIndexPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Role_Area_ReceivedAt_ScreenedAt_RagDueAt_DecidedA~",
                table: "Referrals",
                columns: new[] { "Role", "Area", "ReceivedAt", "ScreenedAt", "RagDueAt", "DecidedAt", "DecisionDueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_Role_Area_ReceivedAt_ScreenedAt_RagDueAt_DecidedA~",
                table: "Referrals");
        }
    }
}
