using System.Globalization;
using ApprovalFlow.Budget;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Organization;
using ApprovalFlow.Proposals;
using ApprovalFlow.Requests;
using ApprovalFlow.Web.Features.Requests;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Dashboard;

/// <summary>
/// Computes the dashboard within the actor's scope: the proposals <see cref="ProposalAccess"/> shows them (of the
/// requests <see cref="RequestAccess"/> shows them), and the work items of those proposals and requests.
/// Every visible proposal counts as it stands, drafts included: an agency sees its own draft's figures, the ICT and
/// the UBND never see a draft at all.
/// </summary>
public sealed class DashboardQueries(ApprovalFlowDbContext db, AgencyDirectory directory, TimeProvider clock)
{

    /// <summary>The figures, or null when <paramref name="requestId"/> names a request the actor may not see.</summary>
    public async Task<DashboardDto?> GetAsync(Actor actor, Guid? requestId, CancellationToken cancellationToken)
    {
        var requestQuery = db.Requests.AsNoTracking().Where(RequestAccess.VisibleTo(actor, db.Proposals));
        if (requestId is { } only)
        {
            requestQuery = requestQuery.Where(r => r.Id == only);
        }

        var requests = await requestQuery
            .Select(r => new RequestFacts(r.Id, r.IssuerAgencyId, r.Date, r.PlanYear))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        if (requestId is not null && requests.Count == 0)
        {
            return null;
        }

        // The content is one JSON column, so its tasks are summed here; only the columns the sums need are read.
        var requestIds = requests.Keys.ToList();
        var proposals = await db.Proposals.AsNoTracking()
            .Where(ProposalAccess.VisibleTo(actor))
            .Where(p => requestIds.Contains(p.RequestId))
            .Select(p => new ProposalFigures(p.Id, p.RequestId, p.AgencyId, p.Content, p.Recommendations, p.Decisions))
            .ToListAsync(cancellationToken);

        var agencies = await directory.LoadAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var items = await WorkItemsAsync(actor, requests, proposals, cancellationToken);
        var budgets = proposals.Select(p => (Proposal: p, Request: requests[p.RequestId], Totals: TotalsOf(p))).ToList();

        var byAgency = budgets
            .GroupBy(b => b.Proposal.AgencyId)
            .Select(g => new AgencyBudget(AgencyOn(agencies, g.Key, g.Max(b => b.Request.Date)), BudgetTotals.Sum(g.Select(b => b.Totals))))
            .OrderBy(a => a.Agency.Name, VietnameseOrder.Comparer)
            .ToList();
        var byYear = budgets
            .GroupBy(b => b.Request.PlanYear)
            .OrderBy(g => g.Key)
            .Select(g => new YearBudget(g.Key, BudgetTotals.Sum(g.Select(b => b.Totals))))
            .ToList();
        var overdue = items
            .Where(i => IsOverdue(i.Item, now))
            .GroupBy(i => i.AgencyId)
            .Select(g => new AgencyOverdue(AgencyOn(agencies, g.Key, g.Max(i => i.RequestDate)), g.Count()))
            .OrderByDescending(a => a.Count)
            .ThenBy(a => a.Agency.Name, VietnameseOrder.Comparer)
            .ToList();

        return new DashboardDto(
            requestId, now, BudgetTotals.Sum(budgets.Select(b => b.Totals)), byAgency, byYear, StepsOf(items.Select(i => i.Item), now), overdue);
    }

