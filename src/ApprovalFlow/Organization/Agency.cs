namespace ApprovalFlow.Organization;

/// <summary>
/// A provincial body (cơ quan): the province's People's Committee, a department (sở) or a board (ban).
/// Its identity is stable; what it is called, who it answers to and whether it reviews proposals change
/// over time (the 2025 reorganisation merged and renamed several), so those live in dated <see cref="AgencyProfile"/>s.
/// </summary>
public sealed class Agency
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>A stable code for configuration and demo accounts, e.g. <c>BDT</c>; never printed on documents.</summary>
    public required string Code { get; init; }

    /// <summary>The body this one reports to (the province for a department); null for the province itself.</summary>
    public Guid? ParentId { get; init; }

    public List<AgencyProfile> Profiles { get; init; } = [];

    /// <summary>The profile in force on <paramref name="date"/>, or null when the agency did not exist then.</summary>
    public AgencyProfile? ProfileOn(DateOnly date) =>
        Profiles.Where(p => p.IsValidOn(date)).OrderByDescending(p => p.ValidFrom).FirstOrDefault();
}
