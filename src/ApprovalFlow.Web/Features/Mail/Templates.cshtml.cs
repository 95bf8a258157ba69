using ApprovalFlow.Notifications;
using ApprovalFlow.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalFlow.Web.Features.Mail;

/// <summary>Administrators: every mail template, by kind and language, and which ones they have changed.</summary>
public sealed class TemplatesModel(MailTemplates templates) : PageModel
{
    public IReadOnlyDictionary<string, MailTemplate> Edited { get; private set; } = new Dictionary<string, MailTemplate>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.RequireActor().IsAdministrator)
        {
            return Forbid();
        }

        Edited = await templates.EditedAsync(cancellationToken);
        return Page();
    }
}
