using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Hosting;
using ApprovalFlow.WorkItems;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Inbox;

/// <summary><c>/api/inbox</c> and <c>/api/work-items/…</c>: list, claim (one or many), release, reassign, complete.</summary>
public static class InboxEndpoints
{
    /// <summary>More than a page of items at once is a script gone wrong, not a person's selection.</summary>
    public const int MaxBulkClaim = 200;

    public static IServiceCollection AddInboxFeature(this IServiceCollection services) =>
        services.AddScoped<WorkItemInbox>().AddScoped<InboxQueries>().AddScoped<OutOfOffice>();

    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/inbox", async (
                HttpContext http, InboxQueries queries, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken,
                Guid? requestId, Guid? agencyId, string? form, string? due, string? sort) =>
            {
                if (!TryParse(due, DueFilter.All, out var dueFilter) || !TryParse(sort, InboxSort.Due, out var order))
                {
                    return Results.Problem(title: text["Api.Invalid"], statusCode: StatusCodes.Status400BadRequest);
                }

                var actor = http.User.RequireActor();
                var view = new InboxView { RequestId = requestId, AgencyId = agencyId, Form = form, Due = dueFilter, Sort = order };
                var entries = InboxQueries.Apply(await queries.ListAsync(actor, cancellationToken), view);
                return Results.Ok(entries.Select(e => WorkItemDto.From(e, actor.UserId)));
            })
            .WithTags("Inbox")
            .WithSummary("My open work items, my role's unclaimed ones (within my agency where scoped) and those of colleagues I stand in for.")
            .WithDescription("Filters: requestId, agencyId, form, due (all, overdue, dueSoon); sort: due, created, title.")
            .RequireAuthorization(IdentityServiceExtensions.ApiPolicy);

        routes.MapPost("/api/work-items/claim", async (BulkClaimBody body, HttpContext http, WorkItemInbox inbox, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
            {
                if (body.Ids is not { Count: > 0 and <= MaxBulkClaim })
                {
                    return Results.Problem(title: text["Inbox.BulkClaimLimit", MaxBulkClaim], statusCode: StatusCodes.Status400BadRequest);
                }

                var result = await inbox.ClaimManyAsync(body.Ids, http.User.RequireActor(), cancellationToken);
                return Results.Ok(new BulkClaimDto(result.Claimed.Count, result.Claimed, result.NotClaimed));
            })
            .WithTags("Inbox")
            .WithSummary("Claim several items: each still free is claimed; the others are listed as not claimed.")
            .RequireAuthorization(IdentityServiceExtensions.ApiPolicy);

        var items = routes.MapGroup("/api/work-items/{id:guid}").WithTags("Inbox").RequireAuthorization(IdentityServiceExtensions.ApiPolicy);
        items.MapPost("/claim", (Guid id, HttpContext http, WorkItemInbox inbox, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
            WorkItemResults.RespondAsync(inbox.ClaimAsync(id, http.User.RequireActor(), cancellationToken), http, text)).WithSummary("Take a role's item.");
        items.MapPost("/release", (Guid id, HttpContext http, WorkItemInbox inbox, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
            WorkItemResults.RespondAsync(inbox.ReleaseAsync(id, http.User.RequireActor(), cancellationToken), http, text)).WithSummary("Give a claimed item back to the role.");
        items.MapPost("/complete", (Guid id, CompleteWorkItemBody body, HttpContext http, WorkItemInbox inbox, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
            WorkItemResults.RespondAsync(inbox.CompleteAsync(id, body.Outcome, body.Comment, http.User.RequireActor(), "api", cancellationToken), http, text))
            .WithSummary("Complete with an outcome (and a comment where required); 409 if someone completed it first.");
        items.MapPost("/reassign", (Guid id, ReassignWorkItemBody body, HttpContext http, WorkItemInbox inbox, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
            WorkItemResults.RespondAsync(inbox.ReassignAsync(id, body.UserId, http.User.RequireActor(), cancellationToken), http, text))
            .WithSummary("Leaders and administrators: give the item to a member of its role (and agency); 400 names why not.");
        items.MapGet("/candidates", async (Guid id, HttpContext http, WorkItemInbox inbox, CancellationToken cancellationToken) =>
            await inbox.CandidatesAsync(id, http.User.RequireActor(), cancellationToken) is { } people ? Results.Ok(people) : Results.NotFound())
            .WithSummary("Who the item may be reassigned to.");
        return routes;
    }

    private static bool TryParse<TEnum>(string? value, TEnum fallback, out TEnum parsed)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            parsed = fallback;
            return true;
        }

        // Names only: a number would pass Enum.TryParse whether or not it names a member.
        return Enum.TryParse(value, ignoreCase: true, out parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(value[0]);
    }
}