    /// <summary>
    /// The items of the visible proposals, and the request-level items (consolidation, the ICT's signature, the
    /// decision) for the ICT, the UBND and administrators: those steps are their work, not the agencies'.
    /// Each with the agency it counts against: the proposal's, or the request's issuer for a request-level item.
    /// </summary>
    private async Task<List<(ItemFacts Item, Guid AgencyId, DateOnly RequestDate)>> WorkItemsAsync(
        Actor actor, Dictionary<Guid, RequestFacts> requests, List<ProposalFigures> proposals, CancellationToken cancellationToken)
    {
        // Correlation ids are written as Guid.ToString() (see RequestPublisher), so they are matched in that form.
        var owners = proposals.ToDictionary(p => p.Id.ToString(), p => (p.AgencyId, requests[p.RequestId].Date));
        if (actor.IsAdministrator || actor.IsIct || actor.IsUbnd)
        {
            foreach (var request in requests.Values)
            {
                owners[request.Id.ToString()] = (request.IssuerAgencyId, request.Date);
            }
        }

        var keys = owners.Keys.ToList();
        var items = await db.WorkItems.AsNoTracking()
            .Where(w => w.CorrelationId != null && keys.Contains(w.CorrelationId))
            .Select(w => new ItemFacts(w.CorrelationId!, w.Form, w.Title, w.Status, w.DueAt))
            .ToListAsync(cancellationToken);
        return [.. items.Select(i => (i, owners[i.CorrelationId].AgencyId, owners[i.CorrelationId].Date))];
    }

    /// <summary>Steps in the chain's order (by form), then by title: "sign-off" is both the agency head's and the ICT leader's.</summary>
    private static List<StepCounts> StepsOf(IEnumerable<ItemFacts> items, DateTimeOffset now) =>
    [
        .. items
            .GroupBy(i => (i.Form, i.Title))
            .OrderBy(g => FormOrder(g.Key.Form))
            .ThenBy(g => g.Key.Title, VietnameseOrder.Comparer)
            .Select(g => new StepCounts(
                g.Key.Form,
                g.Key.Title,
                g.Count(i => IsOverdue(i, now)),
                g.Count(i => i.Status == WorkItemStatus.Open && !IsOverdue(i, now)),
                g.Count(i => i.Status == WorkItemStatus.Completed),
                g.Count(i => i.Status == WorkItemStatus.Cancelled))),
    ];

    /// <summary>The form's place in <see cref="WorkItemForms.All"/>; a form of the designer's own comes after them.</summary>
    private static int FormOrder(string form) => WorkItemForms.All.TakeWhile(f => f != form).Count();

    private static bool IsOverdue(ItemFacts item, DateTimeOffset now) => item.Status == WorkItemStatus.Open && item.DueAt < now;

    /// <summary>Proposed is section IV's total (computed from the tasks, as on the letter); the others are the per-task figures.</summary>
    private static BudgetTotals TotalsOf(ProposalFigures p)
    {
        var summary = BudgetSummary.Compute(p.Content, []);
        return new BudgetTotals(
            new PeriodAndYear(summary.PeriodTotal, summary.PlanYearTotal),
            new PeriodAndYear(p.Recommendations.Sum(r => r.PeriodAmount), p.Recommendations.Sum(r => r.PlanYearAmount)),
            new PeriodAndYear(p.Decisions.Sum(d => d.PeriodAmount), p.Decisions.Sum(d => d.PlanYearAmount)));
    }

    /// <summary>
    /// The agency named as on its newest request's date; an agency that did not exist then (a directory edited later)
    /// keeps its newest name rather than vanishing from the totals.
    /// </summary>
    private static AgencyRef AgencyOn(AgencyLookup agencies, Guid id, DateOnly date) =>
        RequestQueries.Ref(agencies, id, date)
        ?? (agencies.Find(id) is { } agency && agency.Profiles.MaxBy(p => p.ValidFrom) is { } latest
            ? new AgencyRef(id, agency.Code, latest.Name, latest.Abbreviation)
            : new AgencyRef(id, "", id.ToString(), ""));

    private sealed record RequestFacts(Guid Id, Guid IssuerAgencyId, DateOnly Date, int PlanYear);

    private sealed record ProposalFigures(
        Guid Id, Guid RequestId, Guid AgencyId, ProposalContent Content, List<TaskRecommendation> Recommendations, List<TaskDecision> Decisions);

    private sealed record ItemFacts(string CorrelationId, string Form, string Title, WorkItemStatus Status, DateTimeOffset? DueAt);
}
