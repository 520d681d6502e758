using Mash.Platform.Eventing;
using Mash.Platform.Idempotency;
using Mash.Platform.Identity;
using Mash.Contracts.Strategy.V1;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mash.StrategyDiscussion.Data;

public sealed class StrategyDbContext(DbContextOptions<StrategyDbContext> options) : MashDbContext(options)
{
    // As stored, for the open-discussion index's filter (SQL).
    private const int StatusRequired = (int)DiscussionStatus.Required;
    private const int StatusScheduled = (int)DiscussionStatus.Scheduled;

    public DbSet<DiscussionRecord> Discussions => Set<DiscussionRecord>();
    public DbSet<ParticipantRecord> Participants => Set<ParticipantRecord>();
    public DbSet<ActionRecord> Actions => Set<ActionRecord>();

    /// <summary>Discussions with their participants and actions, each list read by a query of its own.</summary>
    public IQueryable<DiscussionRecord> DiscussionsWithParts =>
        Discussions.Include(d => d.Participants).Include(d => d.Actions).AsSplitQuery();

    /// <summary>
    /// The discussion a trigger (an assessment, a flag, a referral decision) started, if any. The condition on an
    /// empty source repeats the partial index's filter: SQLite uses the index only then, and reads the whole table
    /// otherwise.
    /// </summary>
    public IQueryable<string> DiscussionIdsStartedBy(DiscussionTrigger trigger, string sourceId) =>
        Discussions.AsNoTracking().Where(d => d.Trigger == trigger && d.SourceId == sourceId && d.SourceId != "").Select(d => d.Id);

    /// <summary>A caller's discussion by its idempotency key; the empty key's condition as for <see cref="DiscussionIdsStartedBy"/>.</summary>
    public IQueryable<DiscussionRecord> DiscussionsByIdempotencyKey(string clientId, string key) =>
        DiscussionsWithParts.AsNoTracking().Where(d => d.ClientId == clientId && d.IdempotencyKey == key && d.IdempotencyKey != "");

    /// <summary>The child's discussion held here and not yet held (required or scheduled), if any: a child has at most one.</summary>
    public Task<string?> OpenDiscussionIdAsync(string childKey, CancellationToken cancellationToken) =>
        Discussions.AsNoTracking()
            .Where(d => d.ChildKey == childKey && !d.Received && (d.Status == DiscussionStatus.Required || d.Status == DiscussionStatus.Scheduled))
            .Select(d => d.Id)
            .FirstOrDefaultAsync(cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<DiscussionRecord>(discussion =>
        {
            discussion.ToTable("Discussions");
            discussion.HasKey(d => d.Id);
            discussion.Property(d => d.Id).HasMaxLength(64);
            discussion.Property(d => d.IdempotencyKey).HasMaxLength(IdempotencyKeys.MaxLength);
            discussion.Property(d => d.Version).IsConcurrencyToken();
            discussion.HasIndex(d => new { d.ClientId, d.IdempotencyKey }).IsUnique().HasFilter("\"IdempotencyKey\" <> ''");
            // One discussion per triggering assessment or flag, however often its event arrives.
            discussion.HasIndex(d => new { d.Trigger, d.SourceId }).IsUnique().HasFilter("\"SourceId\" <> ''");
            // At most one open discussion held here per child, even when two requests race; partners'
            // outstanding discussions for the same child are theirs, listed beside it.
            discussion.HasIndex(d => d.ChildKey).IsUnique()
                .HasFilter($"\"Status\" IN ({StatusRequired}, {StatusScheduled}) AND {IsFalse("Received")}").HasDatabaseName("IX_Discussions_ChildKey_Open");
            discussion.HasIndex(d => new { d.ChildKey, d.RequiredAt });
            discussion.HasIndex(d => new { d.RequiredAt, d.Id });
            discussion.HasIndex(d => new { d.Status, d.DueAt, d.Id });
            discussion.HasIndex(d => new { d.ConferenceDueAt, d.Id });
            discussion.HasMany(d => d.Participants).WithOne().HasForeignKey(p => p.DiscussionId);
            discussion.HasMany(d => d.Actions).WithOne().HasForeignKey(a => a.DiscussionId);
        });
        modelBuilder.Entity<ParticipantRecord>(participant =>
        {
            participant.ToTable("Participants");
            participant.HasKey(p => p.Id);
        });
        // The node's children, to name them on partners' discussions.
        modelBuilder.HasKnownChildren();
        modelBuilder.Entity<ActionRecord>(action =>
        {
            action.ToTable("SafeguardingActions");
            action.HasKey(a => a.Id);
            action.Property(a => a.Id).HasMaxLength(64);
            action.HasIndex(a => new { a.CompletedAt, a.DueAt, a.Id });
        });
    }
}
