using Mash.Platform.Eventing;
using Mash.Platform.Idempotency;
using Mash.Platform.Persistence;
using Mash.Referral.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mash.Referral.Data;

public sealed class ReferralDbContext(DbContextOptions<ReferralDbContext> options) : MashDbContext(options)
{
    public DbSet<ReferralRecord> Referrals => Set<ReferralRecord>();
    public DbSet<ReferralCountRecord> ReferralCounts => Set<ReferralCountRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ReferralRecord>(referral =>
        {
            // The count triggers fire after each change; SQLite's RETURNING clause cannot be used on a table with
            // AFTER triggers, so EF Core reads the rows changed the older way here.
            referral.ToTable("Referrals", table => table.UseSqlReturningClause(false));
            referral.HasKey(r => r.Id);
            referral.Property(r => r.Id).HasMaxLength(40);
            referral.Property(r => r.IdempotencyKey).HasMaxLength(IdempotencyKeys.MaxLength);
            referral.Property(r => r.OriginNode).HasMaxLength(ReferralLimits.MaxNodeIdLength);
            referral.Property(r => r.FrontDoorNode).HasMaxLength(ReferralLimits.MaxNodeIdLength);
            referral.Property(r => r.Version).IsConcurrencyToken();
            // One referral per submitting node, client and key, even when two retries race.
            referral.HasIndex(r => new { r.OriginNode, r.ClientId, r.IdempotencyKey }).IsUnique();
            // The screening queue: undecided referrals in due order.
            referral.HasIndex(r => new { r.Status, r.DueAt, r.Id });
            // The queue's and the managers' figures for undecided referrals per status and role (counts, past due,
            // past decision due, oldest received) from the index alone, never touching the decided ones.
            referral.HasIndex(r => new { r.Status, r.Role, r.DueAt, r.ReceivedAt, r.DecisionDueAt });
            referral.HasIndex(r => new { r.DueAt, r.Id });
            // The partnership's figures: a year of an area's referrals and each stage's times from the index alone,
            // never the rows (whose details are most of the table).
            referral.HasIndex(r => new { r.Role, r.Area, r.ReceivedAt, r.ScreenedAt, r.RagDueAt, r.DecidedAt, r.DecisionDueAt });
            referral.HasIndex(r => r.ChildKey);
            // Decisions made before next steps started at the decision, still to announce: few, then none.
            referral.HasIndex(r => r.NextStepsPending).HasFilter(IsTrue(nameof(ReferralRecord.NextStepsPending)));
        });
        modelBuilder.Entity<ReferralCountRecord>(count =>
        {
            count.ToTable("ReferralCounts");
            count.HasKey(c => new { c.Role, c.Status });
        });
    }
}
