using ApprovalFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Organization;

/// <summary>Loads the organisation directory; a province has tens of agencies, so it is read whole, once per request.</summary>
public sealed class AgencyDirectory(ApprovalFlowDbContext db)
{
    public async Task<AgencyLookup> LoadAsync(CancellationToken cancellationToken) =>
        new(await db.Agencies.AsNoTracking().Include(a => a.Profiles).ToDictionaryAsync(a => a.Id, cancellationToken));

    /// <summary>Only <paramref name="ids"/>: for a hot page that names a handful of agencies (the inbox).</summary>
    public async Task<AgencyLookup> LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? new(new Dictionary<Guid, Agency>())
            : new(await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Include(a => a.Profiles).ToDictionaryAsync(a => a.Id, cancellationToken));
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
