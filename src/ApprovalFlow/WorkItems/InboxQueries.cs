using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Organization;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.WorkItems;

/// <summary>An inbox line: the item, the request and agency it is about, whom the actor would act for, and its due state.</summary>
/// <param name="Item">The work item.</param>
/// <param name="ProposalId">The proposal, for a proposal's step.</param>
/// <param name="RequestId">The request letter, for its own steps and its proposals'.</param>
/// <param name="RequestNumber">The request's number, e.g. 113/STTTT-BCVT&amp;CNTT.</param>
/// <param name="AgencyId">The agency whose proposal it is.</param>
/// <param name="AgencyName">That agency's name as of the request's date.</param>
/// <param name="OnBehalfOf">The absent colleague the actor stands in for on this item; null for the actor's own.</param>
/// <param name="Due">Where it stands against its due date.</param>
public sealed record InboxEntry(
    WorkItem Item, Guid? ProposalId, Guid? RequestId, string? RequestNumber, Guid? AgencyId, string? AgencyName, UserRef? OnBehalfOf, DueState Due);

/// <summary>A line of the reassignment board: the item, who holds it now, and who may be given it.</summary>
public sealed record ReassignLine(InboxEntry Entry, string? HolderName, IReadOnlyList<UserRef> Candidates);

/// <summary>
/// Reads the inbox: the actor's open items described for the list, filtered and ordered by the view the actor keeps.
/// Filters apply in memory to the items the visibility query returned: a person's open items are tens, not
/// thousands, and the request and agency come through the proposal, which the correlation names only as text.
/// </summary>
public sealed class InboxQueries(ApprovalFlowDbContext db, OutOfOffice outOfOffice, AgencyDirectory directory, TimeProvider clock)
{
    /// <summary>How close a due date makes an item "due soon" (the amber badge).</summary>
    public static TimeSpan DueSoonWindow { get; } = TimeSpan.FromDays(2);

