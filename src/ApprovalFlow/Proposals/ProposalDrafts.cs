using ApprovalFlow.Audit;
using ApprovalFlow.Budget;
using ApprovalFlow.Data;
using ApprovalFlow.EmailApproval;
using ApprovalFlow.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Proposals;

/// <summary>Reads proposals within the actor's scope and saves drafts with optimistic concurrency.</summary>
public sealed class ProposalDrafts(ApprovalFlowDbContext db, ProposalValidator validator, TimeProvider clock)
{
    /// <summary>The proposals the actor may see.</summary>
    public IQueryable<Proposal> VisibleTo(Actor actor) => db.Proposals.AsNoTracking().Where(ProposalAccess.VisibleTo(actor));

    /// <summary>One proposal if the actor may see it; null otherwise, whether or not it exists.</summary>
    public Task<Proposal?> FindAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        VisibleTo(actor).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>The funding sources a task may name, in display order.</summary>
    public Task<List<FundingSource>> FundingSourcesAsync(CancellationToken cancellationToken) =>
        db.FundingSources.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);

    /// <summary>Computes section IV and the other sums of a proposal's content.</summary>
    public async Task<BudgetSummary> SummarizeAsync(ProposalContent content, CancellationToken cancellationToken) =>
        BudgetSummary.Compute(content, await FundingSourcesAsync(cancellationToken));

    /// <summary>
    /// Saves <paramref name="content"/> as the next revision, provided the proposal is still at
    /// <paramref name="baseRevision"/> (the one the editor loaded) and the content is valid.
    /// </summary>
    public async Task<SaveDraftResult> SaveAsync(Guid id, int baseRevision, ProposalContent content, Actor actor, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.Where(ProposalAccess.VisibleTo(actor)).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return new SaveDraftResult.NotFound();
        }

        if (!ProposalAccess.CanEdit(proposal, actor))
        {
            return new SaveDraftResult.Forbidden();
        }

        if (proposal.Revision != baseRevision)
        {
            return await ConflictAsync(proposal, baseRevision, cancellationToken);
        }

        var issues = await ValidateAsync(proposal.RequestId, content, cancellationToken);
        if (issues.Count > 0)
        {
            return new SaveDraftResult.Invalid(issues);
        }

        var now = clock.GetUtcNow();
        proposal.Content = ProposalJson.Clone(content);
        proposal.Revision++;
        proposal.UpdatedAt = now;
        proposal.UpdatedById = actor.UserId;
        proposal.UpdatedByName = actor.DisplayName;
        db.ProposalRevisions.Add(Snapshot(proposal));
        db.Audit(AuditActions.ProposalSaved, "proposal", proposal.Id, now, actor, details: new { proposal.Revision });
        if (proposal.Status == ProposalStatus.AwaitingSignOff)
        {
            await db.ReviseOpenApprovalsAsync(proposal.Id, now, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save won the race between our read and our write (the revision token, or the unique
            // (proposal, revision) index, caught it): report it exactly like a conflict seen at read time.
            db.ChangeTracker.Clear();
            var current = await db.Proposals.SingleAsync(p => p.Id == id, cancellationToken);
            return await ConflictAsync(current, baseRevision, cancellationToken);
        }

        return new SaveDraftResult.Saved(proposal);
    }

    /// <summary>Checks <paramref name="content"/> against its request and the funding-source list; stores nothing.</summary>
    public async Task<IReadOnlyList<ValidationIssue>> ValidateAsync(Guid requestId, ProposalContent content, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == requestId, cancellationToken);
        var sources = await db.FundingSources.Select(s => s.Code).ToListAsync(cancellationToken);
        return validator.Validate(content, request, sources);
    }

    /// <summary>The snapshot that records a proposal's content at its current revision.</summary>
    public static ProposalRevision Snapshot(Proposal proposal) => new()
    {
        ProposalId = proposal.Id,
        Revision = proposal.Revision,
        Content = ProposalJson.Clone(proposal.Content),
        SavedAt = proposal.UpdatedAt,
        SavedById = proposal.UpdatedById,
        SavedByName = proposal.UpdatedByName,
    };

    private async Task<SaveDraftResult> ConflictAsync(Proposal current, int baseRevision, CancellationToken cancellationToken)
    {
        var baseSnapshot = await db.ProposalRevisions.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ProposalId == current.Id && r.Revision == baseRevision, cancellationToken);
        var changes = baseSnapshot is null ? [] : ProposalChanges.Between(baseSnapshot.Content, current.Content);
        return new SaveDraftResult.Conflict(current, changes);
    }
}
