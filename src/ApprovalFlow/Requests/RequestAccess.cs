using System.Linq.Expressions;
using ApprovalFlow.Identity;
using ApprovalFlow.Proposals;

namespace ApprovalFlow.Requests;

/// <summary>
/// Who may see a request: administrators and the ICT department (its author) all of them; an agency those
/// addressed to it once issued; the UBND those with a proposal already put before it.
/// </summary>
public static class RequestAccess
{
    /// <param name="actor">Who asks.</param>
    /// <param name="proposals">The proposals table, for the UBND's rule; the filter stays one SQL query.</param>
    public static Expression<Func<BudgetRequest, bool>> VisibleTo(Actor actor, IQueryable<Proposal> proposals)
    {
        var all = actor.IsAdministrator || actor.IsIct;
        var agency = actor.IsAgencyMember ? actor.AgencyId : (Guid?)null;
        var ubnd = actor.IsUbnd;
        return r => all
            || (agency != null && r.Status != RequestStatus.Draft && r.TargetAgencyIds.Contains(agency.Value))
            || (ubnd && proposals.Any(p => p.RequestId == r.Id && p.SubmittedToUbndAt != null));
    }
}
