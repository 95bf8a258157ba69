using System.Globalization;
using ApprovalFlow.Documents.Records;
using ApprovalFlow.Identity;
using ApprovalFlow.Proposals;

namespace ApprovalFlow.Web.Features.Documents;

/// <summary>Where a document can be downloaded, and which signed version that is (null: the current draft).</summary>
/// <param name="Pdf">Site-relative URL of the PDF.</param>
/// <param name="Docx">Site-relative URL of the DOCX.</param>
/// <param name="Version">The signed version linked to; null when the link renders the current text.</param>
/// <param name="PdfSha256">The signed PDF's SHA-256, as written to the audit log.</param>
public sealed record DocumentLink(string Pdf, string Docx, int? Version, string? PdfSha256);

/// <summary>
/// Links to the documents for pages and e-mails, e.g. the e-mail approval page: the proposal's signed (frozen)
/// version when there is one, else its current text. The links need a signed-in user with access to the proposal.
/// </summary>
public sealed class DocumentLinks(ProposalDrafts drafts, DocumentArchive archive)
{
    /// <summary>The page (cookie) routes' prefix.</summary>
    public const string PagePrefix = "/documents";

    /// <summary>The proposal's document link, or null when <paramref name="actor"/> may not see the proposal.</summary>
    public async Task<DocumentLink?> ProposalAsync(Guid proposalId, Actor actor, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(proposalId, actor, cancellationToken) is null)
        {
            return null;
        }

        var signed = await archive.LatestAsync(DocumentKind.Proposal, proposalId, cancellationToken);
        return ForProposal(proposalId, signed?.Version, signed?.PdfSha256);
    }

    /// <summary>The link to a proposal's given version (null: the latest signed one, or the draft while none is signed).</summary>
    public static DocumentLink ForProposal(Guid proposalId, int? version = null, string? pdfSha256 = null)
    {
        var query = version is { } v ? "?version=" + v.ToString(CultureInfo.InvariantCulture) : "";
        return new DocumentLink($"{PagePrefix}/proposals/{proposalId}.pdf{query}", $"{PagePrefix}/proposals/{proposalId}.docx{query}", version, pdfSha256);
    }

    /// <summary>The links to a request's tờ trình (<see cref="DocumentKind.Submission"/>) or decision.</summary>
    public static DocumentLink ForRequest(Guid requestId, DocumentKind kind)
    {
        var name = kind == DocumentKind.Decision ? "decision" : "submission";
        return new DocumentLink($"{PagePrefix}/requests/{requestId}/{name}.pdf", $"{PagePrefix}/requests/{requestId}/{name}.docx", null, null);
    }
}
