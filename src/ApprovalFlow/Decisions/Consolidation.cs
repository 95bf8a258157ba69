using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Organization;
using ApprovalFlow.Proposals;
using ApprovalFlow.Requests;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Decisions;

/// <summary>Two budget figures in million VND: for the whole period and for the plan year.</summary>
public readonly record struct BudgetFigures(decimal Period, decimal PlanYear)
{
    public static BudgetFigures operator +(BudgetFigures a, BudgetFigures b) => new(a.Period + b.Period, a.PlanYear + b.PlanYear);

    public static BudgetFigures Add(BudgetFigures a, BudgetFigures b) => a + b;
}

/// <summary>One agency's line in the consolidation: its proposal's standing and figures.</summary>
public sealed record ConsolidationRow(
    Guid ProposalId, Guid AgencyId, string AgencyName, ProposalStatus Status, bool Included,
    BudgetFigures Proposed, BudgetFigures? Recommended, BudgetFigures? Approved);

/// <summary>
/// The ICT department's overview of a request (bảng tổng hợp): every target agency, whether its proposal is included
/// (accepted by the review), and its proposed, recommended and approved totals.
/// </summary>
public sealed record ConsolidationView(BudgetRequest Request, IReadOnlyList<ConsolidationRow> Rows)
{
    public IEnumerable<ConsolidationRow> Included => Rows.Where(r => r.Included);

    /// <summary>The agencies whose proposal was not accepted (or not sent) in time.</summary>
    public IEnumerable<ConsolidationRow> Missing => Rows.Where(r => !r.Included);

    public BudgetFigures ProposedTotal => Included.Aggregate(default(BudgetFigures), (sum, r) => sum + r.Proposed);

    public BudgetFigures RecommendedTotal => Included.Aggregate(default(BudgetFigures), (sum, r) => sum + (r.Recommended ?? default));

    public BudgetFigures ApprovedTotal => Included.Aggregate(default(BudgetFigures), (sum, r) => sum + (r.Approved ?? default));
}

/// <summary>Builds the consolidation of a request for those who may see it.</summary>
public sealed class Consolidation(ApprovalFlowDbContext db, AgencyDirectory directory)
{
    private static readonly ProposalStatus[] IncludedStatuses =
        [ProposalStatus.Accepted, ProposalStatus.AwaitingDecision, ProposalStatus.Approved, ProposalStatus.PartlyApproved, ProposalStatus.Rejected];

    /// <summary>The consolidation, or null when the request does not exist or <paramref name="actor"/> may not see it.</summary>
    public async Task<ConsolidationView?> ForRequestAsync(Guid requestId, Actor actor, CancellationToken cancellationToken)
    {
        // The overview of every agency is the ICT department's and the UBND's, not one agency's.
        if (!actor.IsIct && !actor.IsUbnd && !actor.IsAdministrator)
        {
            return null;
        }

        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var proposals = await db.Proposals.AsNoTracking().Where(p => p.RequestId == requestId).Where(ProposalAccess.VisibleTo(actor)).ToListAsync(cancellationToken);
        if (actor.IsUbnd && !actor.IsIct && !actor.IsAdministrator && proposals.Count == 0)
        {
            return null;
        }

        var agencies = await directory.LoadAsync(cancellationToken);
        var rows = request.TargetAgencyIds.Select(agencyId =>
        {
            var name = agencies.ProfileOn(agencyId, request.Date)?.Name ?? agencyId.ToString();
            return proposals.FirstOrDefault(p => p.AgencyId == agencyId) is { } p
                ? new ConsolidationRow(p.Id, agencyId, name, p.Status, IncludedStatuses.Contains(p.Status), Proposed(p), Recommended(p), Approved(p))
                : new ConsolidationRow(Guid.Empty, agencyId, name, ProposalStatus.Draft, false, default, null, null);
        });

        // The UBND is shown what was put before it, not the agencies' drafts.
        var visible = actor.IsUbnd && !actor.IsIct && !actor.IsAdministrator ? rows.Where(r => r.Included) : rows;
        return new ConsolidationView(request, [.. visible.OrderByDescending(r => r.Included).ThenBy(r => r.AgencyName, VietnameseOrder.Comparer)]);
    }

    /// <summary>What the agency asks for: its tasks' totals.</summary>
    public static BudgetFigures Proposed(Proposal proposal) =>
        new(proposal.Content.Tasks.Sum(t => t.Total), proposal.Content.Tasks.Sum(t => t.PlanYearNeed));

    public static BudgetFigures? Recommended(Proposal proposal) => proposal.Recommendations.Count == 0
        ? null
        : new(proposal.Recommendations.Sum(r => r.PeriodAmount), proposal.Recommendations.Sum(r => r.PlanYearAmount));

    public static BudgetFigures? Approved(Proposal proposal) => proposal.Decisions.Count == 0
        ? null
        : new(proposal.Decisions.Sum(d => d.PeriodAmount), proposal.Decisions.Sum(d => d.PlanYearAmount));
}
