using ApprovalFlow.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MimeKit;

namespace ApprovalFlow.Web.Features.Mail;

/// <summary>One dropped message as its recipient would see it, its links clickable.</summary>
public sealed class FileModel(DroppedMail mail) : PageModel
{
    public MimeMessage Message { get; private set; } = null!;

    /// <summary>The HTML part for a sandboxed frame; its links open in the page, not in the frame.</summary>
    public string FramedHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken cancellationToken)
    {
        if (!User.RequireActor().IsAdministrator)
        {
            return Forbid();
        }

        if (await mail.LoadAsync(name, cancellationToken) is not { } message)
        {
            return NotFound();
        }

        Message = message;
        FramedHtml = (message.HtmlBody ?? "").Replace("<body>", "<head><base target=\"_top\"></head><body>", StringComparison.Ordinal);
        return Page();
    }
}
