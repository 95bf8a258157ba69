using System.Linq.Expressions;
using ApprovalFlow.Identity;

namespace ApprovalFlow.Requests;

/// <summary>Who may see a request: the province-wide roles all of them, an agency those addressed to it once issued.</summary>
public static class RequestAccess
{
    public static Expression<Func<BudgetRequest, bool>> VisibleTo(Actor actor)
    {
        var all = actor.IsAdministrator || actor.IsIct || actor.IsUbnd;
        var agency = actor.IsAgencyMember ? actor.AgencyId : (Guid?)null;
        return r => all || (agency != null && r.Status != RequestStatus.Draft && r.TargetAgencyIds.Contains(agency.Value));
    }
}
