using Mash.Platform.Eventing;
using Mash.Platform.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace Mash.Investigation.Data;

public sealed class InvestigationDbContext(DbContextOptions<InvestigationDbContext> options) : MashDbContext(options)
{
    public DbSet<InvestigationRecord> Investigations => Set<InvestigationRecord>();
    public DbSet<InvestigationChildRecord> InvestigationChildren => Set<InvestigationChildRecord>();
    public DbSet<StepRecord> Steps => Set<StepRecord>();
    public DbSet<ReviewRecord> Reviews => Set<ReviewRecord>();
    public DbSet<DeviceRecord> Devices => Set<DeviceRecord>();
    public DbSet<ChargingFileRecord> ChargingFiles => Set<ChargingFileRecord>();
    public DbSet<CaseAuditRecord> CaseAudits => Set<CaseAuditRecord>();
    public DbSet<HighRiskMarkRecord> HighRiskMarks => Set<HighRiskMarkRecord>();
    public DbSet<ReportedStallRecord> ReportedStalls => Set<ReportedStallRecord>();
    public DbSet<KeyedCommand> Commands => Set<KeyedCommand>();

    public IQueryable<InvestigationRecord> InvestigationsWithParts =>
        Investigations.Include(i => i.Children).Include(i => i.Steps).Include(i => i.Reviews).Include(i => i.Devices).Include(i => i.ChargingFiles).AsSplitQuery();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<InvestigationRecord>(investigation =>
        {
            investigation.ToTable("Investigations");
            investigation.HasKey(i => i.Id);
            investigation.Property(i => i.Id).HasMaxLength(64);
            investigation.Property(i => i.Version).IsConcurrencyToken();
            investigation.HasIndex(i => new { i.ClientId, i.IdempotencyKey }).IsUnique();
            investigation.HasIndex(i => new { i.Open, i.OpenedAt, i.Id });
            investigation.HasIndex(i => new { i.Open, i.ReviewDueAt, i.Id });
            investigation.HasIndex(i => new { i.Open, i.Team });
            investigation.HasMany(i => i.Children).WithOne().HasForeignKey(c => c.InvestigationId);
            investigation.HasMany(i => i.Steps).WithOne().HasForeignKey(s => s.InvestigationId);
            investigation.HasMany(i => i.Reviews).WithOne().HasForeignKey(r => r.InvestigationId);
            investigation.HasMany(i => i.Devices).WithOne().HasForeignKey(d => d.InvestigationId);
            investigation.HasMany(i => i.ChargingFiles).WithOne().HasForeignKey(f => f.InvestigationId);
        });
        modelBuilder.Entity<InvestigationChildRecord>(child =>
        {
            child.ToTable("InvestigationChildren");
            child.HasKey(c => c.Id);
            child.HasIndex(c => c.ChildKey);
        });
        modelBuilder.Entity<StepRecord>(step =>
        {
            step.ToTable("PlanSteps");
            step.HasKey(s => s.Id);
            step.Property(s => s.Id).HasMaxLength(64);
        });
        modelBuilder.Entity<ReviewRecord>(review =>
        {
            review.ToTable("SupervisoryReviews");
            review.HasKey(r => r.Id);
        });
        modelBuilder.Entity<DeviceRecord>(device =>
        {
            device.ToTable("Devices");
            device.HasKey(d => d.Id);
            device.Property(d => d.Id).HasMaxLength(64);
            device.HasIndex(d => new { d.Queued, d.Priority, d.SubmittedAt });
            device.HasIndex(d => d.SubmittedAt);
        });
        modelBuilder.Entity<ChargingFileRecord>(file =>
        {
            file.ToTable("ChargingFiles");
            file.HasKey(f => f.Id);
            file.Property(f => f.Id).HasMaxLength(64);
            file.HasIndex(f => new { f.DecidedAt, f.SentAt });
        });
        modelBuilder.Entity<CaseAuditRecord>(audit =>
        {
            audit.ToTable("CaseAudits");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Id).HasMaxLength(64);
            audit.HasIndex(a => a.Quarter);
            audit.HasIndex(a => a.InvestigationId);
        });
        modelBuilder.Entity<HighRiskMarkRecord>(mark =>
        {
            mark.ToTable("HighRiskMarks");
            mark.HasKey(m => m.Id);
            mark.Property(m => m.Id).HasMaxLength(64);
            mark.HasIndex(m => new { m.ChildKey, m.Active });
            mark.HasIndex(m => m.Active);
        });
        modelBuilder.Entity<ReportedStallRecord>(reported =>
        {
            reported.ToTable("ReportedStalls");
            reported.HasKey(r => r.InvestigationId);
            reported.Property(r => r.InvestigationId).HasMaxLength(64);
        });
        KeyedCommand.Map(modelBuilder, "Commands");
    }
}
