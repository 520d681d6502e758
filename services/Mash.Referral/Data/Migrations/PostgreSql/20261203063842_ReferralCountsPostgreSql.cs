using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mash.Referral.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReferralCountsPostgreSql : Migration
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
                    Role = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
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
            // Every audited write already holds the audit chain's lock, so the count rows add no new waiting.
            migrationBuilder.Sql("""
                CREATE FUNCTION referrals_counted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        UPDATE "ReferralCounts" SET "Count" = "Count" - 1 WHERE "Role" = OLD."Role" AND "Status" = OLD."Status";
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        INSERT INTO "ReferralCounts" ("Role", "Status", "Count") VALUES (NEW."Role", NEW."Status", 1)
                        ON CONFLICT ("Role", "Status") DO UPDATE SET "Count" = "ReferralCounts"."Count" + 1;
                    END IF;
                    RETURN NULL;
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Referrals_Counted_Insert_Delete" AFTER INSERT OR DELETE ON "Referrals"
                FOR EACH ROW EXECUTE FUNCTION referrals_counted();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Referrals_Counted_Update" AFTER UPDATE OF "Role", "Status" ON "Referrals"
                FOR EACH ROW WHEN (OLD."Role" <> NEW."Role" OR OLD."Status" <> NEW."Status") EXECUTE FUNCTION referrals_counted();
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ReferralCounts" ("Role", "Status", "Count") SELECT "Role", "Status", COUNT(*) FROM "Referrals" GROUP BY "Role", "Status";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Referrals_Counted_Insert_Delete" ON "Referrals";""");
            migrationBuilder.Sql("""DROP TRIGGER "Referrals_Counted_Update" ON "Referrals";""");
            migrationBuilder.Sql("""DROP FUNCTION referrals_counted();""");

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
