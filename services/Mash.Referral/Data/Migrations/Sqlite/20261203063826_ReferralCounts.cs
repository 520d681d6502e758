using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Referral.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferralCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_Role_Status_DueAt_ReceivedAt_DecisionDueAt",
                table: "Referrals");

            migrationBuilder.CreateTable(
                name: "ReferralCounts",
                columns: table => new
                {
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralCounts", x => new { x.Role, x.Status });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_Role_DueAt_ReceivedAt_DecisionDueAt",
                table: "Referrals",
                columns: new[] { "Status", "Role", "DueAt", "ReceivedAt", "DecisionDueAt" });

            // The database keeps the counts itself, in the statement that changes a referral: no write path
            // (a submit, a screening, a decision, an event from the front door, a bulk load) can miss one.
            migrationBuilder.Sql("""
                CREATE TRIGGER "Referrals_Counted_Insert" AFTER INSERT ON "Referrals"
                BEGIN
                    INSERT INTO "ReferralCounts" ("Role", "Status", "Count") VALUES (NEW."Role", NEW."Status", 1)
                    ON CONFLICT ("Role", "Status") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Referrals_Counted_Update" AFTER UPDATE OF "Role", "Status" ON "Referrals"
                WHEN OLD."Role" <> NEW."Role" OR OLD."Status" <> NEW."Status"
                BEGIN
                    UPDATE "ReferralCounts" SET "Count" = "Count" - 1 WHERE "Role" = OLD."Role" AND "Status" = OLD."Status";
                    INSERT INTO "ReferralCounts" ("Role", "Status", "Count") VALUES (NEW."Role", NEW."Status", 1)
                    ON CONFLICT ("Role", "Status") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Referrals_Counted_Delete" AFTER DELETE ON "Referrals"
                BEGIN
                    UPDATE "ReferralCounts" SET "Count" = "Count" - 1 WHERE "Role" = OLD."Role" AND "Status" = OLD."Status";
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ReferralCounts" ("Role", "Status", "Count") SELECT "Role", "Status", COUNT(*) FROM "Referrals" GROUP BY "Role", "Status";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Referrals_Counted_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER "Referrals_Counted_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Referrals_Counted_Delete";""");

            migrationBuilder.DropTable(
                name: "ReferralCounts");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_Status_Role_DueAt_ReceivedAt_DecisionDueAt",
                table: "Referrals");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Role_Status_DueAt_ReceivedAt_DecisionDueAt",
                table: "Referrals",
                columns: new[] { "Role", "Status", "DueAt", "ReceivedAt", "DecisionDueAt" });
        }
    }
}
