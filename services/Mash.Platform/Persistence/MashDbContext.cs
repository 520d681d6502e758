using Mash.Platform.Audit;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mash.Platform.Persistence;

/// <summary>The base of every service's database: its own model plus the audit trail.</summary>
public abstract class MashDbContext(DbContextOptions options) : DbContext(options)
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
            audit.HasIndex(e => e.ChildKey);
        });
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("Outbox");
            outbox.HasKey(m => m.Sequence);
            outbox.HasIndex(m => m.EventId).IsUnique();
            // The relay's query: unpublished rows in order.
            outbox.HasIndex(m => new { m.PublishedAt, m.Sequence });
        });
        modelBuilder.Entity<ProcessedEvent>(inbox =>
        {
            inbox.ToTable("Inbox");
            inbox.HasKey(e => e.EventId);
        });
        modelBuilder.Entity<DisclosureRecord>(disclosure =>
        {
            disclosure.ToTable("Disclosures");
            disclosure.HasKey(d => d.Id);
            disclosure.HasIndex(d => d.ChildKey);
            // Receipts find what they acknowledge; a record's receipts, and what awaits one, are found by these.
            disclosure.HasIndex(d => d.EventId);
            disclosure.HasIndex(d => d.RecordId);
            disclosure.HasIndex(d => new { d.Shared, d.DecidedAt, d.Id });
        });
        modelBuilder.Entity<Eventing.Receipts.DeliveryReceiptRecord>(receipt =>
        {
            receipt.ToTable("DeliveryReceipts");
            receipt.HasKey(r => r.Id);
            receipt.HasIndex(r => new { r.EventId, r.ReceivingNode }).IsUnique();
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

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
