using ApprovalFlow.Decisions;
using ApprovalFlow.Documents.Records;
using ApprovalFlow.EmailApproval;
using ApprovalFlow.Proposals;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Features.Documents;
using ApprovalFlow.Web.Features.Mail;
using ApprovalFlow.Web.Features.Proposals;
using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.EmailApproval;

/// <summary>
/// The page a mail's approval link opens. GET (and HEAD, which mail scanners send) only shows: what is being approved,
/// at which revision, or why the link no longer works. Only the page's own POST, with its antiforgery token, acts.
/// </summary>
[EnableRateLimiting(MailServiceExtensions.LinkRateLimit)]
public sealed class ApproveModel(
    ApprovalLinks links, EmailApprovals approvals, ProposalDrafts drafts, ProposalQueries queries, Consolidation consolidation,
    DocumentDownloads downloads, IStringLocalizer<SharedResource> text) : PageModel
{
    public ApprovalLinkState State { get; private set; } = new ApprovalLinkState.Unknown();

    /// <summary>The proposal as it will be approved, for a proposal's step.</summary>
    public LetterView? Letter { get; private set; }

    /// <summary>Every agency's figures, for the request's sign-off.</summary>
    public ConsolidationView? Consolidated { get; private set; }

    /// <summary>The step needs its approver signed in, and they are not.</summary>
    public bool NeedsSignIn { get; private set; }

    /// <summary>Someone else is signed in than the person the link was sent to.</summary>
    public bool SignedInAsSomeoneElse { get; private set; }

    /// <summary>The link names another item than the form posted.</summary>
    public bool WrongItem { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public Guid WorkItemId { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await ShowAsync(token, cancellationToken);
        return Page();
    }

    /// <summary>
    /// The document being approved (the proposal's letter, or the tờ trình for the request's sign-off) as PDF or DOCX,
    /// for as long as the link works: the approver reads what they sign without signing in, as on the page itself.
    /// </summary>
    public async Task<IActionResult> OnGetDocumentAsync(string token, string format, CancellationToken cancellationToken)
    {
        await ShowAsync(token, cancellationToken);
        if (State is not ApprovalLinkState.Valid valid || NeedsSignIn || !Guid.TryParse(valid.Item.CorrelationId, out var subject)
            || format switch { "pdf" => FileFormat.Pdf, "docx" => FileFormat.Docx, _ => (FileFormat?)null } is not { } wanted)
        {
            return NotFound();
        }

        var file = Letter is not null
            ? await downloads.ProposalAsync(subject, wanted, null, valid.Approver, cancellationToken)
            : await downloads.RequestDocumentAsync(DocumentKind.Submission, subject, wanted, null, valid.Approver, cancellationToken);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostAsync(string token, string outcome, CancellationToken cancellationToken)
    {
        var client = new EmailClient(HttpContext.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString());
        switch (await approvals.ActAsync(token, WorkItemId, outcome, Comment, SignedInUserId, client, cancellationToken))
        {
            case EmailActionResult.Done done:
                TempData["Message"] = text[done.Outcome == WorkItemForms.Approve ? "EmailApproval.DoneApproved" : "EmailApproval.DoneOther", done.Item.Title].Value;
                return RedirectToPage(new { token });
            case EmailActionResult.SignInRequired:
                return Redirect($"/Account/Login?ReturnUrl={Uri.EscapeDataString(Request.Path)}");
            case EmailActionResult.WrongItem:
                WrongItem = true;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            case EmailActionResult.Refused refused:
                Error = refused.Message;
                await ShowAsync(token, cancellationToken);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            default:
                await ShowAsync(token, cancellationToken);
                return Page();
        }
    }

    private Guid? SignedInUserId => User.Identity?.IsAuthenticated == true ? User.ToActor()?.UserId : null;

    private async Task ShowAsync(string token, CancellationToken cancellationToken)
    {
        // The token is in the address: keep it out of caches, other sites' logs and search engines.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";

        State = await links.FindAsync(token, cancellationToken);
        if (State is not ApprovalLinkState.Valid valid)
        {
            Response.StatusCode = State is ApprovalLinkState.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
            return;
        }

        WorkItemId = valid.Item.Id;
        SignedInAsSomeoneElse = SignedInUserId is { } user && user != valid.Approver.UserId;
        NeedsSignIn = approvals.RequiresSignIn(valid.Item) && SignedInUserId != valid.Approver.UserId;
        if (NeedsSignIn || !Guid.TryParse(valid.Item.CorrelationId, out var subject))
        {
            return;
        }

        // Shown as the approver sees it in the application: the same rules of who sees what apply.
        if (await drafts.FindAsync(subject, valid.Approver, cancellationToken) is { } proposal)
        {
            Letter = new LetterView(await queries.ToDtoAsync(proposal, valid.Approver, cancellationToken), await drafts.FundingSourcesAsync(cancellationToken));
        }
        else
        {
            Consolidated = await consolidation.ForRequestAsync(subject, valid.Approver, cancellationToken);
        }
    }
}
