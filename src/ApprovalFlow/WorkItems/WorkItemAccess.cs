using System.Linq.Expressions;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.WorkItems;

/// <summary>
/// Who may act on a work item, and who may hand it to someone else (DESIGN §3.3). The rules are expressions
/// translated to SQL, so that nothing outside a person's reach is ever loaded.
/// </summary>
public static class WorkItemAccess
{
    /// <summary>
    /// Open items the actor may act on: assigned to them, claimed by them, or offered to their role and not taken
    /// (within their agency when scoped); and, within the actor's own roles, the items assigned to or claimed by
    /// the colleagues in <paramref name="standingInFor"/> (<see cref="OutOfOffice.StandingInForAsync"/>). A
    /// colleague's unclaimed role items need no branch of their own: the colleague is of the actor's agency and the
    /// role one the actor holds, so they are the actor's own role items already.
    /// </summary>
    /// <remarks>
    /// Shaped for the indexes at a province's scale (a million items): every branch is an equality on an indexed
    /// column, so both databases read only the matching open rows (SQLite's multi-index OR, PostgreSQL's bitmap OR).
    /// The roles go into the SQL as one parameter each (EF Core 10's default for a collection): the planner sees an
    /// IN list it can seek the index with, and the SQL is generated once and cached, which constants would prevent.
    /// </remarks>
    public static Expression<Func<WorkItem, bool>> OpenFor(Actor actor, IReadOnlyCollection<Guid> standingInFor)
    {
        var userId = actor.UserId;
        var roles = actor.Roles.ToList();
        var agencyId = actor.AgencyId;
        if (standingInFor.Count == 0)
        {
            return i => i.Status == WorkItemStatus.Open
                && (i.AssigneeUserId == userId
                    || i.ClaimedByUserId == userId
                    || (i.AssigneeUserId == null && i.ClaimedByUserId == null && i.AssigneeRole != null && roles.Contains(i.AssigneeRole)
                        && (i.AgencyId == null || i.AgencyId == agencyId)));
        }

        // A substitute stands in only within the roles they hold themselves: a staff member standing in for a
        // colleague who is also the head never signs for the head.
        var absent = standingInFor.Select(id => (Guid?)id).ToList();
        return i => i.Status == WorkItemStatus.Open
            && (i.AssigneeUserId == userId
                || i.ClaimedByUserId == userId
                || (i.AssigneeUserId == null && i.ClaimedByUserId == null && i.AssigneeRole != null && roles.Contains(i.AssigneeRole)
                    && (i.AgencyId == null || i.AgencyId == agencyId))
                || (i.AssigneeRole != null && roles.Contains(i.AssigneeRole)
                    && (absent.Contains(i.AssigneeUserId) || absent.Contains(i.ClaimedByUserId))));
    }

    /// <summary>
    /// The same rule as <see cref="OpenFor"/> for one person, in memory: tells which of the loaded items are the
    /// actor's own and which they see for an absent colleague.
    /// </summary>
    public static bool ActsOn(WorkItem item, Guid userId, Guid agencyId, IReadOnlySet<string> roles) =>
        item.Status == WorkItemStatus.Open
        && (item.AssigneeUserId == userId
            || item.ClaimedByUserId == userId
            || (item.AssigneeUserId is null && item.ClaimedByUserId is null && item.AssigneeRole is not null && roles.Contains(item.AssigneeRole)
                && (item.AgencyId is null || item.AgencyId == agencyId)));

    /// <summary>
    /// Whom the actor acts for on <paramref name="item"/>: null on their own items (unless they claimed it for a
    /// colleague, which it then stays until released); else the first of <paramref name="absentees"/> it is for.
    /// </summary>
    public static UserRef? OnBehalfOf(WorkItem item, Actor actor, IReadOnlyList<Absentee> absentees) =>
        ActsOn(item, actor.UserId, actor.AgencyId, actor.Roles)
            ? item.ClaimedByUserId == actor.UserId && item.OnBehalfOfUserId is { } absent ? new UserRef(absent, item.OnBehalfOfName ?? "") : null
            : item.AssigneeRole is { } role && actor.Roles.Contains(role) && absentees.FirstOrDefault(a => a.ActsOn(item)) is { } colleague
                ? new UserRef(colleague.UserId, colleague.Name)
                : null;

    /// <summary>
    /// The colleagues the actor stands in for today. The agency is checked again here, not only when the
    /// substitute was chosen, so that a person who moved agency never sees another agency's work.
    /// </summary>
    public static Expression<Func<AppUser, bool>> AbsentFor(Actor actor, DateOnly today)
    {
        var userId = actor.UserId;
        var agencyId = actor.AgencyId;
        return u => u.SubstituteUserId == userId && u.AwayUntil != null && u.AwayUntil >= today && u.AgencyId == agencyId;
    }

    /// <summary>
    /// Open items the actor may reassign: administrators any; an agency head those scoped to their agency; the ICT
    /// leader those of the ICT roles.
    /// </summary>
    public static Expression<Func<WorkItem, bool>> ReassignableBy(Actor actor)
    {
        var all = actor.IsAdministrator;
        var head = actor.IsInRole(Roles.AgencyHead);
        var agencyId = actor.AgencyId;
        var ictLeader = actor.IsInRole(Roles.IctLeader);
        return i => i.Status == WorkItemStatus.Open
            && (all
                || (head && i.AgencyId == agencyId)
                || (ictLeader && (i.AssigneeRole == Roles.IctReviewer || i.AssigneeRole == Roles.IctLeader)));
    }

    /// <summary>Whether the actor may reassign some items at all: decides whether the pages offer it.</summary>
    public static bool MayReassign(Actor actor) =>
        actor.IsAdministrator || actor.IsInRole(Roles.AgencyHead) || actor.IsInRole(Roles.IctLeader);

    /// <summary>The users who may be given an item: members of its role, and of its agency when it is scoped.</summary>
    public static IQueryable<AppUser> EligibleFor(ApprovalFlowDbContext db, WorkItem item)
    {
        var role = item.AssigneeRole;
        var agencyId = item.AgencyId;
        var members = from link in db.UserRoles join r in db.Roles on link.RoleId equals r.Id where r.Name == role select link.UserId;
        return db.Users.Where(u => (agencyId == null || u.AgencyId == agencyId) && (role == null || members.Contains(u.Id)));
    }
}
