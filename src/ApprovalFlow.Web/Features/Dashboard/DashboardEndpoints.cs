using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Dashboard;

/// <summary><c>GET /api/dashboard</c>: the dashboard page's figures for scripts.</summary>
public static class DashboardEndpoints
{
    public static IServiceCollection AddDashboardFeature(this IServiceCollection services) => services.AddScoped<DashboardQueries>();

    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/dashboard", GetAsync)
            .WithTags("Dashboard")
            .WithSummary("Budget proposed, recommended and approved (million VND) by agency and by plan year; work items by step and state; overdue items by agency.")
            .WithDescription("Within the caller's scope: an agency's own proposals; for the ICT and the UBND what was submitted to them; everything for administrators. `requestId` limits it to one request letter (404 when not visible).")
            .RequireAuthorization(IdentityServiceExtensions.ApiPolicy);
        return routes;
    }

    private static async Task<Results<Ok<DashboardDto>, NotFound>> GetAsync(Guid? requestId, HttpContext http, DashboardQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(http.User.RequireActor(), requestId, cancellationToken) is { } dashboard ? TypedResults.Ok(dashboard) : TypedResults.NotFound();
}
