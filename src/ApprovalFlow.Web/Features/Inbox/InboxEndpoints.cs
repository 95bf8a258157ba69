using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Hosting;
using ApprovalFlow.WorkItems;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Inbox;

/// <summary>A work item as the inbox API returns it.</summary>
public sealed record WorkItemDto(
    Guid Id, string Title, string Form, string? CorrelationId, string? AssigneeRole, bool Claimed, bool ClaimedByMe,
    IReadOnlyList<string> Outcomes, IReadOnlyList<string> CommentRequiredFor, DateTimeOffset CreatedAt, DateTimeOffset? DueAt)
{
    public static WorkItemDto From(WorkItem item, Guid me) => new(
        item.Id, item.Title, item.Form, item.CorrelationId, item.AssigneeRole, item.ClaimedByUserId is not null, item.ClaimedByUserId == me,
        item.Outcomes, item.CommentRequiredFor, item.CreatedAt, item.DueAt);
}

/// <summary>The body of <c>POST /api/work-items/{id}/complete</c>.</summary>
public sealed record CompleteWorkItemBody(string Outcome, string? Comment);

/// <summary><c>/api/inbox</c> and <c>/api/work-items/{id}/claim|release|complete</c>.</summary>
public static class InboxEndpoints
{
    public static IServiceCollection AddInboxFeature(this IServiceCollection services) => services.AddScoped<WorkItemInbox>();

    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/inbox", async (HttpContext http, WorkItemInbox inbox, CancellationToken cancellationToken) =>
            {
                var actor = http.User.RequireActor();
                return (await inbox.OpenItemsAsync(actor, cancellationToken)).Select(i => WorkItemDto.From(i, actor.UserId));
            })
            .WithTags("Inbox")
            .WithSummary("My open work items and my role's unclaimed ones (within my agency where scoped).")
            .RequireAuthorization(IdentityServiceExtensions.ApiPolicy);

        var items = routes.MapGroup("/api/work-items/{id:guid}").WithTags("Inbox").RequireAuthorization(IdentityServiceExtensions.ApiPolicy);
        items.MapPost("/claim", (Guid id, HttpContext http, WorkItemInbox inbox, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
            RespondAsync(inbox.ClaimAsync(id, http.User.RequireActor(), cancellationToken), http, text)).WithSummary("Take a role's item.");
        items.MapPost("/release", (Guid id, HttpContext http, WorkItemInbox inbox, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
            RespondAsync(inbox.ReleaseAsync(id, http.User.RequireActor(), cancellationToken), http, text)).WithSummary("Give a claimed item back to the role.");
        items.MapPost("/complete", (Guid id, CompleteWorkItemBody body, HttpContext http, WorkItemInbox inbox, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
            RespondAsync(inbox.CompleteAsync(id, body.Outcome, body.Comment, http.User.RequireActor(), "api", cancellationToken), http, text))
            .WithSummary("Complete with an outcome (and a comment where required); 409 if someone completed it first.");
        return routes;
    }

    private static async Task<IResult> RespondAsync(Task<WorkItemResult> action, HttpContext http, IStringLocalizer<SharedResource> text) =>
        await action switch
        {
            WorkItemResult.Done done => Results.Ok(WorkItemDto.From(done.Item, http.User.RequireActor().UserId)),
            WorkItemResult.NotFound => Results.NotFound(),
            WorkItemResult.Refused refused => Results.Problem(title: refused.Message, statusCode: StatusCodes.Status400BadRequest),
            WorkItemResult.AlreadyHandled => Results.Problem(title: text["WorkItem.AlreadyHandled"], statusCode: StatusCodes.Status409Conflict),
            var other => throw new InvalidOperationException($"Unhandled result {other}."),
        };
}
