using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Work;

/// <summary>
/// How a step page answers a completion: done or already handled, back to the inbox with a message; refused, back to
/// the step's page with the reason (the page keeps what was typed when it re-renders itself instead).
/// </summary>
public static class StepOutcome
{
    /// <summary>TempData keys the inbox page shows.</summary>
    public const string MessageKey = "Message";
    public const string IsErrorKey = "IsError";

    public static IActionResult Respond(PageModel page, Guid itemId, WorkItemResult result, IStringLocalizer<SharedResource> text)
    {
        switch (result)
        {
            case WorkItemResult.Done:
                Tell(page.TempData, text["Inbox.Completed"], isError: false);
                return new LocalRedirectResult("/inbox");
            case WorkItemResult.Refused refused:
                Tell(page.TempData, refused.Message, isError: true);
                return new LocalRedirectResult($"/work/{itemId}");
            case WorkItemResult.AlreadyHandled:
                Tell(page.TempData, text["WorkItem.AlreadyHandled"], isError: true);
                return new LocalRedirectResult("/inbox");
            default:
                return new NotFoundResult();
        }
    }

    public static void Tell(ITempDataDictionary tempData, string message, bool isError)
    {
        tempData[MessageKey] = message;
        tempData[IsErrorKey] = isError;
    }
}
