using Mash.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mash.Platform.Persistence;

/// <summary>
/// The data layer's base of a service's database: the audit trail and the platform's
/// conventions. Services derive from Mash.Platform.Eventing's AuditedDbContext, which adds the
/// event tables written in the same transaction.
/// </summary>
public abstract class AuditedDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("AuditEntries");
            audit.HasKey(e => e.Sequence);
            audit.Property(e => e.Sequence).ValueGeneratedNever();
            audit.Property(e => e.Hash).HasMaxLength(64);
            audit.Property(e => e.PreviousHash).HasMaxLength(64);
            // Who accessed a child's records, newest first (the governance API).
            audit.HasIndex(e => new { e.ChildKey, e.OccurredAt, e.Sequence });
            audit.Property(e => e.PractitionerId).HasMaxLength(PractitionerHeaders.MaxIdLength);
            audit.Property(e => e.PractitionerName).HasMaxLength(PractitionerHeaders.MaxNameLength);
            audit.Property(e => e.PractitionerRole).HasMaxLength(PractitionerHeaders.MaxRoleLength);
        });
    }

    /// <summary>
    /// A filter (e.g. of a partial index) true where a boolean column is: SQLite stores booleans
    /// as 0/1, PostgreSQL has a boolean type that does not compare with integers.
    /// </summary>
    protected string IsTrue(string column) =>
        Database.IsNpgsql() ? $"\"{column}\"" : $"\"{column}\" = 1";

    /// <summary>The opposite filter of <see cref="IsTrue"/>.</summary>
    protected string IsFalse(string column) =>
        Database.IsNpgsql() ? $"NOT \"{column}\"" : $"\"{column}\" = 0";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored as UTC and read back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    /// <summary>Public for the compiled models, which name it.</summary>
    public sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
