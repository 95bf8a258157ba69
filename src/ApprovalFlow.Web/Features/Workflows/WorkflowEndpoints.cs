using ApprovalFlow.Identity;
using ApprovalFlow.Web.Hosting;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Workflows;

/// <summary>The engine's API: activity descriptors for the designer, and the administrators' retry and cancel.</summary>
public static class WorkflowEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/activity-descriptors", (ActivityRegistry registry) => registry.All.OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.TypeName, StringComparer.Ordinal))
            .WithTags("Workflows")
            .WithSummary("Every activity type with its category, names (vi, en), inputs and outcomes: the designer's toolbox.")
            .RequireAuthorization(IdentityServiceExtensions.ApiPolicy);

        var admin = routes.MapGroup("/api/workflow-instances").WithTags("Workflows")
            .RequireAuthorization(IdentityServiceExtensions.ApiPolicy)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.BearerScheme).RequireRole(Roles.Administrator));
        admin.MapPost("/{id}/retry", RetryAsync).WithSummary("Run again the activity whose failure faulted the instance.");
        admin.MapPost("/{id}/cancel", CancelAsync).WithSummary("Cancel the instance: it never runs again.");
        return routes;
    }

    private static async Task<Results<NoContent, Conflict>> RetryAsync(string id, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        await runtime.RetryAsync(id, cancellationToken) is ResumeResult.Resumed ? TypedResults.NoContent() : TypedResults.Conflict();

    private static async Task<Results<NoContent, Conflict>> CancelAsync(string id, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        await runtime.CancelAsync(id, cancellationToken) is ResumeResult.Resumed ? TypedResults.NoContent() : TypedResults.Conflict();
}
