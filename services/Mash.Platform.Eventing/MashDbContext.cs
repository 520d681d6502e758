using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Eventing.Receipts;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Eventing;

/// <summary>
/// The base of every service's database: its own model, the audit trail, and the event tables
/// (outbox, inbox, disclosures, delivery receipts) written in the same transaction as the change.
/// </summary>
public abstract class MashDbContext(DbContextOptions options) : AuditedDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
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
            // The governance lists: a child's disclosures, and a period's, newest first.
            disclosure.HasIndex(d => new { d.ChildKey, d.DecidedAt, d.Id });
            disclosure.HasIndex(d => new { d.DecidedAt, d.Id });
            disclosure.Property(d => d.AgreementId).HasMaxLength(Agreements.AgreementRegistry.MaxIdLength);
            // Receipts find what they acknowledge; a record's receipts, and what awaits one, are found by these.
            disclosure.HasIndex(d => d.EventId);
            disclosure.HasIndex(d => d.RecordId);
            disclosure.HasIndex(d => new { d.Shared, d.DecidedAt, d.Id });
        });
        modelBuilder.Entity<DeliveryReceiptRecord>(receipt =>
        {
            receipt.ToTable("DeliveryReceipts");
            receipt.HasKey(r => r.Id);
            receipt.HasIndex(r => new { r.EventId, r.ReceivingNode }).IsUnique();
        });
    }
}
