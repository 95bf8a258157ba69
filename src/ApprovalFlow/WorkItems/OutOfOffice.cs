using ApprovalFlow.Audit;
using ApprovalFlow.Calendar;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Proposals;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.WorkItems;

/// <summary>
/// Out of office: a person names the last day they are away and a substitute, who then sees and acts on their work
/// items on their behalf (recorded as such). The substitute must be of the same agency and share a role, so that
/// standing in never widens what anyone may see.
/// </summary>
public sealed class OutOfOffice(ApprovalFlowDbContext db, TimeProvider clock)
{
    /// <summary>Today in Vietnam: "away until" is a day of the province's calendar, whatever the server's zone.</summary>
    public static DateOnly Today(TimeProvider clock) => VietnamTime.Today(clock);

    /// <summary>The actor's away setting.</summary>
    public async Task<AwayStatus> GetAsync(Actor actor, CancellationToken cancellationToken)
    {
        var me = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new { u.AwayUntil, u.SubstituteUserId }).SingleAsync(cancellationToken);
        var substitute = me.SubstituteUserId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new UserRef(u.Id, u.FullName)).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new AwayStatus(me.AwayUntil, substitute, me.AwayUntil is { } until && until >= Today(clock));
    }

    /// <summary>Who may stand in for the actor: colleagues of their agency who share one of their roles.</summary>
    public async Task<IReadOnlyList<UserRef>> CandidatesAsync(Actor actor, CancellationToken cancellationToken)
    {
        var candidates = await Candidates(actor).AsNoTracking().Select(u => new UserRef(u.Id, u.FullName)).ToListAsync(cancellationToken);
        return [.. candidates.OrderBy(c => c.Name, VietnameseOrder.Comparer)];
    }

    /// <summary>
    /// Sets the actor away until <paramref name="awayUntil"/> (inclusive) with <paramref name="substituteId"/> standing
    /// in, or back at work when <paramref name="awayUntil"/> is null. Returns why it was refused, or null when saved.
    /// </summary>
    public async Task<string?> SetAsync(Actor actor, DateOnly? awayUntil, Guid? substituteId, CancellationToken cancellationToken)
    {
        UserRef? substitute = null;
        if (awayUntil is { } until)
        {
            if (until < Today(clock))
            {
                return ValidationMessages.Get("AwayUntilInPast");
            }

            if (substituteId is not { } id)
            {
                return ValidationMessages.Get("AwaySubstituteRequired");
            }

            substitute = await Candidates(actor).Where(u => u.Id == id).Select(u => new UserRef(u.Id, u.FullName)).SingleOrDefaultAsync(cancellationToken);
            if (substitute is null)
            {
                return ValidationMessages.Get("AwaySubstituteIneligible");
            }
        }

        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId, cancellationToken);
        user.AwayUntil = awayUntil;
        user.SubstituteUserId = substitute?.Id;
        db.Audit(AuditActions.UserAway, "user", user.Id, clock.GetUtcNow(), actor, details: new { awayUntil, substitute = substitute?.Name });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The ids of the colleagues the actor stands in for today: what <see cref="WorkItemAccess.OpenFor"/> needs.</summary>
    public async Task<IReadOnlyList<Guid>> StandingInForAsync(Actor actor, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(WorkItemAccess.AbsentFor(actor, Today(clock))).Select(u => u.Id).ToListAsync(cancellationToken);

    /// <summary>The colleagues the actor stands in for today, with their roles: whose items the actor's inbox also shows.</summary>
    public async Task<IReadOnlyList<Absentee>> AbsentForAsync(Actor actor, CancellationToken cancellationToken)
    {
        var absent = await db.Users.AsNoTracking().Where(WorkItemAccess.AbsentFor(actor, Today(clock)))
            .Select(u => new { u.Id, u.FullName, u.AgencyId }).ToListAsync(cancellationToken);
        if (absent.Count == 0)
        {
            return [];
        }

        var ids = absent.Select(a => a.Id).ToList();
        var roles = await (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id where ids.Contains(link.UserId) select new { link.UserId, role.Name })
            .ToListAsync(cancellationToken);
        return
        [
            .. absent.OrderBy(a => a.FullName, VietnameseOrder.Comparer).Select(a => new Absentee(
                a.Id, a.FullName, a.AgencyId, roles.Where(r => r.UserId == a.Id && r.Name is not null).Select(r => r.Name!).ToHashSet(StringComparer.Ordinal))),
        ];
    }

    /// <summary>Colleagues of the actor's agency, other than the actor, holding one of the actor's roles.</summary>
    private IQueryable<AppUser> Candidates(Actor actor)
    {
        var me = actor.UserId;
        var agencyId = actor.AgencyId;
        var myRoles = db.UserRoles.Where(link => link.UserId == me).Select(link => link.RoleId);
        return db.Users.Where(u => u.Id != me && u.AgencyId == agencyId && db.UserRoles.Any(link => link.UserId == u.Id && myRoles.Contains(link.RoleId)));
    }
}

/// <summary>A person's away setting.</summary>
/// <param name="AwayUntil">The last day away, as set (possibly past).</param>
/// <param name="Substitute">Who stands in.</param>
/// <param name="IsAway">Whether today is within it.</param>
public sealed record AwayStatus(DateOnly? AwayUntil, UserRef? Substitute, bool IsAway);

/// <summary>An absent colleague the actor stands in for, with what decides which items were theirs.</summary>
public sealed record Absentee(Guid UserId, string Name, Guid AgencyId, IReadOnlySet<string> Roles)
{
    /// <summary>Whether the absent colleague could act on <paramref name="item"/> (<see cref="WorkItemAccess.ActsOn"/>).</summary>
    public bool ActsOn(WorkItem item) => WorkItemAccess.ActsOn(item, UserId, AgencyId, Roles);
}
