using Microsoft.EntityFrameworkCore.Migrations;

namespace Mash.Platform.Persistence;

/// <summary>Database-level guard for the audit table: rows can be added, never changed or removed.</summary>
public static class AuditTrailMigrations
{
    public static void AddAppendOnlyTriggers(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries
            BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries
            BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
            """);
    }
}
