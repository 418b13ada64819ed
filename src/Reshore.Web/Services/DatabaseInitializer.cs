using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Reshore.Data.CaseFiles;
using Reshore.Data.Examples;
using Reshore.Persistence;

namespace Reshore.Web.Services;

/// <summary>Brings the database to the latest migration, creates the roles and, on first start, the Examples workspace.</summary>
public sealed class DatabaseInitializer(ReshoreDbContext db, RoleManager<IdentityRole> roles, IConfiguration config, ILogger<DatabaseInitializer> log, DatabaseTarget target)
{
    /// <summary>Name of the workspace with the bundled examples.</summary>
    public const string ExamplesWorkspaceName = "Examples";

    /// <summary>Migrates and seeds.</summary>
    public async Task InitializeAsync()
    {
        log.LogInformation("Database: {Database}", target.Describe());
        foreach (var file in target.RestrictSqliteFile())
            log.LogWarning("{File} was readable by other users of this machine; it is now readable by its owner only", file);
        await db.Database.MigrateAsync();
        if (!await roles.RoleExistsAsync(Roles.SiteAdmin)) await roles.CreateAsync(new IdentityRole(Roles.SiteAdmin));
        await Monitor.MonitorAccess.InitializeAsync(db, roles, log);
        if (config.GetValue("Reshore:SeedExamples", true) && !await db.Workspaces.AnyAsync(w => w.IsExamples))
        {
            var ws = new Workspace { Name = ExamplesWorkspaceName, Description = "The cases bundled with Reshore.", IsExamples = true };
            foreach (var example in ExampleCatalog.All.Where(e => e.IsCase))
            {
                var json = CaseJson.ToJson(example.Text, CaseFileReader.FormatOf(example.FileName));
                ws.Cases.Add(new CaseRecord { Name = example.Title, Json = json, UpdatedBy = "reshore" });
            }
            db.Workspaces.Add(ws);
            await db.SaveChangesAsync();
            log.LogInformation("Loaded {Count} example cases into the {Workspace} workspace", ws.Cases.Count, ws.Name);
        }
    }

    /// <summary>Makes a user a member of the Examples workspace (new users start with something to look at).</summary>
    public static async Task JoinExamplesAsync(ReshoreDbContext db, string userId, WorkspaceRole role)
    {
        var ws = await db.Workspaces.FirstOrDefaultAsync(w => w.IsExamples);
        if (ws is null || await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == ws.Id && m.UserId == userId)) return;
        db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = ws.Id, UserId = userId, Role = role });
        await db.SaveChangesAsync();
    }
}
