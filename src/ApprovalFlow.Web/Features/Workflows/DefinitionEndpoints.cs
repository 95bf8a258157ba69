using ApprovalFlow.Identity;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Hosting;
using ApprovalFlow.Workflows.Model;
using ApprovalFlow.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace ApprovalFlow.Web.Features.Workflows;

/// <summary>What <c>POST /api/workflow-definitions</c> takes: the new workflow's name.</summary>
public sealed record NewDefinition(string? Name);

/// <summary>
/// <c>/api/workflow-definitions</c>: everything the designer page does, for scripts — administrators only. Bodies and
/// answers that carry a definition are Elsa 3's JSON, as Elsa Studio exports it.
/// </summary>
public static class DefinitionEndpoints
{
    public static IServiceCollection AddWorkflowDesignerFeature(this IServiceCollection services) =>
        services.AddScoped<DefinitionDesk>().AddScoped<InstanceQueries>().AddScoped<DesignerBootstrap>();

    public static IEndpointRouteBuilder MapDefinitionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/workflow-definitions").WithTags("Workflow definitions")
            .RequireAuthorization(IdentityServiceExtensions.ApiPolicy)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(Roles.Administrator));
        group.MapGet("/", (DefinitionDesk desk, CancellationToken ct) => desk.ListAsync(ct))
            .WithSummary("Every workflow definition with its versions, the published one, and the instances still active on each.");
        group.MapPost("/", CreateAsync).WithSummary("Start a new workflow: version 1, a draft with an empty flowchart. Body: {\"name\": \"…\"}.");
        group.MapPost("/import", ImportAsync).Accepts<object>("application/json")
            .WithSummary("Import an Elsa 3 JSON export (Elsa Studio's or ours) as a draft of the definition it names; nothing is published.");
        group.MapGet("/{definitionId}", GetAsync).WithSummary("The latest version in Elsa 3 JSON.");
        group.MapPut("/{definitionId}", SaveAsync).Accepts<object>("application/json")
            .WithSummary("Save Elsa 3 JSON as the draft: rewrites the latest version while it is an unused draft, else adds a version. Answers the problems that would stop a publish.");
        group.MapPost("/{definitionId}/validate", ValidateAsync).Accepts<object>("application/json")
            .WithSummary("The problems of Elsa 3 JSON that would stop a publish, each with the activity concerned; nothing is stored.");
        group.MapGet("/{definitionId}/versions", VersionsAsync).WithSummary("The versions, newest first, with active instances on each.");
        group.MapGet("/{definitionId}/versions/{version:int}", ExportAsync).WithSummary("One version in Elsa 3 JSON, as a file (the export).");
        group.MapPost("/{definitionId}/versions/{version:int}/publish", PublishAsync)
            .WithSummary("Publish a version: new instances start on it, running ones stay on theirs. 400 with the problems when it does not validate.");
        group.MapPost("/{definitionId}/versions/{version:int}/revert", RevertAsync).WithSummary("Copy a version into a new draft (nothing is published).");
        group.MapGet("/{definitionId}/diff", DiffAsync).WithSummary("What differs from version `from` to version `to`: activities, inputs, connections.");
        return routes;
    }

    private static async Task<Results<Created<DesignerResult>, BadRequest<DesignerResult>>> CreateAsync(NewDefinition body, HttpContext http, DefinitionDesk desk, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            return TypedResults.BadRequest(new DesignerResult(null, [], "name"));
        }

        var id = await desk.CreateAsync(body.Name, http.User.RequireActor(), ct);
        return TypedResults.Created($"/api/workflow-definitions/{id}", new DesignerResult(1, [], DefinitionId: id));
    }

    private static async Task<Results<Ok<DesignerResult>, BadRequest<DesignerResult>>> ImportAsync(HttpContext http, DefinitionDesk desk, CancellationToken ct)
    {
        var result = await desk.ImportAsync(await ReadBodyAsync(http), http.User.RequireActor(), ct);
        return result.Succeeded ? TypedResults.Ok(result) : TypedResults.BadRequest(result);
    }

    private static async Task<Results<ContentHttpResult, NotFound>> GetAsync(string definitionId, DefinitionDesk desk, CancellationToken ct) =>
        await desk.ExportAsync(definitionId, null, ct) is { } json ? TypedResults.Content(json, "application/json") : TypedResults.NotFound();

    private static async Task<Results<Ok<DesignerResult>, BadRequest<DesignerResult>, NotFound>> SaveAsync(string definitionId, HttpContext http, DefinitionDesk desk, CancellationToken ct) =>
        await desk.SaveAsync(definitionId, await ReadBodyAsync(http), http.User.RequireActor(), ct) switch
        {
            null => TypedResults.NotFound(),
            { Succeeded: false } refused => TypedResults.BadRequest(refused),
            var saved => TypedResults.Ok(saved),
        };

    private static async Task<Results<Ok<DesignerResult>, BadRequest<DesignerResult>>> ValidateAsync(string definitionId, HttpContext http, DefinitionDesk desk)
    {
        var result = desk.Validate(definitionId, await ReadBodyAsync(http));
        return result.Succeeded ? TypedResults.Ok(result) : TypedResults.BadRequest(result);
    }

    private static async Task<Results<Ok<DefinitionSummary>, NotFound>> VersionsAsync(string definitionId, DefinitionDesk desk, CancellationToken ct) =>
        await desk.FindAsync(definitionId, ct) is { } summary ? TypedResults.Ok(summary) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(string definitionId, int version, DefinitionDesk desk, CancellationToken ct) =>
        await desk.ExportAsync(definitionId, version, ct) is { } json
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", DefinitionDesk.ExportFileName(definitionId, version))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<DesignerResult>, BadRequest<DesignerResult>, NotFound>> PublishAsync(string definitionId, int version, HttpContext http, DefinitionDesk desk, CancellationToken ct) =>
        await desk.PublishAsync(definitionId, version, http.User.RequireActor(), ct) switch
        {
            null => TypedResults.NotFound(),
            { Succeeded: false } refused => TypedResults.BadRequest(refused),
            var published => TypedResults.Ok(published),
        };

    private static async Task<Results<Ok<DesignerResult>, NotFound>> RevertAsync(string definitionId, int version, HttpContext http, DefinitionDesk desk, CancellationToken ct) =>
        await desk.RevertAsync(definitionId, version, http.User.RequireActor(), ct) is { } draft ? TypedResults.Ok(draft) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<DefinitionChange>>, NotFound>> DiffAsync(string definitionId, int from, int to, DefinitionDesk desk, CancellationToken ct) =>
        await desk.DiffAsync(definitionId, from, to, ct) is { } changes ? TypedResults.Ok(changes) : TypedResults.NotFound();

    /// <summary>The body as text: a definition is stored as it was written, not as a model bound from it.</summary>
    internal static async Task<string> ReadBodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(http.RequestAborted);
    }
}
