using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Organization;
using ApprovalFlow.Requests;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Requests;

/// <summary>An agency as API consumers see it: its id, code and name as of the document's date.</summary>
public sealed record AgencyRef(Guid Id, string Code, string Name, string Abbreviation);

/// <summary>A request letter as the API returns it.</summary>
public sealed record RequestDto(
    Guid Id, string Number, DateOnly Date, string Subject, YearRange PlanPeriod, int PlanYear, YearRange PastYears,
    DateOnly Deadline, RequestStatus Status, AgencyRef? Issuer, IReadOnlyList<AgencyRef> TargetAgencies);

/// <summary><c>/api/requests</c>: the request letters the caller may see.</summary>
public static class RequestEndpoints
{
    public static IServiceCollection AddRequestFeature(this IServiceCollection services) => services.AddScoped<RequestQueries>();

    public static IEndpointRouteBuilder MapRequestEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/requests").WithTags("Requests").RequireAuthorization(IdentityServiceExtensions.ApiPolicy);
        group.MapGet("/", ListAsync).WithSummary("The request letters visible to the caller, newest first.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One request letter.");
        return routes;
    }

    private static async Task<IReadOnlyList<RequestDto>> ListAsync(HttpContext http, RequestQueries queries, CancellationToken cancellationToken) =>
        await queries.ListAsync(http.User.RequireActor(), cancellationToken);

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, RequestQueries queries, CancellationToken cancellationToken) =>
        await queries.FindAsync(id, http.User.RequireActor(), cancellationToken) is { } request ? Results.Ok(request) : Results.NotFound();
}

/// <summary>Reads requests within the actor's scope, with agency names as of each request's date.</summary>
public sealed class RequestQueries(ApprovalFlowDbContext db, AgencyDirectory directory)
{
    private static readonly StringComparer VietnameseOrder = StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), ignoreCase: false);

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
        [.. request.TargetAgencyIds.Select(id => Ref(agencies, id, request.Date)).OfType<AgencyRef>().OrderBy(a => a.Name, VietnameseOrder)]);
}
