using ApprovalFlow.Notifications;
using ApprovalFlow.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Mail;

/// <summary>
/// Administrators edit one mail template. Saving checks it first: a template that does not parse, or fails to render
/// with every value a mail may carry, is refused with its line and Liquid's message, and nothing is saved.
/// </summary>
public sealed class TemplateModel(MailTemplates templates, IStringLocalizer<SharedResource> text) : PageModel
{
    public string Name { get; private set; } = "";

    [BindProperty]
    public string Source { get; set; } = "";

    public bool IsEdited { get; private set; }

    public MailTemplateError? Error { get; private set; }

    /// <summary>The template rendered with the sample values: subject, plain text, HTML.</summary>
    public (string Subject, string Text, string Html)? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken cancellationToken)
    {
        if (Refuse(name) is { } refusal)
        {
            return refusal;
        }

        var edited = await templates.EditedAsync(cancellationToken);
        IsEdited = edited.ContainsKey(name);
        Source = edited.TryGetValue(name, out var template) ? template.Source : MailTemplates.DefaultSource(name);
        Preview = MailTemplates.InForce(name, edited).Render(MailTemplates.SampleModel);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name, CancellationToken cancellationToken)
    {
        if (Refuse(name) is { } refusal)
        {
            return refusal;
        }

        Error = await templates.SaveAsync(name, Source ?? "", User.RequireActor(), cancellationToken);
        if (Error is not null)
        {
            IsEdited = (await templates.EditedAsync(cancellationToken)).ContainsKey(name);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData["Message"] = text["Mail.TemplateSaved", name].Value;
        return RedirectToPage(new { name });
    }

    public async Task<IActionResult> OnPostResetAsync(string name, CancellationToken cancellationToken)
    {
        if (Refuse(name) is { } refusal)
        {
            return refusal;
        }

        await templates.ResetAsync(name, User.RequireActor(), cancellationToken);
        TempData["Message"] = text["Mail.TemplateReset", name].Value;
        return RedirectToPage(new { name });
    }

    private IActionResult? Refuse(string name)
    {
        Name = name;
        return !User.RequireActor().IsAdministrator ? Forbid() : MailTemplates.Exists(name) ? null : NotFound();
    }
}
