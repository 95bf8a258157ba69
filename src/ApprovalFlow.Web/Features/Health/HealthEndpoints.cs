using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ApprovalFlow.Web.Features.Health;

/// <summary>
/// <c>/health</c> for load balancers, container health checks and monitoring: the database, the job servers and the
/// SMTP server, each with its status and a fixed description. Anyone may call it, so it tells no host name,
/// connection string or exception text: those go to the log. Unhealthy answers 503; healthy and degraded answer 200.
/// </summary>
public static class HealthEndpoints
{
    public const string Path = "/health";

    public static IServiceCollection AddApprovalFlowHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy)
            .AddCheck<JobsHealthCheck>("jobs", HealthStatus.Unhealthy)
            .AddCheck<MailHealthCheck>("mail", HealthStatus.Degraded);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        return routes;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, JsonSerializerOptions.Web));
    }
}
