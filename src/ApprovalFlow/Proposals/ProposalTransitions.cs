using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Proposals;

/// <summary>The one way a workflow step moves a proposal: a new status, a new revision with its snapshot, an audit line.</summary>
public static class ProposalTransitions
{
    /// <summary>Loads the proposal an instance is correlated with.</summary>
    public static async Task<Proposal> ProposalOfAsync(this ApprovalFlowDbContext db, string? correlationId) =>
        (Guid.TryParse(correlationId, out var id) ? await db.Proposals.FindAsync(id) : null)
        ?? throw new InvalidOperationException($"The instance's correlation '{correlationId}' is not a proposal.");

    /// <summary>The proposals of the request an instance is correlated with.</summary>
    public static async Task<List<Proposal>> ProposalsOfRequestAsync(this ApprovalFlowDbContext db, string? correlationId) =>
        Guid.TryParse(correlationId, out var requestId)
            ? await db.Proposals.Where(p => p.RequestId == requestId).ToListAsync()
            : throw new InvalidOperationException($"The instance's correlation '{correlationId}' is not a request.");

    /// <summary>Moves <paramref name="proposal"/> to <paramref name="status"/> in the caller's unit of work.</summary>
    public static void MoveTo(this ApprovalFlowDbContext db, Proposal proposal, ProposalStatus status, DateTimeOffset now)
    {
        var from = proposal.Status;
        proposal.Status = status;
        proposal.UpdatedAt = now;

        // A new revision, so that an editor (or an e-mail link) holding the old one gets a conflict, not a silent change.
        proposal.Revision++;
        db.ProposalRevisions.Add(ProposalDrafts.Snapshot(proposal));
        if (status is ProposalStatus.UnderReview)
        {
            proposal.SubmittedToIctAt ??= now;
        }

        if (status is ProposalStatus.AwaitingDecision)
        {
            proposal.SubmittedToUbndAt ??= now;
        }

        db.Audit(AuditActions.ProposalStatus, "proposal", proposal.Id, now, details: new { From = from.ToString(), To = status.ToString(), proposal.Revision });
    }
}
