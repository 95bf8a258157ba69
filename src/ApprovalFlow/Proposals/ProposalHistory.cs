using System.Text.Json;
using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Proposals;

/// <summary>One step of a proposal's timeline: who was asked, who acted (and for whom), how, with what outcome.</summary>
public sealed record TimelineEntry(
    string Step, string Form, WorkItemStatus Status, string? Outcome, string? ActorName, string? OnBehalfOfName,
    string? Channel, string? Comment, DateTimeOffset OpenedAt, DateTimeOffset? CompletedAt, DateTimeOffset? DueAt);

/// <summary>The last time a proposal was sent back: who did it, what they wrote, and what changed since.</summary>
public sealed record ReturnNote(string Step, string? ActorName, string? Comment, DateTimeOffset? At, int ReturnedRevision, IReadOnlyList<ContentChange> ChangesSince);

/// <summary>Reads a proposal's past: its timeline of steps and its last return with the changes made since.</summary>
public sealed class ProposalHistory(ApprovalFlowDbContext db)
{
    /// <summary>Every step opened for the proposal, oldest first.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        var key = proposalId.ToString();
        var items = await db.WorkItems.AsNoTracking().Where(i => i.CorrelationId == key).ToListAsync(cancellationToken);
        return [.. items.OrderBy(i => i.CreatedAt).Select(i => new TimelineEntry(
            i.Title, i.Form, i.Status, i.Outcome, i.CompletedByName, i.OnBehalfOfName, i.Channel, i.Comment, i.CreatedAt, i.CompletedAt, i.DueAt))];
    }

    /// <summary>The latest return of <paramref name="proposal"/>, or null if it was never returned.</summary>
    public async Task<ReturnNote?> LastReturnAsync(Proposal proposal, CancellationToken cancellationToken)
    {
        var key = proposal.Id.ToString();
        var returns = await db.WorkItems.AsNoTracking()
            .Where(i => i.CorrelationId == key && i.Status == WorkItemStatus.Completed && i.Outcome == WorkItemForms.Return)
            .ToListAsync(cancellationToken);
        if (returns.OrderByDescending(i => i.CompletedAt).FirstOrDefault() is not { } last)
        {
            return null;
        }

        // The audit log holds the revision each status change produced: the content as it was sent back.
        var returnedRevision = (await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == "proposal" && e.EntityId == key && e.Action == AuditActions.ProposalStatus)
                .Select(e => e.Details).ToListAsync(cancellationToken))
            .Select(details => JsonSerializer.Deserialize<StatusDetails>(details ?? "{}", JsonSerializerOptions.Web))
            .Where(d => d?.To == nameof(ProposalStatus.Returned))
            .Select(d => d!.Revision).DefaultIfEmpty(proposal.Revision).Max();
        var snapshot = await db.ProposalRevisions.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ProposalId == proposal.Id && r.Revision == returnedRevision, cancellationToken);
        var changes = snapshot is null ? [] : ProposalChanges.Between(snapshot.Content, proposal.Content);
        return new ReturnNote(last.Title, last.CompletedByName, last.Comment, last.CompletedAt, returnedRevision, changes);
    }

    private sealed record StatusDetails(string? To, int Revision);
}
