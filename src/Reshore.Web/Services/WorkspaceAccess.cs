using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reshore.Persistence;

namespace Reshore.Web.Services;

/// <summary>What the signed-in user may see and do: only workspaces they belong to, with their role there.</summary>
public sealed class WorkspaceAccess(ReshoreDbContext db, IHttpContextAccessor http, WorkspaceReference reference)
{
    /// <summary>The signed-in user's id, or null.</summary>
    public string? UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The request, when there is one (the monitor's access rules read the user's monitor role from it).</summary>
    public HttpContext? Http => http.HttpContext;

    /// <summary>The signed-in user's name.</summary>
    public string UserName => http.HttpContext?.User.Identity?.Name ?? "";

    /// <summary>The user's workspaces with their role, by name.</summary>
    public async Task<IReadOnlyList<(Workspace Workspace, WorkspaceRole Role, int Cases)>> MineAsync(CancellationToken ct = default)
    {
        var id = UserId;
        if (id is null) return [];
        var rows = await db.WorkspaceMembers.Where(m => m.UserId == id)
            .Select(m => new { m.Workspace, m.Role, Cases = m.Workspace!.Cases.Count }).ToListAsync(ct);
        return rows.Select(r => (r.Workspace!, r.Role, r.Cases)).OrderBy(r => r.Item1.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>The user's role in a workspace, or null when they are not a member (or it does not exist).</summary>
    public async Task<WorkspaceRole?> RoleInAsync(Guid workspaceId, CancellationToken ct = default)
    {
        var id = UserId;
        if (id is null) return null;
        var member = await db.WorkspaceMembers.AsNoTracking().FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == id, ct);
        return member?.Role;
    }

    /// <summary>A workspace the user belongs to, with their role; null otherwise (callers answer 404, never revealing it exists).</summary>
    public async Task<(Workspace Workspace, WorkspaceRole Role)?> WorkspaceAsync(Guid workspaceId, CancellationToken ct = default)
    {
        var role = await RoleInAsync(workspaceId, ct);
        if (role is null) return null;
        var ws = await db.Workspaces.AsNoTracking().FirstAsync(w => w.Id == workspaceId, ct);
        return (ws, role.Value);
    }

    /// <summary>The reference data a workspace's cases are read and evaluated with (the bundled set with the workspace's own entries).</summary>
    public Task<Core.MarketData.MarketSnapshot> MarketAsync(Guid workspaceId, CancellationToken ct = default) => reference.MarketAsync(workspaceId, ct);

    /// <summary>A case in one of the user's workspaces, with their role; null otherwise.</summary>
    public async Task<(CaseRecord Case, WorkspaceRole Role)?> CaseAsync(Guid caseId, CancellationToken ct = default)
    {
        var userId = UserId;
        if (userId is null) return null;
        // One query for the case and the user's membership of its workspace (every view and API call of a case starts here).
        var found = await (from c in db.Cases.AsNoTracking().Include(x => x.Workspace)
                           join m in db.WorkspaceMembers.AsNoTracking() on c.WorkspaceId equals m.WorkspaceId
                           where c.Id == caseId && m.UserId == userId
                           select new { Case = c, m.Role }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Case, found.Role);
    }
}
