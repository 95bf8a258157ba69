using ApprovalFlow.Budget;
using ApprovalFlow.Calendar;
using ApprovalFlow.Documents;
using ApprovalFlow.Identity;
using ApprovalFlow.Organization;
using ApprovalFlow.Proposals;
using ApprovalFlow.Web.Features.Requests;
using ApprovalFlow.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Proposals;

/// <summary>Reads proposals within the actor's scope for the pages and the API.</summary>
public sealed class ProposalQueries(ProposalDrafts drafts, RequestQueries requests, AgencyDirectory directory, TimeProvider clock)
{
    public async Task<IReadOnlyList<ProposalListItem>> ListAsync(Actor actor, Guid? requestId, CancellationToken cancellationToken)
    {
        var query = drafts.VisibleTo(actor);
        if (requestId is { } id)
        {
            query = query.Where(p => p.RequestId == id);
        }

        var proposals = await query.ToListAsync(cancellationToken);
        var agencies = await directory.LoadAsync(cancellationToken);
        var visibleRequests = (await requests.ListAsync(actor, cancellationToken, agencies)).ToDictionary(r => r.Id);
        var sources = await drafts.FundingSourcesAsync(cancellationToken);
        return
        [
            .. from p in proposals
               let request = visibleRequests.GetValueOrDefault(p.RequestId)
               where request is not null
               let summary = BudgetSummary.Compute(p.Content, sources)
               let agency = RequestQueries.Ref(agencies, p.AgencyId, request.Date)
               where agency is not null
               orderby request.Date descending, agency.Name
               select new ProposalListItem(p.Id, p.RequestId, request.Number, agency, p.Status, p.Revision, p.UpdatedAt, p.UpdatedByName, summary.PeriodTotal, summary.PlanYearTotal),
        ];
    }

    /// <summary>The proposal with everything a page or the API shows, or null when the actor may not see it.</summary>
    public async Task<ProposalDto?> GetAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        await drafts.FindAsync(id, actor, cancellationToken) is { } proposal ? await ToDtoAsync(proposal, actor, cancellationToken) : null;

    public async Task<ProposalDto> ToDtoAsync(Proposal proposal, Actor actor, CancellationToken cancellationToken)
    {
        var agencies = await directory.LoadAsync(cancellationToken);
        var request = await requests.FindForVisibleChildAsync(proposal.RequestId, agencies, cancellationToken)
            ?? throw new InvalidOperationException($"Proposal {proposal.Id} has no request.");
        var agency = RequestQueries.Ref(agencies, proposal.AgencyId, request.Date)
            ?? throw new InvalidOperationException($"Proposal {proposal.Id} names an unknown agency.");
        var letterDate = proposal.Content.Date ?? request.Date;
        var profile = agencies.ProfileOn(proposal.AgencyId, letterDate) ?? agencies.ProfileOn(proposal.AgencyId, request.Date)!;
        var header = new LetterHeader(profile.ParentHeaderName, profile.HeaderName, VietnameseDate.PlaceAndDate(profile.Place, proposal.Content.Date, VietnamTime.Today(clock).Year));
        return new ProposalDto(
            proposal.Id, request, agency, header, proposal.Status, proposal.Revision, proposal.UpdatedAt, proposal.UpdatedByName,
            ProposalAccess.CanEdit(proposal, actor), proposal.Content, await drafts.SummarizeAsync(proposal.Content, cancellationToken),
            proposal.Recommendations, proposal.Decisions);
    }
}
