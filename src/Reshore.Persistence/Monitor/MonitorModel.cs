using Microsoft.EntityFrameworkCore;

namespace Reshore.Persistence.Monitor;

/// <summary>The monitor's part of the model: cases and their audit trail (called from <see cref="ReshoreDbContext.OnModelCreating"/>).</summary>
public static class MonitorModel
{
    /// <summary>Configures the monitor tables.</summary>
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<MonitorCaseRecord>(c =>
        {
            c.ToTable("MonitorCases");
            c.HasKey(x => x.Id);
            c.HasIndex(x => x.Status);
            c.HasIndex(x => x.CompanyName);
        });
        builder.Entity<MonitorAuditRecord>(a =>
        {
            a.ToTable("MonitorAudit");
            a.HasKey(x => x.Id);
            a.HasOne<MonitorCaseRecord>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            a.HasIndex(x => new { x.CaseId, x.Version });
        });
    }
}
