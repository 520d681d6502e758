using Mash.Platform.Eventing;
using Mash.Platform.Idempotency;
using Mash.Platform.Identity;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mash.Assessment.Data;

public sealed class AssessmentDbContext(DbContextOptions<AssessmentDbContext> options) : MashDbContext(options)
{
    public DbSet<AssessmentRecord> Assessments => Set<AssessmentRecord>();
    public DbSet<AgencyCheckRecord> AgencyChecks => Set<AgencyCheckRecord>();
    public DbSet<CseFlagRecord> CseFlags => Set<CseFlagRecord>();
    public DbSet<CseFlagHistoryRecord> CseFlagHistory => Set<CseFlagHistoryRecord>();
    public DbSet<PartnerRiskRecord> PartnerRisks => Set<PartnerRiskRecord>();
    public DbSet<ChildDiscussionRecord> ChildDiscussions => Set<ChildDiscussionRecord>();
    public DbSet<MissingEpisodeRecord> MissingEpisodes => Set<MissingEpisodeRecord>();
    public DbSet<KeyedCommand> Commands => Set<KeyedCommand>();
    public DbSet<InvestigationStallRecord> InvestigationStalls => Set<InvestigationStallRecord>();
    public DbSet<PhilomenaProfileRecord> PhilomenaProfiles => Set<PhilomenaProfileRecord>();
    public DbSet<ReleasedProfileRecord> ReleasedProfiles => Set<ReleasedProfileRecord>();

    public IQueryable<MissingEpisodeRecord> EpisodesWithGrades => MissingEpisodes.Include(e => e.Grades);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<InvestigationStallRecord>(stall =>
        {
            stall.ToTable("InvestigationStalls");
            stall.HasKey(x => new { x.InvestigationId, x.ChildKey });
            stall.Property(x => x.InvestigationId).HasMaxLength(64);
            stall.HasIndex(x => x.ChildKey);
        });
        modelBuilder.Entity<MissingEpisodeRecord>(episode =>
        {
            episode.ToTable("MissingEpisodes");
            episode.HasKey(e => e.Id);
            episode.Property(e => e.Id).HasMaxLength(64);
            episode.Property(e => e.Version).IsConcurrencyToken();
            episode.HasIndex(e => new { e.ChildKey, e.ReportedAt });
            episode.HasIndex(e => new { e.Open, e.ReportedAt, e.Id });
            episode.HasIndex(e => new { e.ReturnedAt, e.Id });
            episode.HasMany(e => e.Grades).WithOne().HasForeignKey(g => g.EpisodeId);
        });
        modelBuilder.Entity<MissingGradeRecord>(grade => grade.ToTable("MissingGrades").HasKey(g => g.Id));
        KeyedCommand.Map(modelBuilder, "MissingCommands");
        modelBuilder.Entity<PhilomenaProfileRecord>(profile => profile.ToTable("PhilomenaProfiles").HasKey(p => p.ChildKey));
        modelBuilder.Entity<ReleasedProfileRecord>(released =>
        {
            released.ToTable("ReleasedPhilomenaProfiles");
            released.HasKey(r => r.EpisodeId);
            released.Property(r => r.EpisodeId).HasMaxLength(64);
        });
        modelBuilder.Entity<AssessmentRecord>(assessment =>
        {
            assessment.ToTable("Assessments");
            assessment.HasKey(a => a.Id);
            assessment.Property(a => a.Id).HasMaxLength(40);
            assessment.Property(a => a.Version).IsConcurrencyToken();
            // One assessment per referral, however often its event arrives.
            assessment.HasIndex(a => a.ReferralId).IsUnique();
            assessment.HasIndex(a => new { a.DueAt, a.Id });
            assessment.HasIndex(a => new { a.Status, a.DueAt, a.Id });
            assessment.HasIndex(a => new { a.ChildKey, a.CompletedAt });
            assessment.HasMany(a => a.Checks).WithOne().HasForeignKey(c => c.AssessmentId);
        });
        modelBuilder.Entity<AgencyCheckRecord>(check =>
        {
            check.ToTable("AgencyChecks");
            check.HasKey(c => c.Id);
        });
        modelBuilder.Entity<CseFlagRecord>(flag =>
        {
            flag.ToTable("CseFlags");
            flag.HasKey(f => f.Id);
            flag.Property(f => f.Id).HasMaxLength(40);
            flag.Property(f => f.IdempotencyKey).HasMaxLength(IdempotencyKeys.MaxLength);
            flag.Property(f => f.SuspectOffenderId).HasMaxLength(64);
            flag.Property(f => f.Version).IsConcurrencyToken();
            flag.HasIndex(f => new { f.ClientId, f.IdempotencyKey }).IsUnique();
            // At most one active flag per child, even when two raises race.
            flag.HasIndex(f => f.ChildKey).IsUnique().HasFilter(IsTrue("Active")).HasDatabaseName("IX_CseFlags_ChildKey_Active");
            flag.HasIndex(f => new { f.ChildKey, f.RaisedAt });
            flag.HasMany(f => f.History).WithOne().HasForeignKey(h => h.FlagId);
        });
        modelBuilder.Entity<CseFlagHistoryRecord>(history =>
        {
            history.ToTable("CseFlagHistory");
            history.HasKey(h => h.Id);
        });
        // The node's children, to name them where only partners shared something about them.
        modelBuilder.HasKnownChildren();
        modelBuilder.Entity<ChildDiscussionRecord>(discussion =>
        {
            discussion.ToTable("ChildDiscussions");
            discussion.HasKey(d => d.DiscussionId);
            discussion.Property(d => d.DiscussionId).HasMaxLength(64);
            discussion.HasIndex(d => d.ChildKey);
        });
        modelBuilder.Entity<PartnerRiskRecord>(partner =>
        {
            partner.ToTable("PartnerRisks");
            partner.HasKey(p => p.Sequence);
            partner.HasIndex(p => p.EventId).IsUnique();
            partner.HasIndex(p => new { p.ChildKey, p.OccurredAt });
        });
    }
}
