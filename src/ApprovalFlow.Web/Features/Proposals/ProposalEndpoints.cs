using System.Text.Json;
using ApprovalFlow.Proposals;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Proposals;

/// <summary><c>/api/proposals</c>: list, read and save drafts of the proposals the caller may see.</summary>
public static class ProposalEndpoints
{
    /// <summary>A proposal's JSON is a few tens of kilobytes; anything near this is not one.</summary>
    private const long MaxBodyBytes = 2 * 1024 * 1024;

    public static IServiceCollection AddProposalFeature(this IServiceCollection services) =>
        services.AddScoped<ProposalQueries>().AddScoped<ProposalHistory>();

    public static IEndpointRouteBuilder MapProposalEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/proposals").WithTags("Proposals").RequireAuthorization(IdentityServiceExtensions.ApiPolicy);
        group.MapGet("/", ListAsync).WithSummary("The proposals visible to the caller, optionally of one request.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One proposal with its computed summary (section IV).");
        group.MapGet("/{id:guid}/timeline", TimelineAsync).WithSummary("Every step of the proposal: who acted (for whom), how, with what outcome and comment; and its last return.");
        group.MapPut("/{id:guid}", SaveAsync)
            .WithSummary("Save the draft. 'revision' must be the one last read: otherwise 409 with what changed since.")
            .Accepts<SaveProposalBody>("application/json")
            .Produces<ProposalDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        return routes;
    }

    private static async Task<IResult> TimelineAsync(Guid id, HttpContext http, ProposalDrafts drafts, ProposalHistory history, CancellationToken cancellationToken) =>
        await drafts.FindAsync(id, http.User.RequireActor(), cancellationToken) is { } proposal
            ? Results.Ok(new ProposalTimelineDto(await history.TimelineAsync(id, cancellationToken), await history.LastReturnAsync(proposal, cancellationToken)))
            : Results.NotFound();

    private static async Task<IReadOnlyList<ProposalListItem>> ListAsync(Guid? requestId, HttpContext http, ProposalQueries queries, CancellationToken cancellationToken) =>
        await queries.ListAsync(http.User.RequireActor(), requestId, cancellationToken);

    private static async Task<Results<Ok<ProposalDto>, NotFound>> GetAsync(Guid id, HttpContext http, ProposalQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, http.User.RequireActor(), cancellationToken) is { } proposal ? TypedResults.Ok(proposal) : TypedResults.NotFound();

    private static async Task<IResult> SaveAsync(
        Guid id, HttpContext http, ProposalDrafts drafts, ProposalQueries queries, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var actor = http.User.RequireActor();
        var (body, malformed) = await ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return Results.ValidationProblem(malformed!, title: text["Api.Invalid"]);
        }

        if (body.Content is null)
        {
            // A missing content is a mistake, never a request to empty the proposal.
            return Results.ValidationProblem(Error("content", "ContentMissing"), title: text["Api.Invalid"]);
        }

        return await drafts.SaveAsync(id, body.Revision, body.Content, actor, cancellationToken) switch
        {
            SaveDraftResult.Saved saved => Results.Ok(await queries.ToDtoAsync(saved.Proposal, actor, cancellationToken)),
            SaveDraftResult.NotFound => Results.NotFound(),
            SaveDraftResult.Forbidden => Results.Problem(title: text["Proposal.NotEditable"], statusCode: StatusCodes.Status403Forbidden),
            SaveDraftResult.Invalid invalid => Results.ValidationProblem(
                invalid.Issues.GroupBy(i => i.Field).ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray()),
                title: text["Api.Invalid"]),
            SaveDraftResult.Conflict conflict => Results.Problem(
                title: text["Proposal.Conflict"],
                detail: text["Proposal.ConflictDetail", conflict.Current.UpdatedByName ?? "?", conflict.Current.Revision],
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?>
                {
                    ["currentRevision"] = conflict.Current.Revision,
                    ["changes"] = conflict.Changes,
                    ["current"] = await queries.ToDtoAsync(conflict.Current, actor, cancellationToken),
                }),
            var other => throw new InvalidOperationException($"Unhandled save result {other}."),
        };
    }

    /// <summary>
    /// Reads the body itself so that a malformed amount ("12a" where a number belongs) is answered with the field's
    /// path and a Vietnamese message instead of a bare 400.
    /// </summary>
    private static async Task<(SaveProposalBody? Body, Dictionary<string, string[]>? Errors)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<SaveProposalBody>(request.Body, ProposalJson.Options, cancellationToken);
            return body is null ? (null, Error("$", "ValueMalformed")) : (body, null);
        }
        catch (JsonException ex)
        {
            var path = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
            var leaf = path[(path.LastIndexOf('.') + 1)..];
            var isAmount = ProposalJson.AmountFields.Contains(leaf);
            return (null, Error(path.StartsWith("content.", StringComparison.Ordinal) ? path["content.".Length..] : path, isAmount ? "AmountNotANumberJson" : "ValueMalformed"));
        }
    }

    private static Dictionary<string, string[]> Error(string field, string messageKey) =>
        new() { [field.Length == 0 ? "$" : field] = [ValidationMessages.Get(messageKey)] };
}
