using ApprovalFlow.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalFlow.Web.Features.Workflows;

/// <summary>
/// The designer of one workflow, for administrators. The page renders the island's data; the script then calls this
/// page's handlers with the sign-in cookie and the antiforgery token (Razor Pages check it on every POST).
/// </summary>
public sealed class DesignerModel(DefinitionDesk desk, DesignerBootstrap bootstrap) : PageModel
{
    public string Name { get; private set; } = "";

    /// <summary>The island's data, JSON.</summary>
    public string Boot { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string definitionId, CancellationToken cancellationToken)
    {
        if (!User.RequireActor().IsAdministrator)
        {
            return Forbid();
        }

        if (await desk.FindAsync(definitionId, cancellationToken) is not { } summary || await desk.ExportAsync(definitionId, null, cancellationToken) is not { } json)
        {
            return NotFound();
        }

        Name = summary.Name;
        Boot = await bootstrap.DesignerAsync(json, summary, await desk.ProblemsAsync(definitionId, null, cancellationToken) ?? [], cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetVersionAsync(string definitionId, int version, CancellationToken cancellationToken) =>
        !User.RequireActor().IsAdministrator ? Forbid()
        : await desk.ExportAsync(definitionId, version, cancellationToken) is { } json ? Content(json, "application/json")
        : NotFound();

    public async Task<IActionResult> OnGetExportAsync(string definitionId, int version, CancellationToken cancellationToken) =>
        !User.RequireActor().IsAdministrator ? Forbid()
        : await desk.ExportAsync(definitionId, version, cancellationToken) is { } json ? File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", DefinitionDesk.ExportFileName(definitionId, version))
        : NotFound();

    public async Task<IActionResult> OnGetDiffAsync(string definitionId, int from, int to, CancellationToken cancellationToken) =>
        !User.RequireActor().IsAdministrator ? Forbid()
        : await desk.DiffAsync(definitionId, from, to, cancellationToken) is { } changes ? new JsonResult(changes, DesignerBootstrap.Json)
        : NotFound();

    public async Task<IActionResult> OnPostValidateAsync(string definitionId, CancellationToken cancellationToken) =>
        await AnswerAsync(definitionId, async () => desk.Validate(definitionId, await DefinitionEndpoints.ReadBodyAsync(HttpContext)), cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(string definitionId, CancellationToken cancellationToken) =>
        await AnswerAsync(definitionId, async () => await desk.SaveAsync(definitionId, await DefinitionEndpoints.ReadBodyAsync(HttpContext), User.RequireActor(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(string definitionId, int version, CancellationToken cancellationToken) =>
        await AnswerAsync(definitionId, () => desk.PublishAsync(definitionId, version, User.RequireActor(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRevertAsync(string definitionId, int version, CancellationToken cancellationToken) =>
        await AnswerAsync(definitionId, () => desk.RevertAsync(definitionId, version, User.RequireActor(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostImportAsync(string definitionId, CancellationToken cancellationToken) =>
        await AnswerAsync(definitionId, async () => await desk.ImportAsync(await DefinitionEndpoints.ReadBodyAsync(HttpContext), User.RequireActor(), cancellationToken), cancellationToken);

    /// <summary>Runs an action for an administrator; answers its result with the definition's versions as they now stand (400 when refused).</summary>
    private async Task<IActionResult> AnswerAsync(string definitionId, Func<Task<DesignerResult?>> action, CancellationToken cancellationToken)
    {
        if (!User.RequireActor().IsAdministrator)
        {
            return Forbid();
        }

        if (await action() is not { } result)
        {
            return NotFound();
        }

        var summary = await desk.FindAsync(result.DefinitionId ?? definitionId, cancellationToken);
        return new JsonResult(new { result, summary }, DesignerBootstrap.Json) { StatusCode = result.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest };
    }
}