    /// <summary>Every open item in the actor's inbox (absent colleagues' included), described, in no particular order.</summary>
    public async Task<IReadOnlyList<InboxEntry>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var connection = await OneConnection.OpenAsync(db, cancellationToken);
        return await ReadAsync(actor, cancellationToken);
    }

    /// <summary>The inbox and the view the actor left it in, as the inbox page shows them.</summary>
    public async Task<(IReadOnlyList<InboxEntry> Entries, InboxView View)> ListWithViewAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var connection = await OneConnection.OpenAsync(db, cancellationToken);
        return (await ReadAsync(actor, cancellationToken), await ViewOfAsync(actor, cancellationToken));
    }

    private async Task<IReadOnlyList<InboxEntry>> ReadAsync(Actor actor, CancellationToken cancellationToken)
    {
        var standingInFor = await outOfOffice.StandingInForAsync(actor, cancellationToken);
        var items = await db.WorkItems.AsNoTracking().Where(WorkItemAccess.OpenFor(actor, standingInFor)).ToListAsync(cancellationToken);
        var absentees = standingInFor.Count == 0 || items.TrueForAll(i => WorkItemAccess.ActsOn(i, actor.UserId, actor.AgencyId, actor.Roles))
            ? []
            : await outOfOffice.AbsentForAsync(actor, cancellationToken);
        return await DescribeAsync(items, item => WorkItemAccess.OnBehalfOf(item, actor, absentees), cancellationToken);
    }

    /// <summary>The entries <paramref name="view"/> keeps, in its order.</summary>
    public static IReadOnlyList<InboxEntry> Apply(IEnumerable<InboxEntry> entries, InboxView view)
    {
        var shown = entries.Where(e =>
            (view.RequestId is null || e.RequestId == view.RequestId)
            && (view.AgencyId is null || e.AgencyId == view.AgencyId)
            && (view.Form is null || e.Item.Form == view.Form)
            && view.Due switch
            {
                DueFilter.Overdue => e.Due == DueState.Overdue,
                DueFilter.DueSoon => e.Due == DueState.DueSoon,
                _ => true,
            });
        return view.Sort switch
        {
            InboxSort.Created => [.. shown.OrderByDescending(e => e.Item.CreatedAt)],
            InboxSort.Title => [.. shown.OrderBy(e => e.Item.Title, VietnameseOrder.Comparer).ThenBy(e => e.Item.DueAt ?? DateTimeOffset.MaxValue)],
            _ => [.. shown.OrderBy(e => e.Item.DueAt ?? DateTimeOffset.MaxValue).ThenBy(e => e.Item.CreatedAt)],
        };
    }

    /// <summary>The view the actor left the inbox in.</summary>
    public async Task<InboxView> ViewOfAsync(Actor actor, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.InboxView).SingleOrDefaultAsync(cancellationToken) ?? InboxView.Default;

    /// <summary>Keeps <paramref name="view"/> as the actor's; an unknown form is dropped rather than stored.</summary>
    public async Task SaveViewAsync(Actor actor, InboxView view, CancellationToken cancellationToken)
    {
        var clean = view.Form is null || WorkItemForms.All.Contains(view.Form) ? view : view with { Form = null };
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId, cancellationToken);
        user.InboxView = clean == InboxView.Default ? null : clean;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The open items the actor may reassign, with their holder and the people they may be given to.</summary>
    public async Task<IReadOnlyList<ReassignLine>> ReassignBoardAsync(Actor actor, CancellationToken cancellationToken)
    {
        var items = await db.WorkItems.AsNoTracking().Where(WorkItemAccess.ReassignableBy(actor)).ToListAsync(cancellationToken);
        var entries = await DescribeAsync(items, _ => null, cancellationToken);
        var holderIds = items.Select(i => i.ClaimedByUserId ?? i.AssigneeUserId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => holderIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);

        // Items of one role and agency share their candidates: one query each, not one per item.
        var candidates = new Dictionary<(string?, Guid?), IReadOnlyList<UserRef>>();
        var lines = new List<ReassignLine>();
        foreach (var entry in entries.OrderBy(e => e.Item.CreatedAt))
        {
            var key = (entry.Item.AssigneeRole, entry.Item.AgencyId);
            if (!candidates.TryGetValue(key, out var people))
            {
                var found = await WorkItemAccess.EligibleFor(db, entry.Item).AsNoTracking().Select(u => new UserRef(u.Id, u.FullName)).ToListAsync(cancellationToken);
                candidates[key] = people = [.. found.OrderBy(u => u.Name, VietnameseOrder.Comparer)];
            }

            var holder = entry.Item.ClaimedByUserId ?? entry.Item.AssigneeUserId;
            lines.Add(new ReassignLine(entry, holder is { } id ? names.GetValueOrDefault(id) : null, people));
        }

        return lines;
    }

    /// <summary>Adds to each item the request and agency it is about, through its proposal where it is a proposal's step.</summary>
    private async Task<IReadOnlyList<InboxEntry>> DescribeAsync(IReadOnlyList<WorkItem> items, Func<WorkItem, UserRef?> onBehalfOf, CancellationToken cancellationToken)
    {
        var correlations = items.Select(i => Guid.TryParse(i.CorrelationId, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        // A proposal's step names its request too: one query for both. Only the request letters' own steps (the ICT
        // department's and the UBND's) need the second, and an agency's inbox has none.
        var proposals = await (
                from p in db.Proposals.AsNoTracking()
                where correlations.Contains(p.Id)
                join r in db.Requests on p.RequestId equals r.Id
                select new { p.Id, p.RequestId, p.AgencyId, Request = new RequestRef(r.Id, r.Number, r.Date) })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var requests = proposals.Values.Select(p => p.Request).DistinctBy(r => r.Id).ToDictionary(r => r.Id);
        var letterIds = correlations.Where(id => !proposals.ContainsKey(id)).ToList();
        if (letterIds.Count > 0)
        {
            var letters = await db.Requests.AsNoTracking().Where(r => letterIds.Contains(r.Id))
                .Select(r => new RequestRef(r.Id, r.Number, r.Date)).ToListAsync(cancellationToken);
            letters.ForEach(r => requests[r.Id] = r);
        }

        var agencies = await directory.LoadRecentAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = OutOfOffice.Today(clock);
        return
        [
            .. items.Select(item =>
            {
                Guid? correlation = Guid.TryParse(item.CorrelationId, out var id) ? id : null;
                var proposal = correlation is { } c ? proposals.GetValueOrDefault(c) : null;
                var request = requests.GetValueOrDefault(proposal?.RequestId ?? correlation ?? Guid.Empty);
                var agencyId = proposal?.AgencyId ?? item.AgencyId;

                // Named as on the request's date, as the proposal lists do; an agency founded since goes by today's name.
                var agencyName = agencyId is { } a ? (agencies.ProfileOn(a, request?.Date ?? today) ?? agencies.ProfileOn(a, today))?.Name : null;
                return new InboxEntry(item, proposal?.Id, request?.Id, request?.Number, agencyId, agencyName, onBehalfOf(item), DueOf(item, now));
            }),
        ];
    }

    private sealed record RequestRef(Guid Id, string Number, DateOnly Date);

    private static DueState DueOf(WorkItem item, DateTimeOffset now) => item.DueAt switch
    {
        null => DueState.None,
        { } due when due < now => DueState.Overdue,
        { } due when due <= now + DueSoonWindow => DueState.DueSoon,
        _ => DueState.OnTime,
    };
}
