using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Localization;
using ApprovalFlow.Workflows.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Workflows;

/// <summary>One instance for administrators: its flowchart with the path taken, journal, variables, incidents; retry and cancel.</summary>
public sealed class InstanceModel(InstanceQueries queries, WorkflowRuntime runtime, DesignerBootstrap bootstrap, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Values as people write them (Vietnamese, <c>+</c>): the page encodes what it shows, so the JSON need not escape them.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public InstanceDetails Details { get; private set; } = null!;

    /// <summary>A variable's value as JSON for people.</summary>
    public static string Show(System.Text.Json.Nodes.JsonNode? value) => value?.ToJsonString(Readable) ?? "null";

    /// <summary>The viewer island's data, JSON.</summary>
    public string Boot { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!User.RequireActor().IsAdministrator)
        {
            return Forbid();
        }

        if (await queries.GetAsync(id, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        Boot = bootstrap.Viewer(details);
        return Page();
    }

    public Task<IActionResult> OnPostRetryAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, () => runtime.RetryAsync(id, cancellationToken), "Instance.Retried");

    public Task<IActionResult> OnPostCancelAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, () => runtime.CancelAsync(id, cancellationToken), "Instance.Cancelled");

    private async Task<IActionResult> ActAsync(string id, Func<Task<ResumeResult>> action, string done)
    {
        if (!User.RequireActor().IsAdministrator)
        {
            return Forbid();
        }

        var handled = await action() is ResumeResult.Resumed;
        TempData["Message"] = (handled ? text[done] : text["Instance.NothingDone"]).Value;
        TempData["IsError"] = !handled;
        return RedirectToPage(new { id });
    }
}
