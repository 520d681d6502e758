using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Data;

public sealed class ReferralDbContext(DbContextOptions<ReferralDbContext> options) : MashDbContext(options)
{
    public DbSet<ReferralRecord> Referrals => Set<ReferralRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ReferralRecord>(referral =>
        {
            referral.ToTable("Referrals");
            referral.HasKey(r => r.Id);
            referral.Property(r => r.Id).HasMaxLength(40);
            referral.Property(r => r.IdempotencyKey).HasMaxLength(128);
            referral.Property(r => r.Version).IsConcurrencyToken();
            // One referral per client and key, even when two retries race.
            referral.HasIndex(r => new { r.ClientId, r.IdempotencyKey }).IsUnique();
            // The screening queue: undecided referrals in due order.
            referral.HasIndex(r => new { r.Status, r.DueAt, r.Id });
            // The queue's and the managers' figures per status (counts, past due, past decision due,
            // oldest received) from the index alone.
            referral.HasIndex(r => new { r.Status, r.DueAt, r.ReceivedAt, r.DecisionDueAt });
            referral.HasIndex(r => new { r.DueAt, r.Id });
            referral.HasIndex(r => r.ChildKey);
        });
    }
}
