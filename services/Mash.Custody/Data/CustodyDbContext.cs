using Mash.Platform.Eventing;
using Mash.Platform.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace Mash.Custody.Data;

public sealed class CustodyDbContext(DbContextOptions<CustodyDbContext> options) : MashDbContext(options)
{
    public DbSet<DetentionRecord> Detentions => Set<DetentionRecord>();
    public DbSet<AccommodationRequestRecord> AccommodationRequests => Set<AccommodationRequestRecord>();
    public DbSet<ReceivedRequestRecord> ReceivedRequests => Set<ReceivedRequestRecord>();
    public DbSet<LookedAfterChildRecord> LookedAfterChildren => Set<LookedAfterChildRecord>();
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    public DbSet<ChildNotificationRecord> ChildNotifications => Set<ChildNotificationRecord>();
    public DbSet<SchoolNotificationRecord> SchoolNotifications => Set<SchoolNotificationRecord>();
    public DbSet<EnrolmentRecord> Enrolments => Set<EnrolmentRecord>();
    public DbSet<KeyedCommand> Commands => Set<KeyedCommand>();

    public IQueryable<DetentionRecord> DetentionsWithParts =>
        Detentions.Include(d => d.AppropriateAdults).Include(d => d.Reviews).Include(d => d.Requests).AsSplitQuery();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<DetentionRecord>(detention =>
        {
            detention.ToTable("Detentions");
            detention.HasKey(d => d.Id);
            detention.Property(d => d.Id).HasMaxLength(64);
            detention.Property(d => d.Version).IsConcurrencyToken();
            detention.HasIndex(d => new { d.InCustody, d.ArrivedAt, d.Id });
            detention.HasIndex(d => new { d.AuthorisedAt, d.Id });
            detention.HasIndex(d => d.ChildKey);
            detention.HasMany(d => d.AppropriateAdults).WithOne().HasForeignKey(a => a.DetentionId);
            detention.HasMany(d => d.Reviews).WithOne().HasForeignKey(r => r.DetentionId);
            detention.HasMany(d => d.Requests).WithOne().HasForeignKey(r => r.DetentionId);
        });
        modelBuilder.Entity<AppropriateAdultRecord>(adult =>
        {
            adult.ToTable("AppropriateAdults");
            adult.HasKey(a => a.Id);
            adult.Property(a => a.Id).HasMaxLength(64);
        });
        modelBuilder.Entity<ReviewRecord>(review =>
        {
            review.ToTable("DetentionReviews");
            review.HasKey(r => r.Id);
            review.Property(r => r.Id).HasMaxLength(64);
        });
        modelBuilder.Entity<AccommodationRequestRecord>(request =>
        {
            request.ToTable("AccommodationRequests");
            request.HasKey(r => r.Id);
            request.Property(r => r.Id).HasMaxLength(64);
            request.OwnsOne(r => r.Answer);
        });
        modelBuilder.Entity<ReceivedRequestRecord>(request =>
        {
            request.ToTable("ReceivedAccommodationRequests");
            request.HasKey(r => r.Id);
            request.Property(r => r.Id).HasMaxLength(64);
            request.Property(r => r.Version).IsConcurrencyToken();
            request.HasIndex(r => new { r.Answered, r.RequestedAt, r.Id });
            request.HasIndex(r => new { r.RequestedAt, r.Id });
            request.OwnsOne(r => r.Answer);
        });
        modelBuilder.Entity<LookedAfterChildRecord>(child =>
        {
            child.ToTable("LookedAfterChildren");
            child.HasKey(c => c.ChildKey);
        });
        MapEncompass(modelBuilder);
        KeyedCommand.Map(modelBuilder, "Commands");
    }

    /// <summary>Operation Encompass: incidents and their children at a police node; notifications and enrolments at a local authority node.</summary>
    private static void MapEncompass(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IncidentRecord>(incident =>
        {
            incident.ToTable("DomesticAbuseIncidents");
            incident.HasKey(i => i.Id);
            incident.Property(i => i.Id).HasMaxLength(64);
            incident.HasIndex(i => new { i.RecordedAt, i.Id });
            incident.HasMany(i => i.Notifications).WithOne().HasForeignKey(n => n.IncidentId);
        });
        modelBuilder.Entity<ChildNotificationRecord>(notification =>
        {
            notification.ToTable("IncidentChildren");
            notification.HasKey(n => n.Id);
            notification.Property(n => n.Id).HasMaxLength(64);
            notification.HasIndex(n => n.ChildKey);
        });
        modelBuilder.Entity<SchoolNotificationRecord>(notification =>
        {
            notification.ToTable("SchoolNotifications");
            notification.HasKey(n => n.Id);
            notification.Property(n => n.Id).HasMaxLength(64);
            notification.Property(n => n.Version).IsConcurrencyToken();
            // A school's list, the team's list by stage, everything oldest first, the overdue gauge, and the figures' period.
            notification.HasIndex(n => new { n.SchoolUrn, n.OccurredAt, n.Id });
            notification.HasIndex(n => new { n.Stage, n.OccurredAt, n.Id });
            notification.HasIndex(n => new { n.OccurredAt, n.Id });
            notification.HasIndex(n => new { n.Stage, n.DueAt });
            notification.HasIndex(n => n.ReceivedAt);
            notification.HasIndex(n => n.ChildKey);
        });
        modelBuilder.Entity<EnrolmentRecord>(enrolment =>
        {
            enrolment.ToTable("SchoolEnrolments");
            enrolment.HasKey(e => e.ChildKey);
        });
    }
}
