using ApprovalFlow.Data;
using ApprovalFlow.Decisions;
using ApprovalFlow.Identity;
using ApprovalFlow.Organization;
using ApprovalFlow.Requests;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Hosting;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Requests;

/// <summary>An agency as API consumers see it: its id, code and name as of the document's date.</summary>
public sealed record AgencyRef(Guid Id, string Code, string Name, string Abbreviation);

/// <summary>A request letter as the API returns it.</summary>
public sealed record RequestDto(
    Guid Id, string Number, DateOnly Date, string Subject, YearRange PlanPeriod, int PlanYear, YearRange PastYears,
    DateOnly Deadline, RequestStatus Status, AgencyRef? Issuer, IReadOnlyList<AgencyRef> TargetAgencies);

/// <summary>A request's consolidation as the API returns it.</summary>
public sealed record ConsolidationDto(
    Guid RequestId, string Number, IReadOnlyList<ConsolidationRow> Agencies, BudgetFigures Proposed, BudgetFigures Recommended, BudgetFigures Approved);

/// <summary><c>/api/requests</c>: the request letters the caller may see; writing, publishing and consolidating them.</summary>
public static class RequestEndpoints
{
    public static IServiceCollection AddRequestFeature(this IServiceCollection services) =>
        services.AddScoped<RequestQueries>().AddScoped<RequestLetters>().AddScoped<Consolidation>();

    public static IEndpointRouteBuilder MapRequestEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/requests").WithTags("Requests").RequireAuthorization(IdentityServiceExtensions.ApiPolicy);
        group.MapGet("/", ListAsync).WithSummary("The request letters visible to the caller, newest first.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One request letter.");
        group.MapPost("/", CreateAsync).WithSummary("Write a request letter as a draft of the ICT reviewer's agency.");
        group.MapPost("/{id:guid}/publish", PublishAsync).WithSummary("Send a draft request to its agencies: a proposal and a workflow for each.");
        group.MapGet("/{id:guid}/consolidation", ConsolidationAsync)
            .WithSummary("Every target agency with its proposal's status and proposed, recommended and approved totals (ICT and UBND).");
        return routes;
    }

    private static async Task<IResult> CreateAsync(RequestDraft body, HttpContext http, RequestLetters letters, RequestQueries queries, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var actor = http.User.RequireActor();
        if (!actor.IsInRole(Roles.IctReviewer))
        {
            return Results.Problem(title: text["Status.403"], statusCode: StatusCodes.Status403Forbidden);
        }

        var (request, issues) = await letters.CreateAsync(body, actor, cancellationToken);
        return request is null
            ? Results.ValidationProblem(issues.GroupBy(i => i.Field).ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray()), title: text["Api.Invalid"])
            : Results.Created($"/api/requests/{request.Id}", await queries.FindAsync(request.Id, actor, cancellationToken));
    }

    private static async Task<IResult> PublishAsync(Guid id, HttpContext http, ApprovalFlowDbContext db, RequestPublisher publisher, RequestQueries queries, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var actor = http.User.RequireActor();
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !actor.IsInRole(Roles.IctReviewer) || request.IssuerAgencyId != actor.AgencyId)
        {
            return request is null || !actor.IsIct ? Results.NotFound() : Results.Problem(title: text["Status.403"], statusCode: StatusCodes.Status403Forbidden);
        }

        return await publisher.PublishAsync(id, actor, cancellationToken) is { } refusal
            ? Results.Problem(title: refusal, statusCode: StatusCodes.Status400BadRequest)
            : Results.Ok(await queries.FindAsync(id, actor, cancellationToken));
    }

    private static async Task<IResult> ConsolidationAsync(Guid id, HttpContext http, Consolidation consolidation, CancellationToken cancellationToken) =>
        await consolidation.ForRequestAsync(id, http.User.RequireActor(), cancellationToken) is { } view
            ? Results.Ok(new ConsolidationDto(view.Request.Id, view.Request.Number, view.Rows, view.ProposedTotal, view.RecommendedTotal, view.ApprovedTotal))
            : Results.NotFound();

    private static async Task<IReadOnlyList<RequestDto>> ListAsync(HttpContext http, RequestQueries queries, CancellationToken cancellationToken) =>
        await queries.ListAsync(http.User.RequireActor(), cancellationToken);

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, RequestQueries queries, CancellationToken cancellationToken) =>
        await queries.FindAsync(id, http.User.RequireActor(), cancellationToken) is { } request ? Results.Ok(request) : Results.NotFound();
}

/// <summary>Reads requests within the actor's scope, with agency names as of each request's date.</summary>
public sealed class RequestQueries(ApprovalFlowDbContext db, AgencyDirectory directory)
{

    /// <summary>The visible requests, newest first; <paramref name="agencies"/> when the caller has the directory already.</summary>
    public async Task<IReadOnlyList<RequestDto>> ListAsync(Actor actor, CancellationToken cancellationToken, AgencyLookup? agencies = null)
    {
        var requests = await db.Requests.AsNoTracking().Where(RequestAccess.VisibleTo(actor, db.Proposals)).ToListAsync(cancellationToken);
        agencies ??= await directory.LoadAsync(cancellationToken);
        return [.. requests.OrderByDescending(r => r.Date).Select(r => ToDto(r, agencies))];
    }

    public async Task<RequestDto?> FindAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().Where(RequestAccess.VisibleTo(actor, db.Proposals)).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is null ? null : ToDto(request, await directory.LoadAsync(cancellationToken));
    }

    /// <summary>A request without a scope check, for callers that have checked access to something belonging to it.</summary>
    public async Task<RequestDto?> FindForVisibleChildAsync(Guid id, AgencyLookup agencies, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is null ? null : ToDto(request, agencies);
    }

    /// <summary>An agency named as it was on <paramref name="date"/>.</summary>
    public static AgencyRef? Ref(AgencyLookup agencies, Guid id, DateOnly date) =>
        agencies.Find(id) is { } agency && agency.ProfileOn(date) is { } profile
            ? new AgencyRef(id, agency.Code, profile.Name, profile.Abbreviation)
            : null;

    private static RequestDto ToDto(BudgetRequest request, AgencyLookup agencies) => new(
        request.Id, request.Number, request.Date, request.Subject, request.PlanPeriod, request.PlanYear, request.PastYears,
        request.Deadline, request.Status, Ref(agencies, request.IssuerAgencyId, request.Date),
        [.. request.TargetAgencyIds.Select(id => Ref(agencies, id, request.Date)).OfType<AgencyRef>().OrderBy(a => a.Name, VietnameseOrder.Comparer)]);
}
