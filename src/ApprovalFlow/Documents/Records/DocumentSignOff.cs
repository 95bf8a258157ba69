using ApprovalFlow.WorkItems;

namespace ApprovalFlow.Documents.Records;

/// <summary>
/// Freezes each document at the step that signs it: the agency head's approval (the proposal letter), the ICT
/// leader's (the tờ trình) and the UBND's issue (the decision). Called by those workflow steps, in their transaction.
/// </summary>
public sealed class DocumentSignOff(DocumentSources sources, DocumentArchive archive)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>The proposal letter as the head approved it; undated letters take the day of signing.</summary>
    public async Task<DocumentVersion> ProposalAsync(Proposals.Proposal proposal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var document = await sources.ProposalAsync(proposal, DayOf(now), cancellationToken);
        return await archive.FreezeAsync(DocumentKind.Proposal, proposal.Id, document, proposal.Content.SignerName, now, cancellationToken);
    }

    /// <summary>The tờ trình, signed by the ICT leader who approved it.</summary>
    public async Task<DocumentVersion?> SubmissionAsync(Guid requestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var signer = await sources.CompletedByAsync(requestId, WorkItemForms.SignOff, cancellationToken);
        return await sources.SubmissionAsync(requestId, DayOf(now), signer, cancellationToken) is { } document
            ? await archive.FreezeAsync(DocumentKind.Submission, requestId, document, signer, now, cancellationToken)
            : null;
    }

    /// <summary>The decision, signed by the UBND member who issued it.</summary>
    public async Task<DocumentVersion?> DecisionAsync(Guid requestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var signer = await sources.CompletedByAsync(requestId, WorkItemForms.Decision, cancellationToken);
        return await sources.DecisionAsync(requestId, DayOf(now), signer, cancellationToken) is { } document
            ? await archive.FreezeAsync(DocumentKind.Decision, requestId, document, signer, now, cancellationToken)
            : null;
    }

    /// <summary>The day of signing in Vietnam, whatever the server's zone.</summary>
    public static DateOnly DayOf(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Vietnam).DateTime);
}
