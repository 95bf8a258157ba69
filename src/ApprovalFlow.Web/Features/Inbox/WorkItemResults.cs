using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.WorkItems;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Inbox;

/// <summary>How every work-item action answers over HTTP: 200 with the item, 404, 400 with the reason, 409 when handled already.</summary>
public static class WorkItemResults
{
    public static async Task<IResult> RespondAsync(Task<WorkItemResult> action, HttpContext http, IStringLocalizer<SharedResource> text) =>
        await action switch
        {
            WorkItemResult.Done done => Results.Ok(WorkItemDto.From(done.Item, http.User.RequireActor().UserId)),
            WorkItemResult.NotFound => Results.NotFound(),
            WorkItemResult.Refused refused => Results.Problem(title: refused.Message, statusCode: StatusCodes.Status400BadRequest),
            WorkItemResult.AlreadyHandled => Results.Problem(title: text["WorkItem.AlreadyHandled"], statusCode: StatusCodes.Status409Conflict),
            var other => throw new InvalidOperationException($"Unhandled result {other}."),
        };
}
