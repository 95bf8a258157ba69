using ApprovalFlow.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ApprovalFlow.Organization;

/// <summary>Loads the organisation directory; a province has tens of agencies, so it is read whole.</summary>
/// <param name="db">Where the directory lives.</param>
/// <param name="cache">Keeps <see cref="LoadRecentAsync"/>'s copy; without one, every load reads the database.</param>
public sealed class AgencyDirectory(ApprovalFlowDbContext db, IMemoryCache? cache = null)
{
    /// <summary>How long <see cref="LoadRecentAsync"/> serves its copy before reading the directory again.</summary>
    public static readonly TimeSpan RecentFor = TimeSpan.FromMinutes(1);

    private static readonly object CacheKey = new();

    /// <summary>The directory as the database holds it now.</summary>
    public async Task<AgencyLookup> LoadAsync(CancellationToken cancellationToken) =>
        new(await db.Agencies.AsNoTracking().Include(a => a.Profiles).ToDictionaryAsync(a => a.Id, cancellationToken));

    /// <summary>
    /// The directory as read at most <see cref="RecentFor"/> ago, for the pages every user opens all day (the inbox).
    /// Agencies change only when the province reorganises (by seeding, today): whatever comes to edit them must
    /// remove this copy on its node, and the other nodes read the change within <see cref="RecentFor"/>.
    /// </summary>
    public async Task<AgencyLookup> LoadRecentAsync(CancellationToken cancellationToken) =>
        cache is null
            ? await LoadAsync(cancellationToken)
            : (await cache.GetOrCreateAsync(CacheKey, entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = RecentFor;
                return LoadAsync(cancellationToken);
            }))!;
}

/// <summary>
/// Agencies as they were on a given date: names and titles in documents follow the document's date, since the
/// 2025 reorganisation renamed several.
/// </summary>
public sealed class AgencyLookup(IReadOnlyDictionary<Guid, Agency> agencies)
{
    public Agency? Find(Guid id) => agencies.GetValueOrDefault(id);

    /// <summary>The agency's profile on <paramref name="date"/>, or null when it did not exist then.</summary>
    public AgencyProfile? ProfileOn(Guid id, DateOnly date) => Find(id)?.ProfileOn(date);

    /// <summary>The agency that reviewed proposals on <paramref name="date"/>.</summary>
    public AgencyProfile? ReviewerOn(DateOnly date) =>
        agencies.Values.Select(a => a.ProfileOn(date)).FirstOrDefault(p => p?.IsReviewingAgency == true);
}
