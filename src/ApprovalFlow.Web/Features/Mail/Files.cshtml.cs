using ApprovalFlow.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalFlow.Web.Features.Mail;

/// <summary>
/// The embedded default's mailbox: with no SMTP server, messages are files in the data folder, listed here and shown
/// with their links, so that one person can walk the whole chain on one machine.
/// </summary>
public sealed class FilesModel(DroppedMail mail) : PageModel
{
    public IReadOnlyList<DroppedMail.Entry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.RequireActor().IsAdministrator)
        {
            return Forbid();
        }

        Entries = await mail.ListAsync(300, cancellationToken);
        return Page();
    }
}
