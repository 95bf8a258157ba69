using ApprovalFlow.Identity;
using ApprovalFlow.Web.Hosting;
using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Workflows;

/// <summary>The engine's API: activity descriptors for the designer; for administrators, the instances with their retry and cancel.</summary>
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
        admin.MapGet("/", ListAsync).WithSummary("Instances, newest first (at most 200), filtered by definition, status, request, agency, or open incidents (`faulted=true`).");
        admin.MapGet("/{id}", GetAsync).WithSummary("One instance: its definition version, the path it took, where it waits, variables, journal and incidents.");
        admin.MapPost("/{id}/retry", RetryAsync).WithSummary("Run again the activity whose failure faulted the instance.");
        admin.MapPost("/{id}/cancel", CancelAsync).WithSummary("Cancel the instance: it never runs again.");
        return routes;
    }

    private static Task<IReadOnlyList<InstanceRow>> ListAsync(
        string? definitionId, ApprovalFlow.Workflows.Runtime.WorkflowStatus? status, Guid? requestId, Guid? agencyId, bool? faulted, InstanceQueries queries, CancellationToken cancellationToken) =>
        queries.ListAsync(new InstanceFilter(definitionId, status, requestId, agencyId, faulted ?? false), cancellationToken);

    private static async Task<Results<Ok<InstanceDetails>, NotFound>> GetAsync(string id, InstanceQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    private static async Task<Results<NoContent, Conflict>> RetryAsync(string id, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        await runtime.RetryAsync(id, cancellationToken) is ResumeResult.Resumed ? TypedResults.NoContent() : TypedResults.Conflict();

    private static async Task<Results<NoContent, Conflict>> CancelAsync(string id, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        await runtime.CancelAsync(id, cancellationToken) is ResumeResult.Resumed ? TypedResults.NoContent() : TypedResults.Conflict();
}
