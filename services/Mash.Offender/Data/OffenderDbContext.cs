using Mash.Platform.Eventing;
using Mash.Platform.Idempotency;
using Mash.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mash.Offender.Data;

public sealed class OffenderDbContext(DbContextOptions<OffenderDbContext> options) : MashDbContext(options)
{
    public DbSet<OffenderRecord> Offenders => Set<OffenderRecord>();
    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();
    public DbSet<VisitRecord> Visits => Set<VisitRecord>();
    public DbSet<MeasureRecord> Measures => Set<MeasureRecord>();
    public DbSet<ChildLinkRecord> ChildLinks => Set<ChildLinkRecord>();
    public DbSet<CommandRecord> Commands => Set<CommandRecord>();

    /// <summary>Offenders with everything the full view shows, each list read by a query of its own.</summary>
    /// <summary>
    /// The offender registered with a PNC id, if any. The condition on an empty id repeats the partial index's
    /// filter: SQLite uses the index only then, and reads every offender otherwise.
    /// </summary>
    public IQueryable<string> OffenderIdsWithPnc(string pncId) =>
        Offenders.AsNoTracking().Where(o => o.PncId == pncId && o.PncId != "").Select(o => o.Id);

    public IQueryable<OffenderRecord> OffendersWithParts =>
        Offenders
            .Include(o => o.RiskChanges).Include(o => o.Notifications).Include(o => o.Visits).Include(o => o.Links)
            .Include(o => o.Measures).ThenInclude(m => m.ProtectedChildren)
            .Include(o => o.Measures).ThenInclude(m => m.Breaches)
            .AsSplitQuery();

    public IQueryable<MeasureRecord> MeasuresWithParts =>
        Measures.Include(m => m.ProtectedChildren).Include(m => m.Breaches).AsSplitQuery();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<OffenderRecord>(offender =>
        {
            offender.ToTable("Offenders");
            offender.HasKey(o => o.Id);
            offender.Property(o => o.Id).HasMaxLength(64);
            offender.Property(o => o.Version).IsConcurrencyToken();
            offender.HasIndex(o => o.PncId).IsUnique().HasFilter("\"PncId\" <> ''");
            offender.HasIndex(o => new { o.AreaKey, o.Risk, o.Id });
            offender.HasIndex(o => new { o.NextVisitDueBy, o.Id });
            offender.HasIndex(o => new { o.ReconfirmationDueBy, o.Id });
            offender.HasMany(o => o.RiskChanges).WithOne().HasForeignKey(r => r.OffenderId);
            offender.HasMany(o => o.Notifications).WithOne().HasForeignKey(n => n.OffenderId);
            offender.HasMany(o => o.Visits).WithOne().HasForeignKey(v => v.OffenderId);
            offender.HasMany(o => o.Measures).WithOne().HasForeignKey(m => m.OffenderId);
            offender.HasMany(o => o.Links).WithOne().HasForeignKey(l => l.OffenderId);
        });
        modelBuilder.Entity<RiskChangeRecord>(change => change.ToTable("RiskChanges").HasKey(r => r.Id));
        modelBuilder.Entity<NotificationRecord>(notification =>
        {
            notification.ToTable("Notifications");
            notification.HasKey(n => n.Id);
            notification.Property(n => n.Id).HasMaxLength(64);
            notification.HasIndex(n => new { n.Breach, n.DueBy, n.Id });
        });
        modelBuilder.Entity<VisitRecord>(visit =>
        {
            visit.ToTable("Visits");
            visit.HasKey(v => v.Id);
            visit.Property(v => v.Id).HasMaxLength(64);
        });
        modelBuilder.Entity<MeasureRecord>(measure =>
        {
            measure.ToTable("Measures");
            measure.HasKey(m => m.Id);
            measure.Property(m => m.Id).HasMaxLength(64);
            measure.HasIndex(m => new { m.ExpiresOn, m.Id });
            measure.HasIndex(m => new { m.LastBreachOn, m.Id });
            measure.HasMany(m => m.ProtectedChildren).WithOne().HasForeignKey(c => c.MeasureId);
            measure.HasMany(m => m.Breaches).WithOne().HasForeignKey(b => b.MeasureId);
        });
        modelBuilder.Entity<ProtectedChildRecord>(child =>
        {
            child.ToTable("ProtectedChildren");
            child.HasKey(c => c.Id);
            child.HasIndex(c => c.ChildKey);
        });
        modelBuilder.Entity<MeasureBreachRecord>(breach =>
        {
            breach.ToTable("MeasureBreaches");
            breach.HasKey(b => b.Id);
            breach.Property(b => b.Id).HasMaxLength(64);
        });
        modelBuilder.Entity<ChildLinkRecord>(link =>
        {
            link.ToTable("ChildLinks");
            link.HasKey(l => l.Id);
            link.Property(l => l.Id).HasMaxLength(64);
            // One link per child and offender, even when two requests race.
            link.HasIndex(l => new { l.OffenderId, l.ChildKey }).IsUnique();
            link.HasIndex(l => l.ChildKey);
        });
        modelBuilder.Entity<CommandRecord>(command =>
        {
            command.ToTable("Commands");
            command.HasKey(c => new { c.ClientId, c.IdempotencyKey });
            command.Property(c => c.IdempotencyKey).HasMaxLength(IdempotencyKeys.MaxLength);
        });
    }
}
