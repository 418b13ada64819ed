using Microsoft.EntityFrameworkCore;
using Quartz;
using Reshore.Persistence;
using Reshore.Persistence.Jobs;

namespace Reshore.Web.Jobs;

/// <summary>
/// Health endpoints for a load balancer and for operators: /health/live (the process answers), /health/ready (the
/// database answers and, where this process is a worker, its scheduler runs) and /health/workers (the cluster's workers
/// and their last check-in, and the job queue).
/// </summary>
public static class Health
{
    /// <summary>Maps the endpoints (anonymous: they reveal no data).</summary>
    public static void Map(WebApplication app)
    {
        app.MapGet("/health/live", () => Results.Text("ok")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/health/ready", async (ReshoreDbContext db, ISchedulerFactory schedulers, Microsoft.Extensions.Options.IOptions<JobSettings> settings, CancellationToken ct) =>
        {
            var problems = new List<string>();
            try
            {
                if (!await db.Database.CanConnectAsync(ct)) problems.Add("database unreachable");
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                problems.Add("database unreachable");
            }
            var scheduler = await schedulers.GetScheduler(ct);
            var running = scheduler.Status == SchedulerStatus.Running;
            if (settings.Value.Worker && !running) problems.Add("job worker not running");
            var body = new { status = problems.Count == 0 ? "ready" : "unavailable", problems, worker = settings.Value.Worker, node = scheduler.SchedulerInstanceId };
            return problems.Count == 0 ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/health/workers", async (ReshoreDbContext db, DatabaseTarget target, CancellationToken ct) =>
        {
            var queued = await db.Jobs.CountAsync(j => j.Status == JobStatus.Queued, ct);
            var running = await db.Jobs.CountAsync(j => j.Status == JobStatus.Running && j.Kind != JobKinds.Portfolio, ct);
            // Quartz's own table: every clustered scheduler checks in there.
            var nodes = target.Provider == DatabaseProvider.PostgreSql
                ? await db.Database.SqlQuery<WorkerRow>($"SELECT instance_name AS \"Name\", last_checkin_time AS \"LastCheckin\", checkin_interval AS \"Interval\" FROM qrtz_scheduler_state").ToListAsync(ct)
                : await db.Database.SqlQuery<WorkerRow>($"SELECT INSTANCE_NAME AS \"Name\", LAST_CHECKIN_TIME AS \"LastCheckin\", CHECKIN_INTERVAL AS \"Interval\" FROM QRTZ_SCHEDULER_STATE").ToListAsync(ct);
            return Results.Ok(new
            {
                queued, running,
                workers = nodes.Select(n => new { name = n.Name, lastCheckinUtc = new DateTime(n.LastCheckin, DateTimeKind.Utc), intervalMs = n.Interval }),
            });
        // Worker names and queue sizes describe the deployment: for the site administrator, not for anyone who can reach the port.
        }).RequireAuthorization(Roles.SiteAdmin).ExcludeFromDescription();
    }

    private sealed record WorkerRow(string Name, long LastCheckin, long Interval);
}
