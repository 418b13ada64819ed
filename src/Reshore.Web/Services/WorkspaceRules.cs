using Microsoft.EntityFrameworkCore;
using Reshore.Persistence;

namespace Reshore.Web.Services;

/// <summary>Rules that keep a workspace manageable.</summary>
public static class WorkspaceRules
{
    /// <summary>Why the last admin cannot leave.</summary>
    public const string LastAdminMessage = "A workspace keeps at least one admin: make another member admin first.";

    /// <summary>
    /// Adds a member or changes their role; returns false (and changes nothing) when that would leave the workspace
    /// without an admin.
    /// </summary>
    public static async Task<bool> SetRoleAsync(ReshoreDbContext db, Guid workspaceId, string userId, WorkspaceRole role, CancellationToken ct = default)
    {
        var member = await db.WorkspaceMembers.FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, ct);
        if (member is { Role: WorkspaceRole.Admin } && role != WorkspaceRole.Admin && await IsLastAdminAsync(db, workspaceId, userId, ct)) return false;
        if (member is null) db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspaceId, UserId = userId, Role = role });
        else member.Role = role;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>True when <paramref name="userId"/> is the only admin of the workspace.</summary>
    public static async Task<bool> IsLastAdminAsync(ReshoreDbContext db, Guid workspaceId, string userId, CancellationToken ct = default) =>
        await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId && m.Role == WorkspaceRole.Admin, ct)
        && !await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId && m.UserId != userId && m.Role == WorkspaceRole.Admin, ct);
}
