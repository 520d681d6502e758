using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Referral.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddQueueFiguresIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_DueAt_ReceivedAt_DecisionDueAt",
                table: "Referrals",
                columns: new[] { "Status", "DueAt", "ReceivedAt", "DecisionDueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_Status_DueAt_ReceivedAt_DecisionDueAt",
                table: "Referrals");
        }
    }
}
