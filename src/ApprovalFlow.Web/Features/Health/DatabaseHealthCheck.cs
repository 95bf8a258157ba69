using ApprovalFlow.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ApprovalFlow.Web.Features.Health;

/// <summary>The application database answers a query: without it nothing works, so its failure is <see cref="HealthStatus.Unhealthy"/>.</summary>
public sealed class DatabaseHealthCheck(ApprovalFlowDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // A real query rather than CanConnect: a database without the app's tables is no better than none.
            await db.WorkItems.AsNoTracking().Select(i => i.Id).FirstOrDefaultAsync(cancellationToken);
            return HealthCheckResult.Healthy(db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The exception stays in the log: its message may name the server, the database or the user.
            return HealthCheckResult.Unhealthy("The database does not answer.", error);
        }
    }
}
