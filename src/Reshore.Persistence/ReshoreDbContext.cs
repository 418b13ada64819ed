using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Reshore.Persistence;

/// <summary>
/// The application database: Identity accounts, workspaces and cases. One model, two providers; each provider has its
/// own subclass so that each keeps its own migrations (SQLite and PostgreSQL differ in column types).
/// </summary>
public class ReshoreDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser>(options)
{
    /// <summary>Workspaces.</summary>
    public DbSet<Workspace> Workspaces => Set<Workspace>();
    /// <summary>Memberships.</summary>
    public DbSet<WorkspaceMember> WorkspaceMembers => Set<WorkspaceMember>();
    /// <summary>Cases.</summary>
    public DbSet<CaseRecord> Cases => Set<CaseRecord>();
    /// <summary>Saved versions of the cases.</summary>
    public DbSet<CaseVersionRecord> CaseVersions => Set<CaseVersionRecord>();
    /// <summary>Workspaces' own reference values (countries, lanes, HS codes).</summary>
    public DbSet<WorkspaceReferenceOverride> ReferenceOverrides => Set<WorkspaceReferenceOverride>();
    /// <summary>Reshoring-monitor cases.</summary>
    public DbSet<Monitor.MonitorCaseRecord> MonitorCases => Set<Monitor.MonitorCaseRecord>();
    /// <summary>Audit trail of the monitor cases.</summary>
    public DbSet<Monitor.MonitorAuditRecord> MonitorAudit => Set<Monitor.MonitorAuditRecord>();
    /// <summary>Background jobs (simulations, optimisations, reports, portfolio runs).</summary>
    public DbSet<Jobs.JobRecord> Jobs => Set<Jobs.JobRecord>();
    /// <summary>Files the jobs read (uploads), stored with their job.</summary>
    public DbSet<Jobs.JobFile> JobFiles => Set<Jobs.JobFile>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<WorkspaceMember>(m =>
        {
            m.HasKey(x => new { x.WorkspaceId, x.UserId });
            m.HasOne(x => x.Workspace).WithMany(w => w.Members).HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            m.HasOne<IdentityUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            m.HasIndex(x => x.UserId);
        });
        builder.Entity<CaseRecord>(c =>
        {
            c.HasOne(x => x.Workspace).WithMany(w => w.Cases).HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            c.HasIndex(x => new { x.WorkspaceId, x.Name });
        });
        builder.Entity<CaseVersionRecord>(v =>
        {
            v.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            v.HasIndex(x => new { x.CaseId, x.Version }).IsUnique();
        });
        builder.Entity<WorkspaceReferenceOverride>(r =>
        {
            r.HasOne(x => x.Workspace).WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            r.HasIndex(x => new { x.WorkspaceId, x.Kind, x.Key }).IsUnique();
        });
        builder.Entity<Jobs.JobRecord>(j =>
        {
            j.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            j.HasIndex(x => new { x.WorkspaceId, x.CreatedUtc });
            j.HasIndex(x => new { x.OwnerId, x.Status });
            j.HasIndex(x => x.ParentId);
        });
        builder.Entity<Jobs.JobFile>(f =>
        {
            f.HasOne<Jobs.JobRecord>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
            f.HasIndex(x => new { x.JobId, x.Field }).IsUnique();
        });
        Monitor.MonitorModel.Configure(builder);
    }
}

/// <summary>The SQLite flavour (embedded default).</summary>
public sealed class SqliteReshoreDbContext(DbContextOptions<SqliteReshoreDbContext> options) : ReshoreDbContext(options);

/// <summary>The PostgreSQL flavour (multi-user deployments).</summary>
public sealed class PostgresReshoreDbContext(DbContextOptions<PostgresReshoreDbContext> options) : ReshoreDbContext(options);
