using Microsoft.EntityFrameworkCore;
using Reshore.Persistence;

namespace Reshore.Web.Services;

/// <summary>Rules that keep a workspace manageable.</summary>
public static class WorkspaceRules
{
    /// <summary>Why the last admin cannot leave.</summary>
    public const string LastAdminMessage = "A workspace keeps at least one admin: make another member admin first.";

    /// <summary>True when <paramref name="userId"/> is the only admin of the workspace.</summary>
    public static async Task<bool> IsLastAdminAsync(ReshoreDbContext db, Guid workspaceId, string userId, CancellationToken ct = default) =>
        await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId && m.Role == WorkspaceRole.Admin, ct)
        && !await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId && m.UserId != userId && m.Role == WorkspaceRole.Admin, ct);
}
