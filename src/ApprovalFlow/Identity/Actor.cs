namespace ApprovalFlow.Identity;

/// <summary>Who is acting: what the domain needs to know of the signed-in user to scope and record.</summary>
/// <param name="UserId">The user's id.</param>
/// <param name="DisplayName">The name shown in history and conflict messages.</param>
/// <param name="AgencyId">The agency the user belongs to.</param>
/// <param name="Roles">The user's role names (<see cref="Identity.Roles"/>).</param>
public sealed record Actor(Guid UserId, string DisplayName, Guid AgencyId, IReadOnlySet<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsAdministrator => IsInRole(Identity.Roles.Administrator);

    /// <summary>Staff and heads work within their own agency.</summary>
    public bool IsAgencyMember => IsInRole(Identity.Roles.AgencyStaff) || IsInRole(Identity.Roles.AgencyHead);

    public bool IsIct => IsInRole(Identity.Roles.IctReviewer) || IsInRole(Identity.Roles.IctLeader);

    public bool IsUbnd => IsInRole(Identity.Roles.UbndDecisionMaker);
}
