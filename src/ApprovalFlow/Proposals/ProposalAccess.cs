using System.Linq.Expressions;
using ApprovalFlow.Identity;

namespace ApprovalFlow.Proposals;

/// <summary>
/// Who may see and who may edit a proposal (DESIGN §2): agency staff and heads their own agency's; the ICT
/// roles what has been submitted to the ICT department; the UBND what has been put before it; administrators all.
/// </summary>
public static class ProposalAccess
{
    /// <summary>A filter for queries, translated to SQL so that nothing invisible is ever loaded.</summary>
    public static Expression<Func<Proposal, bool>> VisibleTo(Actor actor)
    {
        var all = actor.IsAdministrator;
        var agency = actor.IsAgencyMember ? actor.AgencyId : (Guid?)null;
        var ict = actor.IsIct;
        var ubnd = actor.IsUbnd;
        return p => all
            || (agency != null && p.AgencyId == agency)
            || (ict && p.SubmittedToIctAt != null)
            || (ubnd && p.SubmittedToUbndAt != null);
    }

    /// <summary>Only the agency's staff write its proposal, and only while it is a draft or returned.</summary>
    public static bool CanEdit(Proposal proposal, Actor actor) =>
        proposal.IsEditable && actor.IsInRole(Roles.AgencyStaff) && actor.AgencyId == proposal.AgencyId;
}
