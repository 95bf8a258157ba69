using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Localization;
using ApprovalFlow.Workflows.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Workflows;

/// <summary>The workflow definitions, for administrators: versions, the published one, instances still active per version; new and import.</summary>
public sealed class DefinitionsModel(DefinitionDesk desk, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Files beyond this are no workflow definition.</summary>
    private const long MaxImportBytes = 2 * 1024 * 1024;

    public IReadOnlyList<DefinitionSummary> Definitions { get; private set; } = [];

    [BindProperty]
    public string? NewName { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.RequireActor().IsAdministrator)
        {
            return Forbid();
        }

        Definitions = await desk.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        if (!actor.IsAdministrator)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(NewName) || NewName.Length > 200)
        {
            return await ShowAsync(text["Workflows.NameRequired"], cancellationToken);
        }

        return Redirect($"/admin/workflows/{await desk.CreateAsync(NewName, actor, cancellationToken)}");
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        if (!actor.IsAdministrator)
        {
            return Forbid();
        }

        if (file is null || file.Length == 0 || file.Length > MaxImportBytes)
        {
            return await ShowAsync(text["Workflows.ImportFileRequired"], cancellationToken);
        }

        using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8);
        var result = await desk.ImportAsync(await reader.ReadToEndAsync(cancellationToken), actor, cancellationToken);
        if (!result.Succeeded)
        {
            return await ShowAsync($"{result.Error} {string.Join(" ", result.Problems.Select(p => p.Message))}", cancellationToken);
        }

        TempData["Message"] = text["Workflows.Imported", result.Version ?? 0].Value;
        return Redirect($"/admin/workflows/{Uri.EscapeDataString(result.DefinitionId!)}");
    }

    private async Task<IActionResult> ShowAsync(string error, CancellationToken cancellationToken)
    {
        Error = error;
        Definitions = await desk.ListAsync(cancellationToken);
        return Page();
    }
}
