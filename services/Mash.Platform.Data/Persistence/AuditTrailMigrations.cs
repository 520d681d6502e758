using Microsoft.EntityFrameworkCore.Migrations;

namespace Mash.Platform.Persistence;

/// <summary>Database-level guard for the audit table: rows can be added, never changed or removed.</summary>
public static class AuditTrailMigrations
{
    public const string RefusalMessage = "audit entries are append-only";

    /// <summary>Adds the triggers in the dialect of the provider the migration runs on.</summary>
    public static void AddAppendOnlyTriggers(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == MigrationsNamespace.NpgsqlProvider)
        {
            AddPostgreSqlTriggers(migrationBuilder);
            return;
        }

        migrationBuilder.Sql($"""
            CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries
            BEGIN SELECT RAISE(ABORT, '{RefusalMessage}'); END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries
            BEGIN SELECT RAISE(ABORT, '{RefusalMessage}'); END;
            """);
    }

    private static void AddPostgreSqlTriggers(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE OR REPLACE FUNCTION "AuditEntries_RefuseChange"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{RefusalMessage}' USING ERRCODE = 'restrict_violation';
            END;
            $$;
            """);
        // TRUNCATE bypasses row triggers, so it is refused by a statement trigger of its own.
        migrationBuilder.Sql("""
            CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
            FOR EACH ROW EXECUTE FUNCTION "AuditEntries_RefuseChange"();
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
            FOR EACH ROW EXECUTE FUNCTION "AuditEntries_RefuseChange"();
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "AuditEntries_NoTruncate" BEFORE TRUNCATE ON "AuditEntries"
            FOR EACH STATEMENT EXECUTE FUNCTION "AuditEntries_RefuseChange"();
            """);
    }
}
